import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";
import { and, desc, eq, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { getModule, moduleInLocale } from "~/domain/content/catalog.server";
import { recordAudit } from "~/lib/audit.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { isLocale, type Locale } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { newId } from "~/lib/ids.server";
import { programmeToday } from "~/lib/dates.server";
import { fellowEligibility } from "./eligibility.server";

export const PROGRAMME_TITLE = "Social Work Fellowship — Kvemo Kartli and Samtskhe-Javakheti";

/** A public verification code: 160 random bits, so it cannot be guessed or derived from anything else. */
export function newCertificateCode() {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(20)));
}

export function verifyUrl(code: string) {
  return `${getEnv().PUBLIC_URL}/verify/${code}`;
}

export type IssueResult = { ok: true; code: string } | { ok: false; key: string };

/** Freezes what the certificate certifies: the name as it prints, programme, cohort, modules, hours, date, issuer. */
function snapshotFor(fellowId: string, issuerId: string, now: Date): { cohortId: string; snapshot: schema.CertificateSnapshot } | { key: string } {
  const db = getDb();
  const fellow = db.select().from(schema.users).where(eq(schema.users.id, fellowId)).get();
  if (!fellow || fellow.role !== "fellow") return { key: "certificates.notAFellow" };
  const eligibility = fellowEligibility(fellowId);
  if (!eligibility) return { key: "certificates.notEnrolled" };
  if (!eligibility.eligible) return { key: "certificates.notEligible" };
  const issuer = db.select().from(schema.users).where(eq(schema.users.id, issuerId)).get();
  const locale: Locale = isLocale(fellow.locale) ? fellow.locale : "en";
  return {
    cohortId: eligibility.cohort.id,
    snapshot: {
      fellowName: fellow.displayName,
      locale,
      programmeTitle: PROGRAMME_TITLE,
      cohortName: eligibility.cohort.name,
      cohortStartsOn: eligibility.cohort.startsOn,
      cohortEndsOn: eligibility.cohort.endsOn,
      modules: eligibility.modules.map((m) => {
        const mod = getModule(m.slug)!;
        return {
          slug: m.slug,
          number: m.number,
          title: moduleInLocale(mod, "en").version.frontmatter.title,
          localTitle: moduleInLocale(mod, locale).version.frontmatter.title,
        };
      }),
      practiceHours: eligibility.approvedHours,
      issuedOn: programmeToday(now),
      issuer: { name: issuer?.displayName ?? "", role: getFixedT("en")("roles.coordinator") },
    },
  };
}

/** Issues a certificate to an eligible fellow who holds none in force for their cohort. */
export function issueCertificate(fellowId: string, issuerId: string, now = new Date(), replaces: string | null = null): IssueResult {
  const frozen = snapshotFor(fellowId, issuerId, now);
  if ("key" in frozen) return { ok: false, key: frozen.key };
  const code = newCertificateCode();
  try {
    getDb()
      .insert(schema.certificates)
      .values({ id: newId(), code, fellowId, cohortId: frozen.cohortId, snapshot: frozen.snapshot, issuedById: issuerId, issuedAt: now, replacesId: replaces })
      .run();
  } catch (error) {
    // The partial unique index: one certificate in force per fellow and cohort.
    if (error instanceof Error && /UNIQUE/.test(error.message)) return { ok: false, key: "certificates.alreadyIssued" };
    throw error;
  }
  recordAudit("certificate_issued", { actorId: issuerId, subjectId: fellowId, detail: { code: code.slice(0, 6), replaces } , at: now });
  return { ok: true, code };
}

/** Every eligible fellow of a cohort without a certificate in force gets one. */
export function issueAllEligible(cohortId: string, issuerId: string, now = new Date()) {
  return certificateCandidates(cohortId)
    .filter((c) => c.eligible && !c.certificate)
    .map((c) => issueCertificate(c.fellowId, issuerId, now))
    .filter((r) => r.ok).length;
}

export function revokeCertificate(certificateId: string, reason: string, actorId: string, now = new Date()) {
  const changed = getDb()
    .update(schema.certificates)
    .set({ revokedAt: now, revokedById: actorId, revokeReason: reason })
    .where(and(eq(schema.certificates.id, certificateId), isNull(schema.certificates.revokedAt)))
    .run().changes;
  if (changed) recordAudit("certificate_revoked", { actorId, subjectId: certificateId, detail: { reason }, at: now });
  return changed === 1;
}

/** A new certificate from today's facts (a corrected name, say); the old one is revoked as replaced. */
export function reissueCertificate(certificateId: string, actorId: string, reason: string, now = new Date()): IssueResult {
  const old = getDb().select().from(schema.certificates).where(eq(schema.certificates.id, certificateId)).get();
  if (!old || old.revokedAt) return { ok: false, key: "certificates.notInForce" };
  if (!revokeCertificate(old.id, reason, actorId, now)) return { ok: false, key: "certificates.notInForce" };
  const issued = issueCertificate(old.fellowId, actorId, now, old.id);
  if (!issued.ok) {
    // Not eligible any more: the old certificate stays in force.
    getDb().update(schema.certificates).set({ revokedAt: null, revokedById: null, revokeReason: null }).where(eq(schema.certificates.id, old.id)).run();
  }
  return issued;
}

/** If the fellow's cohort issues automatically and the fellow has just become eligible, issue now. */
export function issueIfAutomatic(fellowId: string, now = new Date()) {
  const db = getDb();
  const row = db
    .select({ cohortId: schema.enrollments.cohortId, autoIssueById: schema.cohorts.autoIssueById })
    .from(schema.enrollments)
    .innerJoin(schema.cohorts, eq(schema.cohorts.id, schema.enrollments.cohortId))
    .where(and(eq(schema.enrollments.fellowId, fellowId), eq(schema.enrollments.status, "active")))
    .get();
  if (!row?.autoIssueById) return null;
  const existing = db
    .select({ id: schema.certificates.id })
    .from(schema.certificates)
    .where(and(eq(schema.certificates.fellowId, fellowId), eq(schema.certificates.cohortId, row.cohortId), isNull(schema.certificates.revokedAt)))
    .get();
  if (existing) return null;
  const issued = issueCertificate(fellowId, row.autoIssueById, now);
  return issued.ok ? issued.code : null;
}

export function setAutoIssue(cohortId: string, actorId: string | null) {
  getDb().update(schema.cohorts).set({ autoIssueById: actorId }).where(eq(schema.cohorts.id, cohortId)).run();
}

const fellows = alias(schema.users, "fellows");

/** A cohort's active fellows with their eligibility and their certificate in force, for the coordinator. */
export function certificateCandidates(cohortId: string) {
  const db = getDb();
  const members = db
    .select({ fellowId: fellows.id, name: fellows.displayName })
    .from(schema.enrollments)
    .innerJoin(fellows, eq(fellows.id, schema.enrollments.fellowId))
    .where(and(eq(schema.enrollments.cohortId, cohortId), eq(schema.enrollments.status, "active")))
    .orderBy(fellows.displayName)
    .all();
  const issued = new Map(
    db
      .select()
      .from(schema.certificates)
      .where(and(eq(schema.certificates.cohortId, cohortId), isNull(schema.certificates.revokedAt)))
      .all()
      .map((c) => [c.fellowId, c]),
  );
  return members.map((m) => {
    const eligibility = fellowEligibility(m.fellowId);
    return {
      ...m,
      eligible: eligibility?.eligible ?? false,
      missing: eligibility ? eligibility.items.filter((i) => !i.done).length : null,
      certificate: issued.get(m.fellowId) ?? null,
    };
  });
}

/** Every certificate of a cohort, newest first, valid and revoked. */
export function listCertificates(cohortId: string) {
  return getDb()
    .select()
    .from(schema.certificates)
    .where(eq(schema.certificates.cohortId, cohortId))
    .orderBy(desc(schema.certificates.issuedAt))
    .all();
}

export function certificatesOf(fellowId: string) {
  return getDb().select().from(schema.certificates).where(eq(schema.certificates.fellowId, fellowId)).orderBy(desc(schema.certificates.issuedAt)).all();
}

export function certificateByCode(code: string) {
  if (!/^[a-z2-7]{16,64}$/.test(code)) return null;
  return getDb().select().from(schema.certificates).where(eq(schema.certificates.code, code)).get() ?? null;
}

/** The certificate behind a code, for its fellow and coordinators only; null (answered as 404) for anyone else. */
export function certificateFor(viewer: { id: string; role: schema.Role }, code: string) {
  const cert = certificateByCode(code);
  if (!cert) return null;
  if (viewer.role === "coordinator" || (viewer.role === "fellow" && viewer.id === cert.fellowId)) return cert;
  return null;
}
