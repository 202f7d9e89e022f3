import { useTranslation } from "~/lib/i18n/react";
import { SelectField, TextField, useFieldError } from "~/components/form";
import { PRACTICE_KINDS } from "#db/enums";
import { DESCRIPTION_MAX, MAX_HOURS_PER_DAY } from "~/domain/practice/rules";
import type { FormErrors } from "~/lib/forms";

/** Date, hours, kind, goal and description of one practice entry. */
export function EntryFields({
  values,
  errors,
  goals,
  today,
}: {
  values?: Record<string, string | null>;
  errors?: FormErrors;
  goals: Array<{ id: string; title: string }>;
  today: string;
}) {
  const { t } = useTranslation();
  const message = useFieldError();
  const v = (name: string) => values?.[name] ?? undefined;
  return (
    <div className="grid gap-x-4 sm:grid-cols-3">
      <TextField name="date" type="date" max={today} label={t("practice.date")} required defaultValue={v("date") ?? today} error={errors?.date} />
      <TextField
        name="hours"
        inputMode="decimal"
        label={t("practice.hours")}
        hint={t("practice.hoursHint", { max: MAX_HOURS_PER_DAY })}
        required
        defaultValue={v("hours")}
        error={errors?.hours}
      />
      <SelectField
        name="kind"
        label={t("practice.kind")}
        options={PRACTICE_KINDS.filter((k) => k !== "supervision").map((k) => ({ value: k, label: t(`practice.kinds.${k}`) }))}
        defaultValue={v("kind") ?? "direct_work"}
        error={errors?.kind}
      />
      <div className="sm:col-span-3">
        <SelectField
          name="goalId"
          label={`${t("practice.goal")} (${t("form.optional")})`}
          options={[{ value: "", label: t("practice.noGoal") }, ...goals.map((g) => ({ value: g.id, label: g.title }))]}
          defaultValue={v("goalId") ?? ""}
          error={errors?.goalId}
        />
      </div>
      <div className="mb-4 sm:col-span-3">
        <label htmlFor="field-description" className="mb-1 block font-medium">
          {t("practice.description")}
        </label>
        <p id="field-description-hint" className="mb-1 text-sm text-slate-600">
          {t("practice.descriptionHint")}
        </p>
        <textarea
          id="field-description"
          name="description"
          rows={3}
          maxLength={DESCRIPTION_MAX}
          required
          defaultValue={v("description") ?? ""}
          aria-invalid={errors?.description ? true : undefined}
          aria-describedby={`field-description-hint${errors?.description ? " field-description-error" : ""}`}
          className="block w-full rounded border border-slate-500 p-2 aria-[invalid=true]:border-red-700"
        />
        {errors?.description ? (
          <p id="field-description-error" className="mt-1 text-sm font-medium text-red-800">
            {message(errors.description)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
