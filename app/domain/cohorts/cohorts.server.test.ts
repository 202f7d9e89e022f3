import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { countStatements as countQueries } from "#db/count-statements";
import { markSectionRead } from "~/domain/progress/progress.server";
import { getConnection, getDb } from "~/lib/db.server";
import type { CompiledModule } from "~/domain/content/schema";
import { SAMPLE_SLUG, useSampleContent } from "../../../tests/setup/sample-content";
import { createCohort, getSchedule, saveSchedule } from "./cohorts.server";
import { changePlacement, enrolFellow, enrolmentHistory, moveFellow, withdrawFellow } from "./enrolment.server";
import { confirmImport, previewImport } from "./import.server";
import { cohortOverview } from "./overview.server";
import { donorReport } from "./report.server";

const COORDINATOR = "demo-coordinator";
let mod: CompiledModule;

beforeAll(async () => {
  mod = await useSampleContent();
});

function newCohort(name = "Test cohort", startsOn = "2026-09-01", endsOn = "2027-06-30") {
  return createCohort({ name, region: "kvemo_kartli", startsOn, endsOn, requiredPracticeHours: 100 }, COORDINATOR);
}

function addFellow(id: string, name = id) {
  getDb().insert(schema.users).values({ id, email: `${id}@example.org`, displayName: name, role: "fellow", passwordHash: "x" }).run();
  return id;
}

const countStatements = (fn: () => void) => countQueries(getConnection(), fn);

describe("cohort set-up", () => {
  it("a new cohort has the curriculum scheduled inside its dates, and the schedule can be reordered and edited", () => {
    const id = newCohort();
    const schedule = getSchedule(id, "en");
    expect(schedule.map((m) => m.slug)).toEqual([SAMPLE_SLUG]);
    expect(schedule[0]).toMatchObject({ opensOn: "2026-09-01", dueOn: "2026-09-22", required: true });
    saveSchedule(id, [{ slug: SAMPLE_SLUG, opensOn: "2026-10-01", dueOn: null, required: false }], COORDINATOR);
    expect(getSchedule(id, "en")[0]).toMatchObject({ opensOn: "2026-10-01", dueOn: null, required: false });
  });
});

describe("enrolment", () => {
  it("enrols once, changes mentor (open work follows), withdraws with history, and moves with progress kept", async () => {
    const cohort = newCohort();
    const other = newCohort("Other cohort");
    const fellow = addFellow("enrol-fellow", "Nino");
    expect(await enrolFellow(fellow, cohort, { organizationId: "org-bolnisi", mentorId: "demo-mentor" }, COORDINATOR)).toEqual({ ok: true });
    expect(await enrolFellow(fellow, other, { organizationId: null, mentorId: null }, COORDINATOR)).toMatchObject({ ok: false, key: "enrolment.alreadyEnrolled" });
    expect(await enrolFellow(fellow, cohort, { organizationId: "nowhere", mentorId: null }, COORDINATOR)).toMatchObject({ ok: false, field: "organizationId" });

    getDb()
      .insert(schema.submissions)
      .values({ id: "enrol-sub", fellowId: fellow, moduleSlug: SAMPLE_SLUG, assignmentKey: "k", attempt: 1, status: "submitted", mentorId: "demo-mentor", updatedAt: new Date() })
      .run();
    expect(await changePlacement(fellow, { organizationId: "org-bolnisi", mentorId: "demo-mentor-2" }, COORDINATOR)).toEqual({ ok: true });
    const sub = getDb().select().from(schema.submissions).where(eq(schema.submissions.id, "enrol-sub")).get()!;
    expect(sub.mentorId).toBe("demo-mentor-2");
    const told = getDb()
      .select()
      .from(schema.notifications)
      .where(and(eq(schema.notifications.userId, "demo-mentor-2"), eq(schema.notifications.kind, "fellow_assigned")))
      .all();
    expect(told).toHaveLength(1);

    markSectionRead(fellow, mod, "first-things");
    expect(moveFellow(fellow, other, COORDINATOR)).toEqual({ ok: true });
    const history = enrolmentHistory(fellow);
    expect(history.map((h) => [h.cohortId, h.status])).toEqual(
      expect.arrayContaining([
        [cohort, "moved"],
        [other, "active"],
      ]),
    );
    // Progress belongs to the fellow: the new cohort's matrix shows it.
    const overview = cohortOverview(other, "en", { sort: "name", organizationId: null, mentorId: null })!;
    expect(overview.matrix.find((r) => r.id === fellow)?.cells).toEqual(["submitted"]);
    expect(overview.matrix.find((r) => r.id === fellow)?.mentorName).toBe("Արմեն Սարգսյան");

    expect(withdrawFellow(fellow, "Moved abroad", COORDINATOR)).toEqual({ ok: true });
    expect(withdrawFellow(fellow, "again", COORDINATOR)).toMatchObject({ ok: false, key: "enrolment.notEnrolled" });
    expect(enrolmentHistory(fellow).find((h) => h.cohortId === other)).toMatchObject({ status: "withdrawn", endReason: "Moved abroad" });
    // Coming back re-opens the same row.
    expect(await enrolFellow(fellow, other, { organizationId: null, mentorId: "demo-mentor" }, COORDINATOR)).toEqual({ ok: true });
    expect(enrolmentHistory(fellow)).toHaveLength(2);
  });
});

describe("CSV import", () => {
  const csv = [
    "Email,Name,Role,Organisation,Mentor email,Language",
    "lali@example.org,ლალი ბაქრაძე,fellow,Bolnisi Women's Initiative,mentor@demo.test,ka",
    "new.mentor@example.org,Gohar Avetisyan,mentor,,,hy",
    "samir@example.org,Samir Əliyev,fellow,,new.mentor@example.org,az",
    "not-an-email,Someone,fellow,,,en",
    "lali@example.org,Lali again,fellow,,,ka",
    "olga@example.org,Ольга,fellow,Nowhere NGO,,ru",
    "pavel@example.org,Павел,fellow,,nobody@example.org,ru",
    "fellow@demo.test,Günay,fellow,,,en",
    "mentor2@demo.test,Armen,mentor,,,en",
    "x@example.org,,fellow,,,xx",
  ].join("\n");

  it("previews every row with its problems and imports only the valid rows", async () => {
    const cohort = newCohort("Import cohort");
    const preview = previewImport(`\uFEFF${csv}`, cohort);
    if (!preview.ok) throw new Error("expected a preview");
    const problems = Object.fromEntries(preview.rows.map((r) => [r.line, r.problems.map((p) => p.key)]));
    expect(problems).toEqual({
      2: [],
      3: [],
      4: [],
      5: ["import.invalidEmail"],
      6: ["import.duplicate"],
      7: ["import.unknownOrganisation"],
      8: ["import.unknownMentor"],
      9: ["import.alreadyEnrolled"],
      10: ["import.alreadyUser"],
      11: ["import.missingName", "import.invalidLanguage"],
    });
    const result = await confirmImport(csv, cohort, COORDINATOR);
    expect(result.report).toMatchObject({ invited: 3, enrolled: 2, skipped: 7 });
    const samir = getDb().select().from(schema.users).where(eq(schema.users.email, "samir@example.org")).get()!;
    expect(samir).toMatchObject({ displayName: "Samir Əliyev", locale: "az", passwordHash: null });
    const overview = cohortOverview(cohort, "en", { sort: "name", organizationId: null, mentorId: null })!;
    expect(overview.matrix.map((r) => [r.name, r.mentorName, r.organizationName])).toEqual([
      ["Samir Əliyev", "Gohar Avetisyan", null],
      ["ლალი ბაქრაძე", "მარიამ გელაშვილი", "Bolnisi Women's Initiative"],
    ]);
    // Importing the same file again adds nobody.
    const again = await confirmImport(csv, cohort, COORDINATOR);
    expect(again.report).toMatchObject({ invited: 0, enrolled: 0 });
  });

  it("refuses a file without the email and name columns", () => {
    expect(previewImport("who,what\na,b", null)).toEqual({ ok: false, error: { key: "import.missingColumns" } });
  });
});

describe("watching the cohort", () => {
  it("names who is at risk and why, and counts the mentors' work", async () => {
    const cohort = newCohort("Risk cohort", "2026-01-05", "2026-12-18");
    saveSchedule(cohort, [{ slug: SAMPLE_SLUG, opensOn: "2026-01-05", dueOn: "2026-02-01", required: true }], COORDINATOR);
    const quiet = addFellow("risk-quiet", "Quiet");
    const busy = addFellow("risk-busy", "Busy");
    for (const f of [quiet, busy]) await enrolFellow(f, cohort, { organizationId: "org-tsalka", mentorId: "demo-mentor" }, COORDINATOR);
    getDb().update(schema.enrollments).set({ createdAt: new Date("2026-01-05T08:00:00Z") }).where(eq(schema.enrollments.cohortId, cohort)).run();
    const now = new Date("2026-03-02T10:00:00Z");
    markSectionRead(busy, mod, "first-things", new Date("2026-02-27T10:00:00Z"));
    getDb()
      .insert(schema.submissions)
      .values({ id: "risk-sub", fellowId: busy, moduleSlug: SAMPLE_SLUG, assignmentKey: "k", attempt: 1, status: "revision_requested", mentorId: "demo-mentor", updatedAt: now, submittedAt: new Date("2026-02-10T10:00:00Z") })
      .run();
    getDb()
      .insert(schema.reviews)
      .values({ id: "risk-review", submissionId: "risk-sub", mentorId: "demo-mentor", rubric: [], passMark: 0, levels: {}, criterionComments: {}, decision: "revise", updatedAt: now, releasedAt: new Date("2026-02-12T10:00:00Z") })
      .run();
    const overview = cohortOverview(cohort, "en", { sort: "activity", organizationId: null, mentorId: null }, now)!;
    const reasons = Object.fromEntries(overview.atRisk.map((r) => [r.name, r.reasons.map((x) => x.kind).sort()]));
    expect(reasons).toEqual({ Quiet: ["inactive", "overdue"], Busy: ["overdue", "revisionWaiting"] });
    expect(overview.matrix.map((r) => [r.name, r.cells[0]])).toEqual([
      ["Quiet", "not_started"],
      ["Busy", "revision_requested"],
    ]);
    expect(overview.workload).toEqual([{ mentorId: "demo-mentor", name: "მარიამ გელაშვილი", fellows: 2, waiting: 0, reviewed: 1, medianDays: 2 }]);
    expect(overview.headline).toMatchObject({ active: 2, atRisk: 2 });
    const report = donorReport(cohort)!;
    expect(report.byOrganisation).toEqual([expect.objectContaining({ name: "Tsalka Civic Forum", enrolled: 2, active: 2, withdrawn: 0 })]);
    expect(report.medianTurnaroundDays).toBe(2);
  });

  it("reads a cohort in the same number of queries whatever its size", async () => {
    const cohort = newCohort("Growing cohort");
    const filters = { sort: "name" as const, organizationId: null, mentorId: null };
    const measure = () => [countStatements(() => cohortOverview(cohort, "en", filters)), countStatements(() => donorReport(cohort))];
    for (let i = 0; i < 3; i++) await enrolFellow(addFellow(`grow-${i}`), cohort, { organizationId: "org-dmanisi", mentorId: "demo-mentor" }, COORDINATOR);
    const small = measure();
    for (let i = 3; i < 120; i++) {
      const id = addFellow(`grow-${i}`);
      await enrolFellow(id, cohort, { organizationId: i % 2 ? "org-dmanisi" : "org-borjomi", mentorId: i % 3 ? "demo-mentor" : "demo-mentor-2" }, COORDINATOR);
      markSectionRead(id, mod, "first-things");
    }
    expect(measure()).toEqual(small);
    expect(small[0]).toBeLessThanOrEqual(9);
  });
});
