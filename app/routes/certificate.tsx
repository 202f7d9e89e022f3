import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { CopyField } from "~/components/CopyField";
import { certificatesOf, verifyUrl } from "~/domain/certificates/certificates.server";
import { fellowEligibility } from "~/domain/certificates/eligibility.server";
import { requireUser } from "~/lib/auth.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";

export const handle = { titleKey: "certificate.title" };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = requireUser(request, { role: "fellow" });
  const eligibility = fellowEligibility(user.id, resolveLocale(request, user.locale));
  return {
    certificates: certificatesOf(user.id).map((c) => ({
      code: c.code,
      cohortName: c.snapshot.cohortName,
      issuedOn: c.snapshot.issuedOn,
      revokedAt: c.revokedAt ? c.revokedAt.toISOString().slice(0, 10) : null,
      revokeReason: c.revokeReason,
      verifyUrl: verifyUrl(c.code),
    })),
    eligibility: eligibility ? { eligible: eligibility.eligible, items: eligibility.items, cohortName: eligibility.cohort.name } : null,
  };
}

export default function Certificate() {
  const { t } = useTranslation();
  const { certificates, eligibility } = useLoaderData<typeof loader>();
  const valid = certificates.filter((c) => !c.revokedAt);
  return (
    <div className="max-w-3xl space-y-6">
      <PageTitle>{t("certificate.title")}</PageTitle>
      {valid.map((c) => (
        <section key={c.code} aria-labelledby={`cert-${c.code}`} className="rounded border border-green-700 bg-white p-4" data-testid="certificate">
          <h2 id={`cert-${c.code}`} className="mb-2 text-xl font-semibold">{t("certificate.yours", { cohort: c.cohortName })}</h2>
          <p className="mb-3">{t("certificate.issuedOn", { date: c.issuedOn })}</p>
          <ul className="mb-4 flex flex-wrap gap-3">
            <li>
              <a href={`/certificates/${c.code}.pdf`} download className="inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
                {t("certificate.downloadPdf")}
              </a>
            </li>
            <li>
              <a href={`/certificates/${c.code}/credential`} download className="inline-block rounded border border-slate-500 px-4 py-2 font-semibold hover:bg-slate-100">
                {t("certificate.downloadCredential")}
              </a>
            </li>
          </ul>
          <CopyField label={t("certificate.verifyLink")} value={c.verifyUrl} />
          <p className="mt-2 text-sm text-slate-700">{t("certificate.credentialHint")}</p>
        </section>
      ))}
      {certificates.filter((c) => c.revokedAt).length ? (
        <section aria-labelledby="revoked-heading">
          <h2 id="revoked-heading" className="mb-2 text-lg font-semibold">{t("certificate.revokedTitle")}</h2>
          <ul className="list-disc pl-5">
            {certificates.filter((c) => c.revokedAt).map((c) => (
              <li key={c.code}>{t("certificate.revokedLine", { cohort: c.cohortName, date: c.revokedAt, reason: c.revokeReason ?? "" })}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {valid.length === 0 && eligibility ? (
        <section aria-labelledby="eligibility-heading" className="rounded border border-slate-200 bg-white p-4">
          <h2 id="eligibility-heading" className="mb-2 text-xl font-semibold">
            {eligibility.eligible ? t("certificate.eligible") : t("certificate.notYet")}
          </h2>
          <p className="mb-3">{eligibility.eligible ? t("certificate.eligibleHint") : t("certificate.missingIntro", { cohort: eligibility.cohortName })}</p>
          <ul className="space-y-1" data-testid="eligibility">
            {eligibility.items.map((item, i) => (
              <li key={i} className="flex gap-2">
                <span aria-hidden="true" className={item.done ? "text-green-800" : "text-red-800"}>{item.done ? "✓" : "✗"}</span>
                <span className="sr-only">{item.done ? t("certificate.done") : t("certificate.missing")}:</span>
                {item.kind === "hours" ? (
                  <Link to="/practice" className="text-brand-700 underline">{t("certificate.itemHours", { approved: item.approved, required: item.required })}</Link>
                ) : item.kind === "module" ? (
                  <Link to={`/modules/${item.slug}`} className="text-brand-700 underline">{t("certificate.itemModule", { number: item.number, title: item.title })}</Link>
                ) : (
                  <Link to={`/modules/${item.slug}/assignment`} className="text-brand-700 underline">{t("certificate.itemAssignment", { number: item.number, title: item.title })}</Link>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {valid.length === 0 && !eligibility ? <p>{t("dashboard.notEnrolled")}</p> : null}
    </div>
  );
}
