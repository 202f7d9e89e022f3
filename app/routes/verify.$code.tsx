import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { PageTitle } from "~/components/form";
import { lookupCertificate } from "~/domain/certificates/verification.server";
import { allowAnyone } from "~/lib/auth.server";
import { clientAddress, notFound } from "~/lib/http.server";

export const handle = { titleKey: "verify.title" };

/** Public: anyone with the code (from the QR code or a link) checks the certificate, without signing in. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  allowAnyone(request);
  const found = lookupCertificate(params.code ?? "", clientAddress(context));
  if (found.limited) {
    throw data(null, { status: 429, headers: { "Retry-After": String(Math.ceil(found.retryAfterMs / 1000)) } });
  }
  const cert = found.certificate ?? notFound();
  const s = cert.snapshot;
  return data(
    {
      valid: cert.revokedAt === null,
      revokedOn: cert.revokedAt ? cert.revokedAt.toISOString().slice(0, 10) : null,
      name: s.fellowName,
      programme: s.programmeTitle,
      cohort: s.cohortName,
      issuedOn: s.issuedOn,
      issuer: `${s.issuer.name}, ${s.issuer.role}`,
    },
    { headers: { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" } },
  );
}

export default function Verify() {
  const { t } = useTranslation();
  const c = useLoaderData<typeof loader>();
  return (
    <div className="max-w-2xl">
      <PageTitle>{t("verify.title")}</PageTitle>
      <p
        role="status"
        data-testid="verify-status"
        className={`mb-4 rounded border-2 px-4 py-3 text-lg font-semibold ${c.valid ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
      >
        <span aria-hidden="true">{c.valid ? "✓ " : "✗ "}</span>
        {c.valid ? t("verify.valid") : t("verify.revoked", { date: c.revokedOn })}
      </p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded border border-slate-200 bg-white p-4">
        <dt className="font-medium">{t("verify.name")}</dt>
        <dd className="text-lg font-semibold">{c.name}</dd>
        <dt className="font-medium">{t("verify.programme")}</dt>
        <dd>{c.programme}</dd>
        <dt className="font-medium">{t("verify.cohort")}</dt>
        <dd>{c.cohort}</dd>
        <dt className="font-medium">{t("verify.issuedOn")}</dt>
        <dd>{c.issuedOn}</dd>
        <dt className="font-medium">{t("verify.issuer")}</dt>
        <dd>{c.issuer}</dd>
      </dl>
      <p className="mt-4 text-sm text-slate-700">{t("verify.note")}</p>
    </div>
  );
}
