import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { ErrorSummary, PageTitle, SubmitButton } from "~/components/form";
import {
  certificateCandidates,
  issueAllEligible,
  issueCertificate,
  listCertificates,
  reissueCertificate,
  revokeCertificate,
  setAutoIssue,
} from "~/domain/certificates/certificates.server";
import { getCohort, listCohortSummaries } from "~/domain/cohorts/cohorts.server";
import { REASON_MAX } from "~/domain/cohorts/limits";
import { WithdrawSchema } from "~/domain/cohorts/schemas";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { parseForm } from "~/lib/forms";

export const handle = { titleKey: "certificates.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  requireUser(request, { role: "coordinator" });
  const cohorts = listCohortSummaries().map((c) => ({ id: c.id, name: c.name }));
  const wanted = new URL(request.url).searchParams.get("cohort");
  const cohort = getCohort(wanted ?? "") ?? getCohort(cohorts.at(-1)?.id ?? "");
  if (!cohort) return { cohorts, cohort: null, candidates: [], certificates: [] };
  return {
    cohorts,
    cohort: { id: cohort.id, name: cohort.name, autoIssue: cohort.autoIssueById !== null },
    candidates: certificateCandidates(cohort.id).map((c) => ({ fellowId: c.fellowId, name: c.name, eligible: c.eligible, missing: c.missing, code: c.certificate?.code ?? null })),
    certificates: listCertificates(cohort.id).map((c) => ({
      id: c.id,
      code: c.code,
      name: c.snapshot.fellowName,
      issuedOn: c.snapshot.issuedOn,
      revokedAt: c.revokedAt ? c.revokedAt.toISOString().slice(0, 10) : null,
      revokeReason: c.revokeReason,
    })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = requireUser(request, { role: "coordinator" });
  const form = await request.formData();
  const cohortId = String(form.get("cohortId") ?? "");
  const cohort = getCohort(cohortId);
  if (!cohort) return data({ target: null, errors: { _form: { key: "form.invalidChoice" } }, values: undefined }, { status: 400 });
  const back = `/coordinator/certificates?cohort=${cohort.id}`;
  const intent = String(form.get("intent") ?? "");
  if (intent === "issue") {
    const issued = issueCertificate(String(form.get("fellowId") ?? ""), user.id);
    if (!issued.ok) return data({ target: null, errors: { _form: { key: issued.key } }, values: undefined }, { status: 400 });
    return redirectWithFlash(request, back, { key: "certificates.issued" });
  }
  if (intent === "issueAll") {
    return redirectWithFlash(request, back, { key: "certificates.issuedAll", values: { count: String(issueAllEligible(cohort.id, user.id)) } });
  }
  if (intent === "autoOn" || intent === "autoOff") {
    setAutoIssue(cohort.id, intent === "autoOn" ? user.id : null);
    if (intent === "autoOn") issueAllEligible(cohort.id, user.id);
    return redirectWithFlash(request, back, { key: intent === "autoOn" ? "certificates.autoOnDone" : "certificates.autoOffDone" });
  }
  if (intent === "revoke" || intent === "reissue") {
    const certificateId = String(form.get("certificateId") ?? "");
    const parsed = parseForm(WithdrawSchema, form);
    if (!parsed.ok) return data({ target: certificateId, errors: parsed.errors, values: parsed.values }, { status: 400 });
    if (intent === "revoke") {
      if (!revokeCertificate(certificateId, parsed.data.reason, user.id)) return data({ target: certificateId, errors: { _form: { key: "certificates.notInForce" } }, values: { reason: parsed.data.reason } }, { status: 409 });
      return redirectWithFlash(request, back, { key: "certificates.revoked" });
    }
    const reissued = reissueCertificate(certificateId, user.id, parsed.data.reason);
    if (!reissued.ok) return data({ target: certificateId, errors: { _form: { key: reissued.key } }, values: { reason: parsed.data.reason } }, { status: 409 });
    return redirectWithFlash(request, back, { key: "certificates.reissued" });
  }
  return data({ target: null, errors: { _form: { key: "form.invalidChoice" } }, values: undefined }, { status: 400 });
}

export default function CoordinatorCertificates() {
  const { t } = useTranslation();
  const { cohorts, cohort, candidates, certificates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const eligibleWaiting = candidates.filter((c) => c.eligible && !c.code).length;
  return (
    <div className="max-w-4xl space-y-8">
      <PageTitle>{t("certificates.title")}</PageTitle>
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="cohort" className="block text-sm font-medium">{t("enrolment.cohort")}</label>
          <select id="cohort" name="cohort" defaultValue={cohort?.id} className="rounded border border-slate-500 bg-white px-2 py-1">
            {cohorts.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded border border-slate-500 px-3 py-1 font-semibold hover:bg-slate-100">{t("overview.apply")}</button>
      </Form>
      {actionData && !actionData.target ? <ErrorSummary errors={actionData.errors} /> : null}
      {cohort ? (
        <>
          <section aria-labelledby="fellows-heading">
            <h2 id="fellows-heading" className="mb-2 text-xl font-semibold">{t("certificates.fellows", { cohort: cohort.name })}</h2>
            <Form method="post" className="mb-3 flex flex-wrap items-center gap-3">
              <input type="hidden" name="cohortId" value={cohort.id} />
              <SubmitButton name="intent" value="issueAll">{t("certificates.issueAll", { count: eligibleWaiting })}</SubmitButton>
              <button type="submit" name="intent" value={cohort.autoIssue ? "autoOff" : "autoOn"} className="rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">
                {cohort.autoIssue ? t("certificates.autoOff") : t("certificates.autoOn")}
              </button>
              <span className="text-sm text-slate-700">{cohort.autoIssue ? t("certificates.autoIsOn") : t("certificates.autoIsOff")}</span>
            </Form>
            <table className="w-full border-collapse bg-white text-left" data-testid="certificate-candidates">
              <thead>
                <tr className="border-b border-slate-300">
                  <th scope="col" className="p-2">{t("people.name")}</th>
                  <th scope="col" className="p-2">{t("certificates.state")}</th>
                  <th scope="col" className="p-2"><span className="sr-only">{t("certificates.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {candidates.map((c) => (
                  <tr key={c.fellowId} className="border-b border-slate-200">
                    <th scope="row" className="p-2 font-medium"><Link to={`/fellows/${c.fellowId}/progress`} className="text-brand-700 underline">{c.name}</Link></th>
                    <td className="p-2">
                      {c.code ? t("certificates.hasCertificate") : c.eligible ? t("certificates.eligible") : t("certificates.missingItems", { count: c.missing ?? 0 })}
                    </td>
                    <td className="p-2">
                      {c.code ? (
                        <a href={`/certificates/${c.code}.pdf`} className="text-brand-700 underline">PDF<span className="sr-only">: {c.name}</span></a>
                      ) : c.eligible ? (
                        <Form method="post">
                          <input type="hidden" name="cohortId" value={cohort.id} />
                          <input type="hidden" name="fellowId" value={c.fellowId} />
                          <button type="submit" name="intent" value="issue" className="rounded border border-brand-700 px-3 py-1 font-semibold text-brand-700 hover:bg-brand-50">
                            {t("certificates.issue")}<span className="sr-only">: {c.name}</span>
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section aria-labelledby="issued-heading">
            <h2 id="issued-heading" className="mb-2 text-xl font-semibold">{t("certificates.issuedTitle")}</h2>
            {certificates.length === 0 ? <p>{t("certificates.none")}</p> : null}
            <ul className="space-y-3" data-testid="issued-certificates">
              {certificates.map((c) => {
                const mine = actionData?.target === c.id;
                return (
                  <li key={c.id} className="rounded border border-slate-200 bg-white p-3">
                    <p className="font-semibold">
                      {c.name} · {t("certificate.issuedOn", { date: c.issuedOn })} ·{" "}
                      {c.revokedAt ? <span className="text-red-800">{t("certificates.revokedOn", { date: c.revokedAt, reason: c.revokeReason ?? "" })}</span> : <span className="text-green-800">{t("certificates.valid")}</span>}
                    </p>
                    <p className="flex flex-wrap gap-3 text-sm">
                      <a href={`/verify/${c.code}`} className="text-brand-700 underline">{t("certificates.verifyPage")}</a>
                      <a href={`/certificates/${c.code}.pdf`} className="text-brand-700 underline">PDF</a>
                      <a href={`/certificates/${c.code}/credential`} className="text-brand-700 underline">{t("certificates.credential")}</a>
                    </p>
                    {c.revokedAt ? null : (
                      <details className="mt-2" open={mine}>
                        <summary className="cursor-pointer text-sm text-brand-700 underline">{t("certificates.revokeOrReissue")}</summary>
                        <Form method="post" noValidate className="mt-2">
                          <input type="hidden" name="cohortId" value={cohort.id} />
                          <input type="hidden" name="certificateId" value={c.id} />
                          {mine ? <ErrorSummary errors={actionData?.errors} /> : null}
                          <label htmlFor={`reason-${c.id}`} className="block text-sm font-medium">{t("certificates.reason")}</label>
                          <textarea id={`reason-${c.id}`} name="reason" rows={2} maxLength={REASON_MAX} defaultValue={mine ? (actionData?.values?.reason ?? "") : ""} className="block w-full rounded border border-slate-500 p-2" />
                          <div className="mt-2 flex flex-wrap gap-3">
                            <button type="submit" name="intent" value="reissue" className="rounded border border-slate-500 px-3 py-1 font-semibold hover:bg-slate-100">{t("certificates.reissue")}</button>
                            <button type="submit" name="intent" value="revoke" className="rounded bg-red-800 px-3 py-1 font-semibold text-white hover:bg-red-900">{t("certificates.revoke")}</button>
                          </div>
                        </Form>
                      </details>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      ) : (
        <p>{t("cohorts.none")}</p>
      )}
    </div>
  );
}
