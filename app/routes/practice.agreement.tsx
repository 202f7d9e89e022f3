import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton, TextField, useFieldError } from "~/components/form";
import { AgreementView } from "~/components/practice/AgreementView";
import { listModuleSlugs } from "~/domain/content/catalog.server";
import { listAgreements, saveDraft, signAgreement, startNewVersion, submitAgreement } from "~/domain/practice/agreement.server";
import { moduleTitles } from "~/domain/practice/practice-page.server";
import { GOAL_TEXT_MAX, GOAL_TITLE_MAX, GOALS_MAX, GOALS_MIN, HOURS_PER_WEEK_MAX } from "~/domain/practice/rules";
import { readAgreementForm } from "~/domain/practice/schemas";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import type { FormErrors } from "~/lib/forms";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "agreement.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return { agreements: listAgreements(user.id), moduleTitles: moduleTitles(resolveLocale(request, user.locale)) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const form = await request.formData();
  const intent = form.get("intent");
  const fail = (key: string, values?: Record<string, string>, errors?: FormErrors, keyValues?: Record<string, string>) =>
    data({ errors: errors ?? { _form: { key, values: keyValues } }, values }, { status: 400 });
  if (intent === "sign") {
    const signed = signAgreement(user.id);
    return signed.ok ? redirectWithFlash(request, "/practice/agreement", { key: "agreement.signed" }) : fail(signed.key);
  }
  if (intent === "newVersion") {
    const started = startNewVersion(user.id);
    return started.ok ? redirectWithFlash(request, "/practice/agreement", { key: "agreement.newVersionStarted" }) : fail(started.key);
  }
  const parsed = readAgreementForm(form, listModuleSlugs());
  if (!parsed.ok) return fail("", parsed.values, parsed.errors);
  const saved = saveDraft(user.id, parsed.data);
  if (!saved.ok) return fail(saved.key, parsed.values);
  if (intent === "submit") {
    const submitted = await submitAgreement(user.id);
    if (!submitted.ok) return fail(submitted.key, parsed.values, undefined, submitted.values);
    return redirectWithFlash(request, "/practice/agreement", { key: "agreement.submitted" });
  }
  return redirectWithFlash(request, "/practice/agreement", { key: "agreement.draftSaved" });
}

function GoalSlot({ n, values, errors, modules }: { n: number; values: Record<string, string>; errors?: FormErrors; modules: Record<string, string> }) {
  const { t } = useTranslation();
  const message = useFieldError();
  const area = (field: "Activities" | "Evidence", label: string) => {
    const name = `goal${n}${field}`;
    return (
      <div className="mb-3">
        <label htmlFor={name} className="mb-1 block font-medium">{label}</label>
        <textarea id={name} name={name} rows={2} maxLength={GOAL_TEXT_MAX} defaultValue={values[name] ?? ""} aria-invalid={errors?.[name] ? true : undefined} aria-describedby={errors?.[name] ? `${name}-error` : undefined} className="block w-full rounded border border-slate-500 p-2" />
        {errors?.[name] ? <p id={`${name}-error`} className="mt-1 text-sm font-medium text-red-800">{message(errors[name])}</p> : null}
      </div>
    );
  };
  return (
    <fieldset className="mb-4 rounded border border-slate-300 p-3">
      <legend className="px-1 font-semibold">
        {t("agreement.goalN", { n })}
        {n > GOALS_MIN ? ` (${t("form.optional")})` : ""}
      </legend>
      <TextField name={`goal${n}Title`} label={t("agreement.goalTitle")} maxLength={GOAL_TITLE_MAX} defaultValue={values[`goal${n}Title`]} error={errors?.[`goal${n}Title`]} />
      {area("Activities", t("agreement.activities"))}
      {area("Evidence", t("agreement.evidence"))}
      <div>
        <label htmlFor={`goal${n}Module`} className="mb-1 block font-medium">{t("agreement.module")} ({t("form.optional")})</label>
        <select id={`goal${n}Module`} name={`goal${n}Module`} defaultValue={values[`goal${n}Module`] ?? ""} className="block w-full rounded border border-slate-500 bg-white px-3 py-2">
          <option value="">{t("agreement.noModule")}</option>
          {Object.entries(modules).map(([slug, title]) => <option key={slug} value={slug}>{title}</option>)}
        </select>
      </div>
    </fieldset>
  );
}

export default function LearningAgreement() {
  const { t } = useTranslation();
  const { agreements, moduleTitles: modules } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const latest = agreements[0] ?? null;
  const editing = !latest || latest.status === "draft";
  const fromDraft: Record<string, string> = latest
    ? Object.fromEntries([
        ["hoursPerWeek", String(latest.hoursPerWeek)],
        ...latest.goals.flatMap((g, i) => [
          [`goal${i + 1}Title`, g.title],
          [`goal${i + 1}Activities`, g.activities],
          [`goal${i + 1}Evidence`, g.evidence],
          [`goal${i + 1}Module`, g.moduleSlug ?? ""],
        ]),
      ])
    : {};
  const values = actionData?.values ?? fromDraft;
  return (
    <div className="max-w-3xl space-y-6">
      <p><Link to="/practice" className="text-brand-700 underline">← {t("practice.back")}</Link></p>
      <PageTitle>{t("agreement.title")}</PageTitle>
      <p className="text-slate-700">{t("agreement.intro", { min: GOALS_MIN, max: GOALS_MAX })}</p>
      <ErrorSummary errors={actionData?.errors} />
      {latest && !editing ? (
        <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="current-heading">
          <h2 id="current-heading" className="mb-2 text-xl font-semibold">{t("agreement.current")}</h2>
          <AgreementView agreement={latest} moduleTitles={modules} />
          {latest.status === "submitted" ? <p className="mt-3 font-medium">{t("agreement.waitingForMentor")}</p> : null}
          {latest.status === "approved" ? (
            <Form method="post" className="mt-4">
              <p className="mb-2">{t("agreement.signIntro")}</p>
              <SubmitButton name="intent" value="sign">{t("agreement.sign")}</SubmitButton>
            </Form>
          ) : null}
          {latest.status === "signed" ? (
            <Form method="post" className="mt-4">
              <p className="mb-2 text-sm text-slate-700">{t("agreement.newVersionIntro")}</p>
              <button type="submit" name="intent" value="newVersion" className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">{t("agreement.newVersion")}</button>
            </Form>
          ) : null}
        </section>
      ) : (
        <section className="rounded border border-slate-200 bg-white p-4" aria-labelledby="draft-heading">
          <h2 id="draft-heading" className="mb-2 text-xl font-semibold">{latest ? t("agreement.draftOf", { version: latest.version }) : t("agreement.start")}</h2>
          {latest?.mentorComment ? <p className="mb-3 rounded border-l-4 border-amber-600 bg-amber-50 px-2 py-1">{t("agreement.mentorComment", { comment: latest.mentorComment })}</p> : null}
          <Form method="post" noValidate>
            <TextField name="hoursPerWeek" type="number" inputMode="numeric" min={1} max={HOURS_PER_WEEK_MAX} label={t("agreement.hoursPerWeek")} required defaultValue={values.hoursPerWeek ?? "10"} error={actionData?.errors?.hoursPerWeek} />
            {Array.from({ length: GOALS_MAX }, (_, i) => <GoalSlot key={i} n={i + 1} values={values} errors={actionData?.errors} modules={modules} />)}
            <div className="flex flex-wrap gap-3">
              <button type="submit" name="intent" value="save" className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">{t("agreement.saveDraft")}</button>
              <SubmitButton name="intent" value="submit">{t("agreement.submit")}</SubmitButton>
            </div>
          </Form>
        </section>
      )}
      {agreements.length > (editing && latest ? 1 : latest ? 1 : 0) ? (
        <section aria-labelledby="history-heading">
          <h2 id="history-heading" className="mb-2 text-xl font-semibold">{t("agreement.history")}</h2>
          {agreements.slice(1).map((a) => (
            <details key={a.id} className="mb-2 rounded border border-slate-200 bg-white p-3">
              <summary className="cursor-pointer">{t("agreement.versionStatus", { version: a.version, status: t(`agreement.statuses.${a.status}`) })}</summary>
              <div className="mt-2"><AgreementView agreement={a} moduleTitles={modules} /></div>
            </details>
          ))}
        </section>
      ) : null}
    </div>
  );
}
