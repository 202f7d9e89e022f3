import { writeTransaction } from "#db/client";
import { and, asc, desc, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { notify } from "~/domain/notifications/notifications.server";
import { getActiveEnrollment } from "~/domain/progress/progress.server";
import { programmeToday } from "~/lib/dates.server";
import { getDb } from "~/lib/db.server";
import type { FieldError } from "~/lib/forms";
import { newId } from "~/lib/ids.server";
import { isMentorOf } from "./access.server";
import { fitsTheDay, hoursOf, MAX_HOURS_PER_DAY, practiceTotals } from "./rules";

export type EntryInput = { date: string; quarters: number; kind: schema.PracticeKind; goalId: string | null; description: string };
export type EntryResult = { ok: true; id: string } | { ok: false; errors: Record<string, FieldError> };

const fellows = alias(schema.users, "fellows");

/** The fellow's practice entries, newest day first, with the goal each served. */
export function listEntries(fellowId: string) {
  return getDb()
    .select({
      id: schema.practiceEntries.id,
      date: schema.practiceEntries.date,
      quarters: schema.practiceEntries.quarters,
      kind: schema.practiceEntries.kind,
      goalId: schema.practiceEntries.goalId,
      goalTitle: schema.agreementGoals.title,
      description: schema.practiceEntries.description,
      status: schema.practiceEntries.status,
      mentorComment: schema.practiceEntries.mentorComment,
      supervisionId: schema.practiceEntries.supervisionId,
      reviewedAt: schema.practiceEntries.reviewedAt,
    })
    .from(schema.practiceEntries)
    .leftJoin(schema.agreementGoals, eq(schema.agreementGoals.id, schema.practiceEntries.goalId))
    .where(eq(schema.practiceEntries.fellowId, fellowId))
    .orderBy(desc(schema.practiceEntries.date), desc(schema.practiceEntries.createdAt))
    .all();
}

export function getEntry(fellowId: string, entryId: string) {
  return (
    getDb()
      .select()
      .from(schema.practiceEntries)
      .where(and(eq(schema.practiceEntries.id, entryId), eq(schema.practiceEntries.fellowId, fellowId)))
      .get() ?? null
  );
}

/** Goals the fellow can attach hours to: those of every version of their agreement that is in force or on its way. */
export function goalChoices(fellowId: string) {
  return getDb()
    .select({ id: schema.agreementGoals.id, title: schema.agreementGoals.title, version: schema.learningAgreements.version })
    .from(schema.agreementGoals)
    .innerJoin(schema.learningAgreements, eq(schema.learningAgreements.id, schema.agreementGoals.agreementId))
    .where(and(eq(schema.learningAgreements.fellowId, fellowId), ne(schema.learningAgreements.status, "superseded")))
    .orderBy(desc(schema.learningAgreements.version), asc(schema.agreementGoals.position))
    .all();
}

/** Checks a day's total and the date, in the transaction that writes, so two saves at once cannot pass 12 hours together. */
function checkEntry(tx: Parameters<Parameters<typeof writeTransaction>[1]>[0], fellowId: string, input: EntryInput, excludeId: string | null, today: string) {
  const errors: Record<string, FieldError> = {};
  if (input.date > today) errors.date = { key: "practice.futureDate" };
  if (input.goalId && !goalChoices(fellowId).some((g) => g.id === input.goalId)) errors.goalId = { key: "form.invalidChoice" };
  const others =
    tx
      .select({ q: sql<number>`coalesce(sum(${schema.practiceEntries.quarters}), 0)` })
      .from(schema.practiceEntries)
      .where(
        and(
          eq(schema.practiceEntries.fellowId, fellowId),
          eq(schema.practiceEntries.date, input.date),
          excludeId ? ne(schema.practiceEntries.id, excludeId) : undefined,
        ),
      )
      .get()?.q ?? 0;
  if (!fitsTheDay(others, input.quarters)) {
    errors.hours = { key: "practice.dayLimit", values: { max: String(MAX_HOURS_PER_DAY), logged: String(hoursOf(others)) } };
  }
  return errors;
}

export function logEntry(fellowId: string, input: EntryInput, now = new Date(), supervisionId: string | null = null, approvedBy: string | null = null): EntryResult {
  const today = programmeToday(now);
  return writeTransaction(getDb(), (tx) => {
    const errors = checkEntry(tx, fellowId, input, null, today);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const id = newId();
    tx.insert(schema.practiceEntries)
      .values({
        id,
        fellowId,
        ...input,
        supervisionId,
        status: approvedBy ? "approved" : "waiting",
        reviewedById: approvedBy,
        reviewedAt: approvedBy ? now : null,
        createdAt: now,
        updatedAt: now,
      })
      .run();
    return { ok: true as const, id };
  });
}

/** Changes an entry the mentor has not approved; a returned entry goes back to the mentor. */
export function updateEntry(fellowId: string, entryId: string, input: EntryInput, now = new Date()): EntryResult | null {
  const entry = getEntry(fellowId, entryId);
  if (!entry || entry.status === "approved" || entry.supervisionId) return null;
  const today = programmeToday(now);
  return writeTransaction(getDb(), (tx) => {
    const errors = checkEntry(tx, fellowId, input, entryId, today);
    if (Object.keys(errors).length) return { ok: false as const, errors };
    const changed = tx
      .update(schema.practiceEntries)
      .set({ ...input, status: "waiting", updatedAt: now, version: sql`${schema.practiceEntries.version} + 1` })
      .where(and(eq(schema.practiceEntries.id, entryId), ne(schema.practiceEntries.status, "approved")))
      .run().changes;
    return changed === 1 ? { ok: true as const, id: entryId } : { ok: false as const, errors: { _form: { key: "practice.alreadyApproved" } } };
  });
}

export function deleteEntry(fellowId: string, entryId: string) {
  return (
    getDb()
      .delete(schema.practiceEntries)
      .where(
        and(
          eq(schema.practiceEntries.id, entryId),
          eq(schema.practiceEntries.fellowId, fellowId),
          ne(schema.practiceEntries.status, "approved"),
          sql`${schema.practiceEntries.supervisionId} is null`,
        ),
      )
      .run().changes === 1
  );
}

/** Approves waiting entries, of the mentor's own fellows only; returns how many. */
export function approveEntries(mentorId: string, entryIds: string[], now = new Date()) {
  if (entryIds.length === 0) return 0;
  const candidates = getDb()
    .select({ id: schema.practiceEntries.id, fellowId: schema.practiceEntries.fellowId })
    .from(schema.practiceEntries)
    .where(and(inArray(schema.practiceEntries.id, entryIds.slice(0, 500)), eq(schema.practiceEntries.status, "waiting")))
    .all()
    .filter((e) => isMentorOf(mentorId, e.fellowId));
  if (candidates.length === 0) return 0;
  return getDb()
    .update(schema.practiceEntries)
    .set({ status: "approved", reviewedById: mentorId, reviewedAt: now, mentorComment: null, updatedAt: now })
    .where(and(inArray(schema.practiceEntries.id, candidates.map((c) => c.id)), eq(schema.practiceEntries.status, "waiting")))
    .run().changes;
}

/** Sends one entry back to the fellow with the mentor's comment. */
export async function returnEntry(mentorId: string, entryId: string, comment: string, now = new Date()) {
  const entry = getDb().select().from(schema.practiceEntries).where(eq(schema.practiceEntries.id, entryId)).get();
  if (!entry || entry.status !== "waiting" || !isMentorOf(mentorId, entry.fellowId)) return false;
  const changed = getDb()
    .update(schema.practiceEntries)
    .set({ status: "returned", mentorComment: comment, reviewedById: mentorId, reviewedAt: now, updatedAt: now })
    .where(and(eq(schema.practiceEntries.id, entryId), eq(schema.practiceEntries.status, "waiting")))
    .run().changes;
  if (changed) await notify(entry.fellowId, "practice_returned", { module: "", date: entry.date }, "/practice#entries");
  return changed === 1;
}

/** Hours required by the fellow's cohort (0 when not enrolled). */
export function requiredHours(fellowId: string) {
  const enrolment = getActiveEnrollment(fellowId);
  if (!enrolment) return 0;
  return getDb().select({ h: schema.cohorts.requiredPracticeHours }).from(schema.cohorts).where(eq(schema.cohorts.id, enrolment.cohortId)).get()?.h ?? 0;
}

export function fellowTotals(fellowId: string) {
  const entries = getDb()
    .select({ date: schema.practiceEntries.date, quarters: schema.practiceEntries.quarters, kind: schema.practiceEntries.kind, status: schema.practiceEntries.status })
    .from(schema.practiceEntries)
    .where(eq(schema.practiceEntries.fellowId, fellowId))
    .all();
  return practiceTotals(entries, requiredHours(fellowId));
}

/** What waits for a mentor: their fellows' entries waiting for approval, oldest first, and agreements waiting for an answer. */
export function mentorPracticeQueue(mentorId: string) {
  const db = getDb();
  const mine = db
    .select({ fellowId: schema.enrollments.fellowId })
    .from(schema.enrollments)
    .where(and(eq(schema.enrollments.mentorId, mentorId), eq(schema.enrollments.status, "active")));
  const entries = db
    .select({
      id: schema.practiceEntries.id,
      fellowId: schema.practiceEntries.fellowId,
      fellowName: fellows.displayName,
      date: schema.practiceEntries.date,
      quarters: schema.practiceEntries.quarters,
      kind: schema.practiceEntries.kind,
      goalTitle: schema.agreementGoals.title,
      description: schema.practiceEntries.description,
      supervisionId: schema.practiceEntries.supervisionId,
    })
    .from(schema.practiceEntries)
    .innerJoin(fellows, eq(fellows.id, schema.practiceEntries.fellowId))
    .leftJoin(schema.agreementGoals, eq(schema.agreementGoals.id, schema.practiceEntries.goalId))
    .where(and(eq(schema.practiceEntries.status, "waiting"), inArray(schema.practiceEntries.fellowId, mine)))
    .orderBy(asc(fellows.displayName), asc(schema.practiceEntries.date))
    .all();
  const agreements = db
    .select({ fellowId: schema.learningAgreements.fellowId, fellowName: fellows.displayName, version: schema.learningAgreements.version, submittedAt: schema.learningAgreements.submittedAt })
    .from(schema.learningAgreements)
    .innerJoin(fellows, eq(fellows.id, schema.learningAgreements.fellowId))
    .where(and(eq(schema.learningAgreements.status, "submitted"), inArray(schema.learningAgreements.fellowId, mine)))
    .orderBy(asc(schema.learningAgreements.submittedAt))
    .all();
  return { entries, agreements };
}
