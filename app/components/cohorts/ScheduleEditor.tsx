import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, SubmitButton, useFieldError } from "~/components/form";
import type { FormErrors } from "~/lib/forms";

type Row = { slug: string; number: number | null; title: string; opensOn: string; dueOn: string; required: boolean };

const smallButton = "rounded border border-slate-500 px-2 py-1 text-sm hover:bg-slate-100 disabled:opacity-40";
const dateInput = "rounded border border-slate-500 bg-white px-2 py-1 aria-[invalid=true]:border-red-700";

/**
 * The cohort's modules in order, each with its dates and required flag. One
 * form: the move, remove and add buttons send the dates being edited along,
 * so nothing typed is lost, and all of it works without JavaScript.
 */
export function ScheduleEditor({ rows, unscheduled, errors }: { rows: Row[]; unscheduled: Array<{ slug: string; number: number; title: string }>; errors?: FormErrors }) {
  const { t } = useTranslation();
  const message = useFieldError();
  const field = (name: string, row: Row) => {
    const error = errors?.[`${name}:${row.slug}`];
    const input = {
      id: `${name}-${row.slug}`,
      name: `${name}:${row.slug}`,
      "aria-invalid": error ? true : undefined,
      "aria-describedby": error ? `${name}-${row.slug}-error` : undefined,
    };
    return { input, error };
  };
  return (
    <section id="schedule" aria-labelledby="schedule-heading" className="mb-8 rounded border border-slate-200 bg-white p-4">
      <h2 id="schedule-heading" className="mb-1 text-xl font-semibold">
        {t("schedule.title")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("schedule.intro")}</p>
      <ErrorSummary errors={errors} />
      <Form method="post" noValidate preventScrollReset>
        {/* Pressing Enter in a date field saves; without this the first "move" button would be the form's default. */}
        <button type="submit" name="intent" value="save" tabIndex={-1} aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          {t("schedule.save")}
        </button>
        {rows.length === 0 ? <p className="mb-3">{t("schedule.empty")}</p> : null}
        <ol className="mb-4 space-y-3">
          {rows.map((row, i) => {
            const opens = field("opensOn", row);
            const due = field("dueOn", row);
            return (
              <li key={row.slug} className="rounded border border-slate-300 p-3">
                <input type="hidden" name="slug" value={row.slug} />
                <p className="mb-2 font-semibold">
                  {i + 1}. {row.title}
                </p>
                <div className="flex flex-wrap items-end gap-4">
                  <div>
                    <label htmlFor={opens.input.id} className="block text-sm font-medium">
                      {t("schedule.opensOn")}
                    </label>
                    <input type="date" defaultValue={row.opensOn} required className={dateInput} {...opens.input} />
                    {opens.error ? <p id={`${opens.input.id}-error`} className="text-sm font-medium text-red-800">{message(opens.error)}</p> : null}
                  </div>
                  <div>
                    <label htmlFor={due.input.id} className="block text-sm font-medium">
                      {t("schedule.dueOn")} ({t("form.optional")})
                    </label>
                    <input type="date" defaultValue={row.dueOn} className={dateInput} {...due.input} />
                    {due.error ? <p id={`${due.input.id}-error`} className="text-sm font-medium text-red-800">{message(due.error)}</p> : null}
                  </div>
                  <div className="flex items-center gap-2 pb-1">
                    <input type="checkbox" id={`required-${row.slug}`} name={`required:${row.slug}`} defaultChecked={row.required} className="h-5 w-5" />
                    <label htmlFor={`required-${row.slug}`}>{t("schedule.required")}</label>
                  </div>
                  <div className="flex gap-2 pb-1">
                    <button type="submit" name="intent" value={`up:${row.slug}`} disabled={i === 0} className={smallButton} aria-label={`${t("schedule.moveUp")}: ${row.title}`}>
                      <span aria-hidden="true">↑ </span>
                      {t("schedule.moveUp")}
                    </button>
                    <button type="submit" name="intent" value={`down:${row.slug}`} disabled={i === rows.length - 1} className={smallButton} aria-label={`${t("schedule.moveDown")}: ${row.title}`}>
                      <span aria-hidden="true">↓ </span>
                      {t("schedule.moveDown")}
                    </button>
                    <button type="submit" name="intent" value={`remove:${row.slug}`} className={smallButton} aria-label={`${t("schedule.remove")}: ${row.title}`}>
                      {t("schedule.remove")}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
        {unscheduled.length ? (
          <div className="mb-4 flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="addSlug" className="block text-sm font-medium">
                {t("schedule.addModule")}
              </label>
              <select id="addSlug" name="addSlug" className="rounded border border-slate-500 bg-white px-2 py-1">
                {unscheduled.map((m) => (
                  <option key={m.slug} value={m.slug}>
                    {m.number}. {m.title}
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" name="intent" value="add" className={smallButton}>
              {t("schedule.add")}
            </button>
          </div>
        ) : null}
        <SubmitButton name="intent" value="save">
          {t("schedule.save")}
        </SubmitButton>
      </Form>
    </section>
  );
}
