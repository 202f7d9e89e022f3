import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, SelectField, SubmitButton, useFieldError } from "~/components/form";
import { REASON_MAX } from "~/domain/cohorts/limits";
import type { FormErrors } from "~/lib/forms";

type Placement = {
  history: Array<{
    id: string;
    cohortId: string;
    cohortName: string;
    organizationId: string | null;
    organizationName: string | null;
    mentorId: string | null;
    mentorName: string | null;
    status: string;
    createdAt: Date | string;
    endedAt: Date | string | null;
    endReason: string | null;
  }>;
  cohorts: Array<{ id: string; name: string }>;
  organisations: Array<{ id: string; name: string }>;
  mentors: Array<{ id: string; name: string }>;
};

const section = "mb-6 rounded border border-slate-200 bg-white p-4";

/** A fellow's cohort, host organisation and mentor, with the forms that change them and the history of each change. */
export function PlacementSections({ placement, form, errors, values }: { placement: Placement; form?: string; errors?: FormErrors; values?: Record<string, string> }) {
  const { t } = useTranslation();
  const message = useFieldError();
  const current = placement.history.find((h) => h.status === "active");
  const errorsFor = (name: string) => (form === name ? errors : undefined);
  const valueFor = (name: string, field: string, fallback: string) => (form === name ? (values?.[field] ?? fallback) : fallback);
  const organisationOptions = [{ value: "", label: t("enrolment.noOrganisation") }, ...placement.organisations.map((o) => ({ value: o.id, label: o.name }))];
  const mentorOptions = [{ value: "", label: t("enrolment.noMentor") }, ...placement.mentors.map((m) => ({ value: m.id, label: m.name }))];
  const day = (at: Date | string | null) => (at ? new Date(at).toISOString().slice(0, 10) : "");

  return (
    <>
      {current ? (
        <>
          <section aria-labelledby="placement-heading" className={section}>
            <h2 id="placement-heading" className="mb-1 text-xl font-semibold">{t("enrolment.placementTitle")}</h2>
            <p className="mb-3">{t("enrolment.currentCohort", { cohort: current.cohortName })}</p>
            <ErrorSummary errors={errorsFor("placement")} />
            <Form method="post" className="grid gap-x-4 sm:grid-cols-2">
              <input type="hidden" name="intent" value="placement" />
              <SelectField name="organizationId" id="placement-organisation" label={t("enrolment.organisation")} options={organisationOptions} defaultValue={valueFor("placement", "organizationId", current.organizationId ?? "")} error={errorsFor("placement")?.organizationId} />
              <SelectField name="mentorId" id="placement-mentor" label={t("enrolment.mentor")} hint={t("enrolment.mentorHint")} options={mentorOptions} defaultValue={valueFor("placement", "mentorId", current.mentorId ?? "")} error={errorsFor("placement")?.mentorId} />
              <div className="sm:col-span-2">
                <SubmitButton>{t("enrolment.savePlacement")}</SubmitButton>
              </div>
            </Form>
          </section>
          <section aria-labelledby="move-heading" className={section}>
            <h2 id="move-heading" className="mb-1 text-xl font-semibold">{t("enrolment.moveTitle")}</h2>
            <p className="mb-3 text-sm text-slate-700">{t("enrolment.moveHint")}</p>
            <ErrorSummary errors={errorsFor("move")} />
            {placement.cohorts.some((c) => c.id !== current.cohortId) ? (
              <Form method="post">
                <input type="hidden" name="intent" value="move" />
                <SelectField
                  name="cohortId"
                  id="move-cohort"
                  label={t("enrolment.moveTo")}
                  options={placement.cohorts.filter((c) => c.id !== current.cohortId).map((c) => ({ value: c.id, label: c.name }))}
                  defaultValue={valueFor("move", "cohortId", "")}
                  error={errorsFor("move")?.cohortId}
                />
                <SubmitButton>{t("enrolment.move")}</SubmitButton>
              </Form>
            ) : (
              <p>{t("enrolment.noOtherCohort")}</p>
            )}
          </section>
          <section aria-labelledby="withdraw-heading" className={section}>
            <h2 id="withdraw-heading" className="mb-1 text-xl font-semibold">{t("enrolment.withdrawTitle")}</h2>
            <p className="mb-3 text-sm text-slate-700">{t("enrolment.withdrawHint")}</p>
            <ErrorSummary errors={errorsFor("withdraw")} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="withdraw" />
              <div className="mb-4">
                <label htmlFor="withdraw-reason" className="mb-1 block font-medium">{t("enrolment.reason")}</label>
                <textarea
                  id="withdraw-reason"
                  name="reason"
                  rows={3}
                  maxLength={REASON_MAX}
                  required
                  defaultValue={valueFor("withdraw", "reason", "")}
                  aria-invalid={errorsFor("withdraw")?.reason ? true : undefined}
                  aria-describedby={errorsFor("withdraw")?.reason ? "withdraw-reason-error" : undefined}
                  className="block w-full rounded border border-slate-500 p-2"
                />
                {errorsFor("withdraw")?.reason ? <p id="withdraw-reason-error" className="mt-1 text-sm font-medium text-red-800">{message(errorsFor("withdraw")!.reason)}</p> : null}
              </div>
              <button type="submit" className="rounded bg-red-800 px-4 py-2 font-semibold text-white hover:bg-red-900">{t("enrolment.withdraw")}</button>
            </Form>
          </section>
        </>
      ) : (
        <section aria-labelledby="enrol-heading" className={section}>
          <h2 id="enrol-heading" className="mb-1 text-xl font-semibold">{t("enrolment.enrolTitle")}</h2>
          <p className="mb-3 text-sm text-slate-700">{t("enrolment.enrolHint")}</p>
          <ErrorSummary errors={errorsFor("enrol")} />
          {placement.cohorts.length ? (
            <Form method="post" className="grid gap-x-4 sm:grid-cols-3">
              <input type="hidden" name="intent" value="enrol" />
              <SelectField name="cohortId" id="enrol-cohort" label={t("enrolment.cohort")} options={placement.cohorts.map((c) => ({ value: c.id, label: c.name }))} defaultValue={valueFor("enrol", "cohortId", placement.cohorts.at(-1)!.id)} error={errorsFor("enrol")?.cohortId} />
              <SelectField name="organizationId" id="enrol-organisation" label={t("enrolment.organisation")} options={organisationOptions} defaultValue={valueFor("enrol", "organizationId", "")} error={errorsFor("enrol")?.organizationId} />
              <SelectField name="mentorId" id="enrol-mentor" label={t("enrolment.mentor")} options={mentorOptions} defaultValue={valueFor("enrol", "mentorId", "")} error={errorsFor("enrol")?.mentorId} />
              <div className="sm:col-span-3">
                <SubmitButton>{t("enrolment.enrol")}</SubmitButton>
              </div>
            </Form>
          ) : (
            <p>{t("enrolment.noCohorts")}</p>
          )}
        </section>
      )}
      <section aria-labelledby="history-heading" className={section}>
        <h2 id="history-heading" className="mb-2 text-xl font-semibold">{t("enrolment.history")}</h2>
        {placement.history.length === 0 ? (
          <p>{t("enrolment.noHistory")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="enrolment-history">
            {placement.history.map((h) => (
              <li key={h.id} className="py-2">
                <p className="font-medium">
                  {h.cohortName} · {t(`enrolment.statuses.${h.status}`)}
                </p>
                <p className="text-sm text-slate-700">
                  {t("enrolment.since", { date: day(h.createdAt) })}
                  {h.endedAt ? ` · ${t("enrolment.until", { date: day(h.endedAt) })}` : ""} · {h.organizationName ?? t("enrolment.noOrganisation")} ·{" "}
                  {h.mentorName ?? t("enrolment.noMentor")}
                </p>
                {h.endReason ? <p className="text-sm">{t("enrolment.reasonGiven", { reason: h.endReason })}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
