import { eq } from "drizzle-orm";
import * as schema from "#db/schema";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { verifyUrl } from "./certificates.server";
import { buildCertificateCredential, signCredential, type CertificateStatusResponse } from "./credential.server";
import { renderCertificatePdf } from "./pdf.server";

type Certificate = typeof schema.certificates.$inferSelect;

const hours = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100));

/** The completion statement in a language, from the snapshot (never from today's data). */
function statement(cert: Certificate, locale: schema.Locale) {
  const s = cert.snapshot;
  return getFixedT(locale)("certificate.statement", { count: s.modules.length, hours: hours(s.practiceHours), cohort: s.cohortName });
}

/** The PDF, drawn from the certificate's snapshot; a revoked certificate says so across the page's title. */
export function certificatePdf(cert: Certificate) {
  const s = cert.snapshot;
  const en = getFixedT("en");
  return renderCertificatePdf({
    code: cert.code,
    verifyUrl: verifyUrl(cert.code),
    programmeTitle: cert.revokedAt ? `${s.programmeTitle} — ${en("certificate.revokedMark")}` : s.programmeTitle,
    fellowName: s.fellowName,
    cohortName: s.cohortName,
    // A language without its own statement yet falls back to English: print it once.
    statementLocal: s.locale === "en" || statement(cert, s.locale) === statement(cert, "en") ? null : statement(cert, s.locale),
    statementEnglish: statement(cert, "en"),
    labels: {
      modules: en("certificate.pdf.modules"),
      practiceHours: en("certificate.pdf.practiceHours"),
      issuedOn: en("certificate.pdf.issuedOn"),
      issuedBy: en("certificate.pdf.issuedBy"),
      verify: en("certificate.pdf.verify"),
      code: en("certificate.pdf.code"),
    },
    modules: s.modules.map((m) => (s.locale === "en" || m.localTitle === m.title ? m.title : `${m.title} / ${m.localTitle}`)),
    practiceHours: hours(s.practiceHours),
    issuedOn: s.issuedOn,
    issuer: s.issuer,
  });
}

/** The Open Badges 3.0 credential as a VC-JWT, signed with the issuer's Ed25519 key. */
export async function certificateCredential(cert: Certificate) {
  const fellow = getDb().select({ email: schema.users.email }).from(schema.users).where(eq(schema.users.id, cert.fellowId)).get();
  const s = cert.snapshot;
  const en = getFixedT("en");
  const credential = await buildCertificateCredential({
    code: cert.code,
    fellowEmail: fellow?.email ?? "",
    fellowName: s.fellowName,
    programmeTitle: s.programmeTitle,
    achievementName: en("certificate.credential.name"),
    achievementDescription: en("certificate.credential.description"),
    criteriaNarrative: en("certificate.credential.criteria", { hours: hours(s.practiceHours) }),
    issuerName: en("certificate.credential.issuer"),
    issuedAt: cert.issuedAt,
    publicUrl: getEnv().PUBLIC_URL,
  });
  return signCredential(credential);
}

export function certificateStatus(cert: Certificate): CertificateStatusResponse {
  return { status: cert.revokedAt ? "revoked" : "valid", revokedAt: cert.revokedAt ? cert.revokedAt.toISOString() : null };
}
