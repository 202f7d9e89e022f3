import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import { EntryFields } from "~/components/practice/EntryFields";
import { EntryList } from "~/components/practice/EntryList";
import { PracticeTotals } from "~/components/practice/PracticeTotals";
import { SessionForm } from "~/components/practice/SessionForm";
import { SessionList } from "~/components/practice/SessionList";
import { SUPERVISION_ACTION_STATUSES, type SupervisionActionStatus } from "#db/enums";
import { logEntry } from "~/domain/practice/hours.server";
import { practiceRecord } from "~/domain/practice/practice-page.server";
import { EntrySchema, ReflectionSchema, SessionSchema, actionLines } from "~/domain/practice/schemas";
import { recordSession, saveReflection, setActionStatus } from "~/domain/practice/supervision.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "practice.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  return practiceRecord(user.id, "fellow", resolveLocale(request, user.locale));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "reflection") {
    const parsed = parseForm(ReflectionSchema, form);
    if (!parsed.ok) return data({ form: "reflection" as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
    saveReflection(user.id, String(form.get("sessionId") ?? ""), parsed.data.reflection);
    return redirectWithFlash(request, "/practice#supervision", { key: "supervision.reflectionSaved" });
  }
  if (intent === "actionStatus") {
    const status = String(form.get("status") ?? "") as SupervisionActionStatus;
    if (SUPERVISION_ACTION_STATUSES.includes(status)) setActionStatus(user, String(form.get("actionId") ?? ""), status);
    return redirectWithFlash(request, "/practice#supervision", { key: "supervision.actionUpdated" });
  }
  if (intent === "session") {
    const parsed = parseForm(SessionSchema, form);
    const lines = actionLines(String(form.get("actions") ?? ""));
    if (!parsed.ok || !lines.ok) {
      const errors = { ...(parsed.ok ? {} : parsed.errors), ...(lines.ok ? {} : { actions: lines.error }) };
      return data({ form: "session" as const, errors, values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])) }, { status: 400 });
    }
    const result = recordSession(user, user.id, { date: parsed.data.date, quarters: parsed.data.hours, topics: parsed.data.topics, actions: lines.lines });
    if (!result.ok) return data({ form: "session" as const, errors: result.errors, values: parsed.data as unknown as Record<string, string> }, { status: 400 });
    return redirectWithFlash(request, "/practice#supervision", { key: "supervision.recorded" });
  }
  const parsed = parseForm(EntrySchema, form);
  if (!parsed.ok) return data({ form: "entry" as const, errors: parsed.errors, values: parsed.values }, { status: 400 });
  const result = logEntry(user.id, { date: parsed.data.date, quarters: parsed.data.hours, kind: parsed.data.kind, goalId: parsed.data.goalId || null, description: parsed.data.description });
  if (!result.ok) return data({ form: "entry" as const, errors: result.errors, values: Object.fromEntries([...form].map(([k, v]) => [k, String(v)])) }, { status: 400 });
  return redirectWithFlash(request, "/practice", { key: "practice.logged" });
}

export default function Practice() {
  const { t } = useTranslation();
  const record = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const latest = record.agreements[0] ?? null;
  const entryErrors = actionData?.form === "entry" ? actionData.errors : undefined;
  return (
    <div className="max-w-4xl space-y-8">
      <PageTitle>{t("practice.title")}</PageTitle>
      <p className="text-slate-700">
        {record.placement?.organizationName ? t("practice.placedAt", { organisation: record.placement.organizationName }) : t("practice.notPlaced")}
      </p>
      <section aria-labelledby="totals-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="totals-heading" className="mb-3 text-xl font-semibold">{t("practice.totals")}</h2>
        <PracticeTotals totals={record.totals} />
      </section>

      <section aria-labelledby="agreement-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="agreement-heading" className="mb-2 text-xl font-semibold">{t("agreement.title")}</h2>
        <p className="mb-2">{latest ? t("agreement.versionStatus", { version: latest.version, status: t(`agreement.statuses.${latest.status}`) }) : t("agreement.none")}</p>
        <p className="flex flex-wrap gap-4">
          <Link to="/practice/agreement" className="text-brand-700 underline">{latest ? t("agreement.open") : t("agreement.start")}</Link>
          <Link to="/practice/reviews" className="text-brand-700 underline">{t("practiceReview.title")}</Link>
        </p>
      </section>

      <section aria-labelledby="log-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="log-heading" className="mb-3 text-xl font-semibold">{t("practice.logTitle")}</h2>
        <ErrorSummary errors={entryErrors} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="log" />
          <EntryFields values={actionData?.form === "entry" ? actionData.values : undefined} errors={entryErrors} goals={record.goals} today={record.today} />
          <SubmitButton>{t("practice.log")}</SubmitButton>
        </Form>
      </section>

      <section id="entries" aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="mb-3 text-xl font-semibold">{t("practice.entries")}</h2>
        <EntryList entries={record.entries} editable />
      </section>

      <section id="supervision" aria-labelledby="supervision-heading" className="space-y-4">
        <h2 id="supervision-heading" className="text-xl font-semibold">{t("supervision.title")}</h2>
        <SessionList sessions={record.sessions} canReflect canFollowUp />
        <details className="rounded border border-slate-200 bg-white p-4" open={actionData?.form === "session"}>
          <summary className="cursor-pointer font-semibold">{t("supervision.recordTitle")}</summary>
          <div className="mt-3">
            <SessionForm today={record.today} values={actionData?.form === "session" ? actionData.values : undefined} errors={actionData?.form === "session" ? actionData.errors : undefined} note={t("supervision.fellowNote")} />
          </div>
        </details>
      </section>
    </div>
  );
}
