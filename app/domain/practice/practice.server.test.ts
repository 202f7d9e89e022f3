import { beforeAll, describe, expect, it } from "vitest";
import { addDays, programmeToday } from "~/lib/dates.server";
import { useSampleContent } from "../../../tests/setup/sample-content";
import { latestAgreement, listAgreements, reviewAgreement, saveDraft, signAgreement, startNewVersion, submitAgreement } from "./agreement.server";
import { approveEntries, fellowTotals, getEntry, logEntry, returnEntry, updateEntry } from "./hours.server";
import { listPracticeReviews, saveRatings, saveSelfAssessment } from "./reviews.server";
import { recordSession } from "./supervision.server";

const FELLOW = "demo-fellow-4"; // mentored by demo-mentor
const MENTOR = "demo-mentor";
const OTHER_MENTOR = "demo-mentor-2";
const today = () => programmeToday();
const goal = (n: number) => ({ title: `Goal ${n}`, activities: `Activities ${n}`, evidence: `Evidence ${n}`, moduleSlug: null });

beforeAll(async () => {
  await useSampleContent();
});

describe("learning agreement", () => {
  it("is drafted, sent back with a comment, approved, signed and locked; a new version supersedes it once signed", async () => {
    expect(saveDraft(FELLOW, { hoursPerWeek: 8, goals: [goal(1), goal(2)] })).toEqual({ ok: true });
    expect(await submitAgreement(FELLOW)).toEqual({ ok: false, key: "agreement.goalsCount", values: { min: "3", max: "6" } });
    saveDraft(FELLOW, { hoursPerWeek: 8, goals: [goal(1), goal(2), goal(3)] });
    expect(signAgreement(FELLOW)).toMatchObject({ ok: false });
    expect(await submitAgreement(FELLOW)).toEqual({ ok: true });
    expect(saveDraft(FELLOW, { hoursPerWeek: 9, goals: [goal(1), goal(2), goal(3)] })).toMatchObject({ ok: false });
    expect(await reviewAgreement(OTHER_MENTOR, FELLOW, "approve", "")).toMatchObject({ ok: false, key: "agreement.notYourFellow" });
    expect(await reviewAgreement(MENTOR, FELLOW, "comment", "")).toMatchObject({ ok: false, key: "agreement.commentRequired" });
    expect(await reviewAgreement(MENTOR, FELLOW, "comment", "Make goal 3 measurable.")).toEqual({ ok: true });
    expect(latestAgreement(FELLOW)).toMatchObject({ status: "draft", mentorComment: "Make goal 3 measurable." });
    await submitAgreement(FELLOW);
    expect(await reviewAgreement(MENTOR, FELLOW, "approve", "")).toEqual({ ok: true });
    expect(signAgreement(FELLOW)).toEqual({ ok: true });
    expect(latestAgreement(FELLOW)).toMatchObject({ version: 1, status: "signed", approvedByName: "მარიამ გელაშვილი" });
    expect(saveDraft(FELLOW, { hoursPerWeek: 1, goals: [goal(1), goal(2), goal(3)] })).toMatchObject({ ok: false });

    expect(startNewVersion(FELLOW)).toEqual({ ok: true });
    expect(listAgreements(FELLOW).map((a) => [a.version, a.status])).toEqual([
      [2, "draft"],
      [1, "signed"],
    ]);
    saveDraft(FELLOW, { hoursPerWeek: 10, goals: [goal(1), goal(2), goal(3), goal(4)] });
    await submitAgreement(FELLOW);
    await reviewAgreement(MENTOR, FELLOW, "approve", "Good.");
    signAgreement(FELLOW);
    expect(listAgreements(FELLOW).map((a) => [a.version, a.status, a.goals.length])).toEqual([
      [2, "signed", 4],
      [1, "superseded", 3],
    ]);
  });
});

describe("practice hours", () => {
  const FELLOW_H = "demo-fellow-5"; // mentored by demo-mentor
  const entry = (days: number, quarters: number) => ({ date: addDays(today(), days), quarters, kind: "direct_work" as const, goalId: null, description: "Group session on school enrolment." });

  it("stay within twelve hours a day and never in the future", () => {
    expect(logEntry(FELLOW_H, entry(-1, 40))).toMatchObject({ ok: true });
    expect(logEntry(FELLOW_H, entry(-1, 12))).toMatchObject({ ok: false, errors: { hours: { key: "practice.dayLimit", values: { max: "12", logged: "10" } } } });
    expect(logEntry(FELLOW_H, entry(-1, 8))).toMatchObject({ ok: true });
    expect(logEntry(FELLOW_H, entry(1, 4))).toMatchObject({ ok: false, errors: { date: { key: "practice.futureDate" } } });
  });

  it("are approved in a batch by the fellow's own mentor only, returned with a comment, corrected and locked once approved", async () => {
    const a = logEntry(FELLOW_H, entry(-3, 8));
    const b = logEntry(FELLOW_H, entry(-4, 6));
    if (!a.ok || !b.ok) throw new Error("expected entries");
    expect(approveEntries(OTHER_MENTOR, [a.id, b.id])).toBe(0);
    expect(await returnEntry(OTHER_MENTOR, b.id, "No.")).toBe(false);
    expect(await returnEntry(MENTOR, b.id, "Which group?")).toBe(true);
    expect(approveEntries(MENTOR, [a.id, b.id])).toBe(1);
    expect(getEntry(FELLOW_H, b.id)).toMatchObject({ status: "returned", mentorComment: "Which group?" });
    expect(updateEntry(FELLOW_H, a.id, entry(-3, 4))).toBeNull();
    expect(updateEntry(FELLOW_H, b.id, { ...entry(-4, 6), description: "Group session with parents at school no. 2." })).toMatchObject({ ok: true });
    expect(getEntry(FELLOW_H, b.id)?.status).toBe("waiting");
    const totals = fellowTotals(FELLOW_H);
    expect(totals).toMatchObject({ approved: 2, waiting: 13.5, returned: 0, required: 120 });
  });

  it("supervision recorded by the mentor counts at once; recorded by the fellow it waits for the mentor", () => {
    const before = fellowTotals(FELLOW_H);
    expect(recordSession({ id: MENTOR, role: "mentor" }, FELLOW_H, { date: addDays(today(), -6), quarters: 4, topics: "Boundaries.", actions: ["Read module 9"] })).toEqual({ ok: true });
    expect(recordSession({ id: OTHER_MENTOR, role: "mentor" }, FELLOW_H, { date: addDays(today(), -6), quarters: 4, topics: "x", actions: [] })).toMatchObject({ ok: false });
    expect(recordSession({ id: FELLOW_H, role: "fellow" }, FELLOW_H, { date: addDays(today(), -8), quarters: 2, topics: "Peer supervision.", actions: [] })).toEqual({ ok: true });
    const after = fellowTotals(FELLOW_H);
    expect(after.approved - before.approved).toBe(1);
    expect(after.waiting - before.waiting).toBe(0.5);
    expect(after.byKind.supervision).toBe(1);
  });
});

describe("mid-point review", () => {
  it("the mentor's rating is released only after the fellow's self-assessment, and hidden from the fellow until then", async () => {
    const agreement = latestAgreement(FELLOW)!;
    const texts = Object.fromEntries(agreement.goals.map((g) => [g.id, `Progress on ${g.title}`]));
    const ratings = Object.fromEntries(agreement.goals.map((g) => [g.id, { rating: "developing" as const, comment: "Keep going." }]));
    expect(await saveRatings(MENTOR, FELLOW, "midpoint", ratings, true)).toMatchObject({ ok: false, key: "practiceReview.waitForSelf" });
    expect(await saveRatings(MENTOR, FELLOW, "midpoint", ratings, false)).toEqual({ ok: true });
    expect(listPracticeReviews(FELLOW, "fellow")[0].ratings).toEqual({});
    expect(saveSelfAssessment(FELLOW, "midpoint", { [agreement.goals[0].id]: "Only one" }, true)).toMatchObject({ ok: false, key: "practiceReview.everyGoal" });
    expect(saveSelfAssessment(FELLOW, "midpoint", texts, true)).toEqual({ ok: true });
    expect(await saveRatings(MENTOR, FELLOW, "midpoint", ratings, true)).toEqual({ ok: true });
    expect(listPracticeReviews(FELLOW, "fellow")[0].ratings[agreement.goals[0].id]).toEqual({ rating: "developing", comment: "Keep going." });
    expect(saveSelfAssessment(FELLOW, "midpoint", texts, false)).toMatchObject({ ok: false, key: "practiceReview.alreadySubmitted" });
  });
});
