import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle } from "~/components/form";
import { formatHours } from "~/components/practice/PracticeTotals";
import { issueIfAutomatic } from "~/domain/certificates/certificates.server";
import { approveEntries, mentorPracticeQueue, returnEntry } from "~/domain/practice/hours.server";
import { COMMENT_MAX } from "~/domain/practice/rules";
import { ReturnSchema } from "~/domain/practice/schemas";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";

export const handle = { titleKey: "mentorPractice.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "mentor" });
  return mentorPracticeQueue(user.id);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "mentor" });
  const form = await request.formData();
  if (form.get("intent") === "return") {
    const entryId = String(form.get("entryId") ?? "");
    const parsed = parseForm(ReturnSchema, form);
    if (!parsed.ok) return data({ entryId, errors: parsed.errors, values: parsed.values }, { status: 400 });
    if (!(await returnEntry(user.id, entryId, parsed.data.comment))) return data({ entryId, errors: { _form: { key: "mentorPractice.gone" } }, values: { comment: parsed.data.comment } }, { status: 409 });
    return redirectWithFlash(request, "/mentor/practice", { key: "mentorPractice.returned" });
  }
  const ids = form.getAll("entryId").map(String);
  if (ids.length === 0) return data({ entryId: null, errors: { _form: { key: "mentorPractice.chooseEntries" } }, values: undefined }, { status: 400 });
  const fellows = new Set(mentorPracticeQueue(user.id).entries.filter((e) => ids.includes(e.id)).map((e) => e.fellowId));
  const approved = approveEntries(user.id, ids);
  // Approved hours may complete what a certificate needs.
  for (const fellowId of fellows) issueIfAutomatic(fellowId);
  return redirectWithFlash(request, "/mentor/practice", { key: "mentorPractice.approved", values: { count: String(approved) } });
}

export default function MentorPractice() {
  const { t } = useTranslation();
  const { entries, agreements } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <div className="max-w-4xl space-y-8">
      <PageTitle>{t("mentorPractice.title")}</PageTitle>
      <section aria-labelledby="agreements-heading">
        <h2 id="agreements-heading" className="mb-2 text-xl font-semibold">{t("mentorPractice.agreements")}</h2>
        {agreements.length === 0 ? (
          <p>{t("mentorPractice.noAgreements")}</p>
        ) : (
          <ul className="list-disc pl-5">
            {agreements.map((a) => (
              <li key={a.fellowId}>
                <Link to={`/fellows/${a.fellowId}/practice#agreement`} className="text-brand-700 underline">
                  {t("mentorPractice.agreementFrom", { name: a.fellowName, version: a.version })}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading" className="mb-2 text-xl font-semibold">{t("mentorPractice.entries")}</h2>
        {actionData && !actionData.entryId ? <ErrorSummary errors={actionData.errors} /> : null}
        {entries.length === 0 ? (
          <p>{t("mentorPractice.noEntries")}</p>
        ) : (
          <>
            <Form method="post" id="approve-form">
              <input type="hidden" name="intent" value="approve" />
            </Form>
            <ul className="mb-4 divide-y divide-slate-200 rounded border border-slate-200 bg-white" data-testid="waiting-entries">
              {entries.map((e) => {
                const returning = actionData?.entryId === e.id;
                return (
                  <li key={e.id} className="p-3">
                    <div className="flex items-start gap-3">
                      <input type="checkbox" id={`approve-${e.id}`} name="entryId" value={e.id} form="approve-form" defaultChecked className="mt-1 h-5 w-5" />
                      <div className="flex-1">
                        <label htmlFor={`approve-${e.id}`} className="font-semibold">
                          {e.fellowName} · {e.date} · {t("practice.hoursValue", { hours: formatHours(e.quarters / 4) })} · {t(`practice.kinds.${e.kind}`)}
                        </label>
                        {e.goalTitle ? <p className="text-sm text-slate-700">{t("practice.forGoal", { goal: e.goalTitle })}</p> : null}
                        <p className="whitespace-pre-line">{e.description}</p>
                        <details className="mt-1" open={returning}>
                          <summary className="cursor-pointer text-sm text-brand-700 underline">{t("mentorPractice.returnOne")}</summary>
                          <Form method="post" noValidate className="mt-2">
                            <input type="hidden" name="intent" value="return" />
                            <input type="hidden" name="entryId" value={e.id} />
                            {returning ? <ErrorSummary errors={actionData.errors} /> : null}
                            <label htmlFor={`comment-${e.id}`} className="block text-sm font-medium">{t("mentorPractice.comment")}</label>
                            <textarea id={`comment-${e.id}`} name="comment" rows={2} maxLength={COMMENT_MAX} defaultValue={returning ? (actionData.values?.comment ?? "") : ""} className="block w-full rounded border border-slate-500 p-2" />
                            <button type="submit" className="mt-1 rounded border border-red-800 px-3 py-1 text-sm font-semibold text-red-800 hover:bg-red-50">
                              {t("mentorPractice.return")}
                            </button>
                          </Form>
                        </details>
                      </div>
                    </div>
                  </li>
                );
              })}
            </ul>
            <button type="submit" form="approve-form" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {t("mentorPractice.approveChecked")}
            </button>
          </>
        )}
      </section>
    </div>
  );
}
