import { writeTransaction } from "#db/client";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import type { CompiledModule } from "~/domain/content/schema";
import { getActiveEnrollment, getScheduleEntry, updateCompletion } from "~/domain/progress/progress.server";
import { programmeToday } from "~/lib/dates.server";
import { getDb } from "~/lib/db.server";
import { newId } from "~/lib/ids.server";
import { canStartNewAttempt, canTransition, isEditable } from "./state";

export const BODY_MAX = 60_000;

export type Submission = typeof schema.submissions.$inferSelect;
export type Review = typeof schema.reviews.$inferSelect;

export function listAttempts(fellowId: string, slug: string): Submission[] {
  return getDb()
    .select()
    .from(schema.submissions)
    .where(and(eq(schema.submissions.fellowId, fellowId), eq(schema.submissions.moduleSlug, slug)))
    .orderBy(asc(schema.submissions.attempt))
    .all();
}

/** Released reviews only: a fellow sees nothing of a review until the mentor releases it. */
export function releasedReviews(submissionIds: string[]): Map<string, Review> {
  if (submissionIds.length === 0) return new Map();
  const rows = getDb().select().from(schema.reviews).where(inArray(schema.reviews.submissionId, submissionIds)).all();
  return new Map(rows.filter((r) => r.releasedAt).map((r) => [r.submissionId, r]));
}

/** What the editor starts from: the open draft, else the text of the attempt sent back for revision. */
export function editorState(attempts: Submission[]) {
  const latest = attempts.at(-1) ?? null;
  if (latest && isEditable(latest.status)) return { submissionId: latest.id, version: latest.version, body: latest.body, canEdit: true };
  if (canStartNewAttempt(latest?.status ?? null)) return { submissionId: "", version: 0, body: latest?.body ?? "", canEdit: true };
  return { submissionId: latest!.id, version: latest!.version, body: latest!.body, canEdit: false };
}

export type SaveResult =
  | { ok: true; submission: Submission }
  | { ok: false; reason: "conflict"; current: Submission | null }
  | { ok: false; reason: "locked" };

/**
 * Saves the fellow's text. The form carries the attempt's id and version; if
 * either moved on since the page was opened (another tab), nothing is
 * overwritten and the caller gets the conflict with the text kept.
 */
export function saveDraft(
  fellowId: string,
  mod: CompiledModule,
  input: { submissionId: string; version: number; body: string },
  now = new Date(),
): SaveResult {
  const db = getDb();
  return writeTransaction(db, (tx) => {
    const latest = tx
      .select()
      .from(schema.submissions)
      .where(and(eq(schema.submissions.fellowId, fellowId), eq(schema.submissions.moduleSlug, mod.slug)))
      .orderBy(desc(schema.submissions.attempt))
      .get();
    if (latest && isEditable(latest.status)) {
      if (input.submissionId !== latest.id || input.version !== latest.version) return { ok: false, reason: "conflict", current: latest };
      const updated = tx
        .update(schema.submissions)
        .set({ body: input.body, version: latest.version + 1, updatedAt: now })
        .where(and(eq(schema.submissions.id, latest.id), eq(schema.submissions.version, input.version)))
        .returning()
        .get();
      return updated ? { ok: true, submission: updated } : { ok: false, reason: "conflict", current: latest };
    }
    if (!canStartNewAttempt(latest?.status ?? null)) return { ok: false, reason: "locked" };
    // A new attempt: only from a page that knew there was no open draft.
    if (input.submissionId !== "" && input.submissionId !== latest?.id) return { ok: false, reason: "conflict", current: latest ?? null };
    const created = tx
      .insert(schema.submissions)
      .values({
        id: newId(),
        fellowId,
        moduleSlug: mod.slug,
        assignmentKey: mod.locales.en.frontmatter.assignment.key,
        attempt: (latest?.attempt ?? 0) + 1,
        body: input.body,
        status: "draft",
        version: 1,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get();
    return { ok: true, submission: created };
  });
}

/** Saves and locks the attempt for review, marking it late after the due date. */
export function submitAttempt(
  fellowId: string,
  mod: CompiledModule,
  input: { submissionId: string; version: number; body: string },
  now = new Date(),
): SaveResult {
  // The text and the status change commit together: a crash between them cannot leave the final text as a draft.
  return writeTransaction(getDb(), () => {
    const saved = saveDraft(fellowId, mod, input, now);
    if (!saved.ok) return saved;
    const enrollment = getActiveEnrollment(fellowId);
    const dueOn = enrollment ? getScheduleEntry(enrollment.cohortId, mod.slug)?.dueOn : null;
    if (!canTransition(saved.submission.status, "submitted", "fellow")) return { ok: false as const, reason: "locked" as const };
    const submitted = getDb()
      .update(schema.submissions)
      .set({
        status: "submitted",
        submittedAt: now,
        late: Boolean(dueOn && programmeToday(now) > dueOn),
        mentorId: enrollment?.mentorId ?? null,
        version: saved.submission.version + 1,
        updatedAt: now,
      })
      .where(and(eq(schema.submissions.id, saved.submission.id), eq(schema.submissions.version, saved.submission.version)))
      .returning()
      .get();
    return submitted ? { ok: true as const, submission: submitted } : { ok: false as const, reason: "conflict" as const, current: saved.submission };
  });
}

/** An approval can complete the module, when its rules ask for one. */
export function recordApproval(fellowId: string, mod: CompiledModule) {
  updateCompletion(fellowId, mod);
}
