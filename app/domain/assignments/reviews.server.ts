import { writeTransaction } from "#db/client";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { issueIfAutomatic } from "~/domain/certificates/certificates.server";
import { getModule } from "~/domain/content/catalog.server";
import type { SessionUser } from "~/lib/auth.server";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http.server";
import { newId } from "~/lib/ids.server";
import { canTransition } from "./state";
import { recordApproval, type Review, type Submission } from "./submissions.server";

const fellows = alias(schema.users, "fellows");

/** Submissions waiting for this mentor, oldest first. */
export function reviewQueue(mentorId: string) {
  return getDb()
    .select({
      id: schema.submissions.id,
      moduleSlug: schema.submissions.moduleSlug,
      attempt: schema.submissions.attempt,
      submittedAt: schema.submissions.submittedAt,
      late: schema.submissions.late,
      fellowName: fellows.displayName,
    })
    .from(schema.submissions)
    .innerJoin(fellows, eq(fellows.id, schema.submissions.fellowId))
    .where(and(eq(schema.submissions.mentorId, mentorId), eq(schema.submissions.status, "submitted")))
    .orderBy(asc(schema.submissions.submittedAt))
    .all();
}

export function queueCount(mentorId: string): number {
  return reviewQueue(mentorId).length;
}

/** A submission its assigned mentor or a coordinator may review or read; 404 for anyone else. */
export function getSubmissionForReview(viewer: SessionUser, submissionId: string) {
  const row =
    getDb()
      .select({ submission: schema.submissions, fellowName: fellows.displayName })
      .from(schema.submissions)
      .innerJoin(fellows, eq(fellows.id, schema.submissions.fellowId))
      .where(eq(schema.submissions.id, submissionId))
      .get() ?? notFound();
  const allowed =
    viewer.role === "coordinator" || (viewer.role === "mentor" && row.submission.mentorId === viewer.id);
  if (!allowed || row.submission.status === "draft") notFound();
  const mod = getModule(row.submission.moduleSlug) ?? notFound();
  const review = getDb().select().from(schema.reviews).where(eq(schema.reviews.submissionId, submissionId)).get() ?? null;
  return { submission: row.submission, fellowName: row.fellowName, mod, review };
}

export type ReviewInput = {
  submissionVersion: number;
  reviewVersion: number;
  levels: Record<string, number>;
  comments: Record<string, string>;
  feedback: string;
  decision: "approve" | "revise" | null;
};

export type ReviewResult =
  | { ok: true; review: Review }
  | { ok: false; reason: "conflict" | "closed" | "incomplete"; missing?: string[] };

function snapshot(submission: Submission) {
  const fm = getModule(submission.moduleSlug)!.locales.en.frontmatter;
  return { rubric: fm.assignment.rubric, passMark: fm.assignment.passMark };
}

/**
 * Saves the mentor's review as a draft (the fellow sees nothing), or releases
 * it. Both check that neither the submission nor the review changed since the
 * page was opened: a second tab or a second person gets a conflict, never a
 * silent overwrite.
 */
export function saveReview(
  viewer: SessionUser,
  submission: Submission,
  input: ReviewInput,
  release: boolean,
  now = new Date(),
): ReviewResult {
  const db = getDb();
  return writeTransaction(db, (tx) => {
    const current = tx.select().from(schema.submissions).where(eq(schema.submissions.id, submission.id)).get();
    if (!current || current.version !== input.submissionVersion) return { ok: false, reason: "conflict" };
    if (current.status !== "submitted") return { ok: false, reason: "closed" };
    const existing = tx.select().from(schema.reviews).where(eq(schema.reviews.submissionId, submission.id)).get();
    if ((existing?.version ?? 0) !== input.reviewVersion) return { ok: false, reason: "conflict" };
    const { rubric, passMark } = existing ? { rubric: existing.rubric, passMark: existing.passMark } : snapshot(current);
    // Only levels the rubric has count; anything else posted is ignored.
    const levels: Record<string, number> = {};
    const comments: Record<string, string> = {};
    for (const c of rubric) {
      const points = input.levels[c.id];
      if (c.levels.some((l) => l.points === points)) levels[c.id] = points;
      const comment = input.comments[c.id]?.trim();
      if (comment) comments[c.id] = comment;
    }
    if (release) {
      const missing = rubric.filter((c) => levels[c.id] === undefined).map((c) => c.id);
      if (missing.length > 0 || !input.decision) return { ok: false, reason: "incomplete", missing };
    }
    const values = {
      levels,
      criterionComments: comments,
      feedback: input.feedback,
      decision: input.decision,
      mentorId: viewer.id,
      updatedAt: now,
      releasedAt: release ? now : null,
    };
    const review = existing
      ? tx
          .update(schema.reviews)
          .set({ ...values, version: existing.version + 1 })
          .where(and(eq(schema.reviews.id, existing.id), eq(schema.reviews.version, existing.version)))
          .returning()
          .get()
      : tx
          .insert(schema.reviews)
          .values({ id: newId(), submissionId: current.id, rubric, passMark, ...values, version: 1, createdAt: now })
          .returning()
          .get();
    if (!review) return { ok: false, reason: "conflict" };
    if (release) {
      const to = input.decision === "approve" ? "approved" : "revision_requested";
      if (!canTransition(current.status, to, "mentor")) return { ok: false, reason: "closed" };
      tx.update(schema.submissions)
        .set({ status: to, version: current.version + 1, updatedAt: now })
        .where(eq(schema.submissions.id, current.id))
        .run();
    }
    return { ok: true, review };
  });
}

export function afterRelease(submission: Submission, decision: "approve" | "revise" | null) {
  if (decision !== "approve") return;
  recordApproval(submission.fellowId, getModule(submission.moduleSlug)!);
  // The last approval may be what makes the fellow eligible for their certificate.
  issueIfAutomatic(submission.fellowId);
}

export function totalPoints(review: Pick<Review, "levels">) {
  return Object.values(review.levels).reduce((sum, p) => sum + p, 0);
}
