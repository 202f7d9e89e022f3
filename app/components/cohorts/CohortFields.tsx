import { useTranslation } from "~/lib/i18n/react";
import { SelectField, TextField } from "~/components/form";
import { COHORT_REGIONS } from "#db/enums";
import { COHORT_NAME_MAX, MAX_PRACTICE_HOURS } from "~/domain/cohorts/limits";
import type { FormErrors } from "~/lib/forms";

/** A cohort's name, region, dates and required practice hours. */
export function CohortFields({ values, errors }: { values?: Record<string, string | number | null>; errors?: FormErrors }) {
  const { t } = useTranslation();
  const v = (name: string) => (values?.[name] === null || values?.[name] === undefined ? undefined : String(values[name]));
  return (
    <div className="grid gap-x-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <TextField name="name" label={t("cohorts.name")} required maxLength={COHORT_NAME_MAX} defaultValue={v("name")} error={errors?.name} />
      </div>
      <SelectField
        name="region"
        label={t("cohorts.region")}
        options={COHORT_REGIONS.map((r) => ({ value: r, label: t(`regions.${r}`) }))}
        defaultValue={v("region") ?? "both"}
        error={errors?.region}
      />
      <TextField
        name="requiredPracticeHours"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_PRACTICE_HOURS}
        label={t("cohorts.requiredHours")}
        defaultValue={v("requiredPracticeHours") ?? "0"}
        error={errors?.requiredPracticeHours}
      />
      <TextField name="startsOn" type="date" label={t("cohorts.startsOn")} required defaultValue={v("startsOn")} error={errors?.startsOn} />
      <TextField name="endsOn" type="date" label={t("cohorts.endsOn")} required defaultValue={v("endsOn")} error={errors?.endsOn} />
    </div>
  );
}
