import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { createCohort } from "~/domain/cohorts/cohorts.server";
import { enrolFellow } from "~/domain/cohorts/enrolment.server";
import { getDb } from "~/lib/db.server";
import { SAMPLE_SLUG, useSampleContent } from "../../../tests/setup/sample-content";
import { certificateByCode, issueCertificate, issueIfAutomatic, reissueCertificate, revokeCertificate, setAutoIssue } from "./certificates.server";
import { certificateStatus } from "./documents.server";
import { fellowEligibility } from "./eligibility.server";
import { MAX_LOOKUPS_PER_ADDRESS, lookupCertificate } from "./verification.server";

const COORDINATOR = "demo-coordinator";

beforeAll(async () => {
  await useSampleContent();
});

/** A fellow in a one-module cohort needing 10 hours, with everything done but what `missing` names. */
async function fellowWith(id: string, name: string, missing: Array<"module" | "assignment" | "hours"> = []) {
  const db = getDb();
  const cohort = createCohort({ name: `Cohort of ${name}`, region: "other", startsOn: "2026-01-05", endsOn: "2026-12-18", requiredPracticeHours: 10 }, COORDINATOR);
  db.insert(schema.users).values({ id, email: `${id}@example.org`, displayName: name, role: "fellow", locale: "hy", passwordHash: "x" }).run();
  await enrolFellow(id, cohort, { organizationId: "org-ninotsminda", mentorId: "demo-mentor-2" }, COORDINATOR);
  if (!missing.includes("module")) db.insert(schema.moduleCompletions).values({ fellowId: id, moduleSlug: SAMPLE_SLUG, completedAt: new Date() }).run();
  if (!missing.includes("assignment")) {
    db.insert(schema.submissions).values({ id: `${id}-sub`, fellowId: id, moduleSlug: SAMPLE_SLUG, assignmentKey: "k", attempt: 1, status: "approved", updatedAt: new Date() }).run();
  }
  db.insert(schema.practiceEntries)
    .values({ id: `${id}-hours`, fellowId: id, date: "2026-03-02", quarters: missing.includes("hours") ? 36 : 40, kind: "direct_work", description: "Practice.", status: "approved", updatedAt: new Date() })
    .run();
  return cohort;
}

describe("certificates", () => {
  it("are issued only to eligible fellows, with a snapshot later edits do not change", async () => {
    await fellowWith("cert-hours", "Հասմիկ", ["hours"]);
    expect(fellowEligibility("cert-hours")?.items.filter((i) => !i.done).map((i) => i.kind)).toEqual(["hours"]);
    expect(issueCertificate("cert-hours", COORDINATOR)).toEqual({ ok: false, key: "certificates.notEligible" });

    await fellowWith("cert-ok", "Արամ Պետրոսյան");
    const issued = issueCertificate("cert-ok", COORDINATOR, new Date("2026-11-20T10:00:00Z"));
    if (!issued.ok) throw new Error(issued.key);
    expect(issued.code).toMatch(/^[a-z2-7]{32}$/);
    expect(issueCertificate("cert-ok", COORDINATOR)).toEqual({ ok: false, key: "certificates.alreadyIssued" });
    getDb().update(schema.users).set({ displayName: "Changed later" }).where(eq(schema.users.id, "cert-ok")).run();
    const cert = certificateByCode(issued.code)!;
    expect(cert.snapshot).toMatchObject({
      fellowName: "Արամ Պետրոսյան",
      locale: "hy",
      practiceHours: 10,
      issuedOn: "2026-11-20",
      issuer: { name: "Ketevan Lomidze", role: "Coordinator" },
      modules: [{ slug: SAMPLE_SLUG, number: 1 }],
    });
  });

  it("are revoked with a reason, and reissuing revokes the old one and keeps its history", async () => {
    await fellowWith("cert-re", "Анна Петрова");
    const first = issueCertificate("cert-re", COORDINATOR);
    if (!first.ok) throw new Error(first.key);
    const old = certificateByCode(first.code)!;
    getDb().update(schema.users).set({ displayName: "Анна Сергеевна Петрова" }).where(eq(schema.users.id, "cert-re")).run();
    const second = reissueCertificate(old.id, COORDINATOR, "Name corrected");
    if (!second.ok) throw new Error(second.key);
    expect(certificateStatus(certificateByCode(first.code)!)).toMatchObject({ status: "revoked" });
    expect(certificateByCode(first.code)!.revokeReason).toBe("Name corrected");
    const renewed = certificateByCode(second.code)!;
    expect(renewed).toMatchObject({ replacesId: old.id, revokedAt: null });
    expect(renewed.snapshot.fellowName).toBe("Анна Сергеевна Петрова");
    expect(revokeCertificate(renewed.id, "Issued in error", COORDINATOR)).toBe(true);
    expect(revokeCertificate(renewed.id, "again", COORDINATOR)).toBe(false);
  });

  it("are issued automatically when the cohort says so", async () => {
    const cohort = await fellowWith("cert-auto", "Günay Məmmədova");
    expect(issueIfAutomatic("cert-auto")).toBeNull();
    setAutoIssue(cohort, COORDINATOR);
    const code = issueIfAutomatic("cert-auto");
    expect(code).toMatch(/^[a-z2-7]{32}$/);
    expect(issueIfAutomatic("cert-auto")).toBeNull();
  });

  it("are looked up publicly at most a fixed number of times per address in ten minutes", async () => {
    await fellowWith("cert-look", "ნინო ბერიძე");
    const issued = issueCertificate("cert-look", COORDINATOR);
    if (!issued.ok) throw new Error(issued.key);
    const now = new Date("2026-11-27T12:00:00Z");
    for (let i = 0; i < MAX_LOOKUPS_PER_ADDRESS; i++) expect(lookupCertificate(i % 2 ? issued.code : "nosuchcodeatall2345", "198.51.100.7", now).limited).toBe(false);
    const blocked = lookupCertificate(issued.code, "198.51.100.7", now);
    expect(blocked).toMatchObject({ limited: true });
    expect(lookupCertificate(issued.code, "198.51.100.8", now)).toMatchObject({ limited: false, certificate: { code: issued.code } });
    expect(lookupCertificate(issued.code, "198.51.100.7", new Date(now.getTime() + 11 * 60_000)).limited).toBe(false);
  });
});
