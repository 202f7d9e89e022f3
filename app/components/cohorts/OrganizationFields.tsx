import { useTranslation } from "~/lib/i18n/react";
import { SelectField, TextField } from "~/components/form";
import { REGIONS } from "#db/enums";
import { ORGANIZATION_NAME_MAX } from "~/domain/cohorts/limits";
import type { FormErrors } from "~/lib/forms";

/** The fields of a host organisation, for creating and for editing. */
export function OrganizationFields({ values, errors }: { values?: Record<string, string | null>; errors?: FormErrors }) {
  const { t } = useTranslation();
  const v = (name: string) => values?.[name] ?? undefined;
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <TextField name="name" label={t("organisations.name")} required maxLength={ORGANIZATION_NAME_MAX} defaultValue={v("name")} error={errors?.name} />
      <TextField name="municipality" label={t("organisations.municipality")} required maxLength={80} defaultValue={v("municipality")} error={errors?.municipality} />
      <SelectField
        name="region"
        label={t("organisations.region")}
        options={REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        defaultValue={v("region") ?? "kvemo_kartli"}
        error={errors?.region}
      />
      <TextField name="contactName" label={`${t("organisations.contactName")} (${t("form.optional")})`} maxLength={120} defaultValue={v("contactName")} error={errors?.contactName} />
      <TextField name="contactEmail" type="email" label={`${t("organisations.contactEmail")} (${t("form.optional")})`} maxLength={254} defaultValue={v("contactEmail")} error={errors?.contactEmail} />
      <TextField name="contactPhone" type="tel" label={`${t("organisations.contactPhone")} (${t("form.optional")})`} maxLength={40} defaultValue={v("contactPhone")} error={errors?.contactPhone} />
    </div>
  );
}
