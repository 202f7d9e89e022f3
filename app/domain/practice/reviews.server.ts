import { and, eq } from "drizzle-orm";
import * as schema from "#db/schema";
import { notify } from "~/domain/notifications/notifications.server";
import { getDb } from "~/lib/db.server";
import { newId } from "~/lib/ids.server";
import { isMentorOf } from "./access.server";
import { signedAgreement } from "./agreement.server";

export type StageReview = {
  stage: schema.PracticeReviewStage;
  selfAssessment: Record<string, string>;
  selfSubmittedAt: Date | null;
  ratings: Record<string, { rating: schema.GoalRating | null; comment: string }>;
  releasedAt: Date | null;
};

function find(fellowId: string, stage: schema.PracticeReviewStage) {
  return (
    getDb()
      .select()
      .from(schema.practiceReviews)
      .where(and(eq(schema.practiceReviews.fellowId, fellowId), eq(schema.practiceReviews.stage, stage)))
      .get() ?? null
  );
}

/**
 * The mid-point and final reviews as `viewer` may see them: the fellow sees
 * the mentor's ratings only once released; the mentor sees the
 * self-assessment only once the fellow has submitted it.
 */
export function listPracticeReviews(fellowId: string, viewer: "fellow" | "staff"): StageReview[] {
  return schema.PRACTICE_REVIEW_STAGES.map((stage) => {
    const row = find(fellowId, stage);
    const released = row?.releasedAt ?? null;
    const submitted = row?.selfSubmittedAt ?? null;
    return {
      stage,
      selfAssessment: viewer === "fellow" || submitted ? (row?.selfAssessment ?? {}) : {},
      selfSubmittedAt: submitted,
      ratings: viewer === "staff" || released ? (row?.ratings ?? {}) : {},
      releasedAt: released,
    };
  });
}

function ensureRow(fellowId: string, stage: schema.PracticeReviewStage, agreementId: string, now: Date) {
  const existing = find(fellowId, stage);
  if (existing) return existing;
  const row = { id: newId(), fellowId, agreementId, stage, selfAssessment: {}, ratings: {}, createdAt: now, updatedAt: now };
  getDb().insert(schema.practiceReviews).values(row).onConflictDoNothing().run();
  return find(fellowId, stage)!;
}

export type ReviewResult = { ok: true } | { ok: false; key: string };

/** The fellow's self-assessment, goal by goal; saved as a draft, or submitted (then it is locked). */
export function saveSelfAssessment(fellowId: string, stage: schema.PracticeReviewStage, texts: Record<string, string>, submit: boolean, now = new Date()): ReviewResult {
  const agreement = signedAgreement(fellowId);
  if (!agreement) return { ok: false, key: "practiceReview.needsSignedAgreement" };
  const row = ensureRow(fellowId, stage, agreement.id, now);
  if (row.selfSubmittedAt) return { ok: false, key: "practiceReview.alreadySubmitted" };
  const goals = agreement.goals.map((g) => g.id);
  const kept = Object.fromEntries(goals.map((id) => [id, texts[id] ?? ""]));
  if (submit && goals.some((id) => !kept[id].trim())) return { ok: false, key: "practiceReview.everyGoal" };
  getDb()
    .update(schema.practiceReviews)
    .set({ selfAssessment: kept, selfSubmittedAt: submit ? now : null, agreementId: agreement.id, updatedAt: now })
    .where(eq(schema.practiceReviews.id, row.id))
    .run();
  return { ok: true };
}

/** The mentor's ratings; released to the fellow only after the fellow's self-assessment is in and every goal is rated. */
export async function saveRatings(
  mentorId: string,
  fellowId: string,
  stage: schema.PracticeReviewStage,
  ratings: Record<string, { rating: schema.GoalRating | null; comment: string }>,
  release: boolean,
  now = new Date(),
): Promise<ReviewResult> {
  if (!isMentorOf(mentorId, fellowId)) return { ok: false, key: "agreement.notYourFellow" };
  const agreement = signedAgreement(fellowId);
  if (!agreement) return { ok: false, key: "practiceReview.needsSignedAgreement" };
  const row = ensureRow(fellowId, stage, agreement.id, now);
  if (row.releasedAt) return { ok: false, key: "practiceReview.alreadyReleased" };
  const kept = Object.fromEntries(agreement.goals.map((g) => [g.id, ratings[g.id] ?? { rating: null, comment: "" }]));
  if (release && !row.selfSubmittedAt) return { ok: false, key: "practiceReview.waitForSelf" };
  if (release && Object.values(kept).some((r) => !r.rating)) return { ok: false, key: "practiceReview.rateEveryGoal" };
  getDb()
    .update(schema.practiceReviews)
    .set({ ratings: kept, mentorId, releasedAt: release ? now : null, updatedAt: now })
    .where(eq(schema.practiceReviews.id, row.id))
    .run();
  if (release) await notify(fellowId, "practice_review_released", { module: "" }, "/practice/reviews");
  return { ok: true };
}
