import { writeTransaction } from "#db/client";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import { getModule } from "~/domain/content/catalog.server";
import { notify } from "~/domain/notifications/notifications.server";
import { getActiveEnrollment } from "~/domain/progress/progress.server";
import { getFellowPlacement } from "~/domain/cohorts/placements.server";
import { getDb } from "~/lib/db.server";
import { newId } from "~/lib/ids.server";
import { isMentorOf } from "./access.server";
import { canTake, GOALS_MAX, GOALS_MIN } from "./rules";

export type GoalInput = { title: string; activities: string; evidence: string; moduleSlug: string | null };
export type AgreementInput = { hoursPerWeek: number; goals: GoalInput[] };
export type StepResult = { ok: true } | { ok: false; key: string; values?: Record<string, string> };

/** Every version of the fellow's agreement, newest first, each with its goals in order. */
export function listAgreements(fellowId: string) {
  const db = getDb();
  const agreements = db
    .select()
    .from(schema.learningAgreements)
    .where(eq(schema.learningAgreements.fellowId, fellowId))
    .orderBy(desc(schema.learningAgreements.version))
    .all();
  const goals = agreements.length
    ? db
        .select()
        .from(schema.agreementGoals)
        .where(inArray(schema.agreementGoals.agreementId, agreements.map((a) => a.id)))
        .orderBy(asc(schema.agreementGoals.position))
        .all()
    : [];
  const names = new Map(
    db
      .select({ id: schema.users.id, name: schema.users.displayName })
      .from(schema.users)
      .where(inArray(schema.users.id, [fellowId, ...agreements.flatMap((a) => [a.approvedById, a.mentorId]).filter((id): id is string => Boolean(id))]))
      .all()
      .map((u) => [u.id, u.name]),
  );
  return agreements.map((a) => ({
    ...a,
    fellowName: names.get(fellowId) ?? "",
    approvedByName: a.approvedById ? (names.get(a.approvedById) ?? null) : null,
    goals: goals.filter((g) => g.agreementId === a.id),
  }));
}

export type Agreement = ReturnType<typeof listAgreements>[number];

/** The version being worked on or in force: the newest one. */
export function latestAgreement(fellowId: string) {
  return listAgreements(fellowId)[0] ?? null;
}

/** The version in force: the newest signed one. */
export function signedAgreement(fellowId: string) {
  return listAgreements(fellowId).find((a) => a.status === "signed") ?? null;
}

function replaceGoals(tx: Parameters<Parameters<typeof writeTransaction>[1]>[0], agreementId: string, goals: GoalInput[]) {
  tx.delete(schema.agreementGoals).where(eq(schema.agreementGoals.agreementId, agreementId)).run();
  if (goals.length) {
    tx.insert(schema.agreementGoals)
      .values(goals.map((g, i) => ({ id: newId(), agreementId, position: i + 1, ...g, moduleSlug: g.moduleSlug && getModule(g.moduleSlug) ? g.moduleSlug : null })))
      .run();
  }
}

/** Saves the fellow's draft: the first version, or the draft of a new version. */
export function saveDraft(fellowId: string, input: AgreementInput, now = new Date()): StepResult {
  const latest = latestAgreement(fellowId);
  if (latest && latest.status !== "draft") return { ok: false, key: "agreement.notEditable" };
  const placement = getFellowPlacement(fellowId);
  writeTransaction(getDb(), (tx) => {
    const id = latest?.id ?? newId();
    const values = { hoursPerWeek: input.hoursPerWeek, organizationName: placement?.organizationName ?? null, updatedAt: now };
    if (latest) tx.update(schema.learningAgreements).set(values).where(eq(schema.learningAgreements.id, id)).run();
    else tx.insert(schema.learningAgreements).values({ id, fellowId, version: 1, status: "draft", ...values, createdAt: now }).run();
    replaceGoals(tx, id, input.goals);
  });
  return { ok: true };
}

/** Starts a new version from the signed one; the signed one stays in force until the new one is signed. */
export function startNewVersion(fellowId: string, now = new Date()): StepResult {
  const latest = latestAgreement(fellowId);
  if (!canTake("newVersion", latest?.status ?? null, "fellow") || !latest) return { ok: false, key: "agreement.notEditable" };
  writeTransaction(getDb(), (tx) => {
    const id = newId();
    tx.insert(schema.learningAgreements)
      .values({ id, fellowId, version: latest.version + 1, status: "draft", hoursPerWeek: latest.hoursPerWeek, organizationName: latest.organizationName, createdAt: now, updatedAt: now })
      .run();
    replaceGoals(tx, id, latest.goals.map((g) => ({ title: g.title, activities: g.activities, evidence: g.evidence, moduleSlug: g.moduleSlug })));
  });
  return { ok: true };
}

/** Moves the newest version from one status to the next, only from the status expected. */
function advance(agreementId: string, from: schema.AgreementStatus, set: Partial<typeof schema.learningAgreements.$inferInsert>) {
  return (
    getDb()
      .update(schema.learningAgreements)
      .set(set)
      .where(and(eq(schema.learningAgreements.id, agreementId), eq(schema.learningAgreements.status, from)))
      .run().changes === 1
  );
}

export async function submitAgreement(fellowId: string, now = new Date()): Promise<StepResult> {
  const latest = latestAgreement(fellowId);
  if (!latest || !canTake("submit", latest.status, "fellow")) return { ok: false, key: "agreement.notEditable" };
  if (latest.goals.length < GOALS_MIN) return { ok: false, key: "agreement.goalsCount", values: { min: String(GOALS_MIN), max: String(GOALS_MAX) } };
  const mentorId = getActiveEnrollment(fellowId)?.mentorId ?? null;
  if (!mentorId) return { ok: false, key: "agreement.noMentor" };
  if (!advance(latest.id, "draft", { status: "submitted", submittedAt: now, mentorId, updatedAt: now })) return { ok: false, key: "agreement.notEditable" };
  await notify(mentorId, "agreement_submitted", { module: "", name: latest.fellowName }, `/fellows/${fellowId}/practice#agreement`);
  return { ok: true };
}

/** The mentor's answer to a submitted version: approve it, or send it back to draft with a comment. */
export async function reviewAgreement(mentorId: string, fellowId: string, decision: "approve" | "comment", comment: string, now = new Date()): Promise<StepResult> {
  if (!isMentorOf(mentorId, fellowId)) return { ok: false, key: "agreement.notYourFellow" };
  const latest = latestAgreement(fellowId);
  if (!latest || !canTake(decision, latest.status, "mentor")) return { ok: false, key: "agreement.notSubmitted" };
  if (decision === "comment" && !comment) return { ok: false, key: "agreement.commentRequired" };
  const done =
    decision === "approve"
      ? advance(latest.id, "submitted", { status: "approved", approvedAt: now, approvedById: mentorId, mentorComment: comment || null, updatedAt: now })
      : advance(latest.id, "submitted", { status: "draft", mentorComment: comment, updatedAt: now });
  if (!done) return { ok: false, key: "agreement.notSubmitted" };
  await notify(fellowId, "agreement_reviewed", { module: "" }, "/practice/agreement");
  return { ok: true };
}

/** The fellow signs the approved version; it is locked, and any earlier signed version is superseded. */
export function signAgreement(fellowId: string, now = new Date()): StepResult {
  const latest = latestAgreement(fellowId);
  if (!latest || !canTake("sign", latest.status, "fellow")) return { ok: false, key: "agreement.notApproved" };
  const signed = writeTransaction(getDb(), (tx) => {
    const changed = tx
      .update(schema.learningAgreements)
      .set({ status: "signed", signedAt: now, updatedAt: now })
      .where(and(eq(schema.learningAgreements.id, latest.id), eq(schema.learningAgreements.status, "approved")))
      .run().changes;
    if (changed !== 1) return false;
    tx.update(schema.learningAgreements)
      .set({ status: "superseded", supersededAt: now })
      .where(and(eq(schema.learningAgreements.fellowId, fellowId), eq(schema.learningAgreements.status, "signed"), inArray(schema.learningAgreements.version, Array.from({ length: latest.version - 1 }, (_, i) => i + 1))))
      .run();
    return true;
  });
  return signed ? { ok: true } : { ok: false, key: "agreement.notApproved" };
}
