import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, SubmitButton, TextField, useFieldError } from "~/components/form";
import { ACTIONS_MAX, TOPICS_MAX } from "~/domain/practice/rules";
import type { FormErrors } from "~/lib/forms";

/** Recording a supervision session: date, length, topics and the agreed actions (one per line). */
export function SessionForm({ today, values, errors, note }: { today: string; values?: Record<string, string>; errors?: FormErrors; note: string }) {
  const { t } = useTranslation();
  const message = useFieldError();
  const area = (name: "topics" | "actions", label: string, hint: string, max: number) => (
    <div className="mb-4 sm:col-span-2">
      <label htmlFor={`session-${name}`} className="mb-1 block font-medium">{label}</label>
      <p id={`session-${name}-hint`} className="mb-1 text-sm text-slate-600">{hint}</p>
      <textarea
        id={`session-${name}`}
        name={name}
        rows={3}
        maxLength={max}
        defaultValue={values?.[name] ?? ""}
        aria-invalid={errors?.[name] ? true : undefined}
        aria-describedby={`session-${name}-hint${errors?.[name] ? ` session-${name}-error` : ""}`}
        className="block w-full rounded border border-slate-500 p-2"
      />
      {errors?.[name] ? <p id={`session-${name}-error`} className="mt-1 text-sm font-medium text-red-800">{message(errors[name])}</p> : null}
    </div>
  );
  return (
    <Form method="post" noValidate>
      <input type="hidden" name="intent" value="session" />
      <p className="mb-3 text-sm text-slate-700">{note}</p>
      <ErrorSummary errors={errors} />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextField name="date" id="session-date" type="date" max={today} label={t("practice.date")} required defaultValue={values?.date ?? today} error={errors?.date} />
        <TextField name="hours" id="session-hours" inputMode="decimal" label={t("supervision.length")} required defaultValue={values?.hours} error={errors?.hours} />
        {area("topics", t("supervision.topics"), t("supervision.topicsHint"), TOPICS_MAX)}
        {area("actions", `${t("supervision.actions")} (${t("form.optional")})`, t("supervision.actionsHint", { max: ACTIONS_MAX }), 4000)}
      </div>
      <SubmitButton>{t("supervision.record")}</SubmitButton>
    </Form>
  );
}
