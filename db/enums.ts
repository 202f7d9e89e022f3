/**
 * The fixed value lists of the schema, without drizzle: client code imports
 * these from here so the browser never loads the table definitions.
 */
export const ROLES = ["fellow", "mentor", "coordinator"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["en", "ka", "ru", "az", "hy"] as const;
export type Locale = (typeof LOCALES)[number];

export const REGIONS = ["kvemo_kartli", "samtskhe_javakheti", "other"] as const;
export type Region = (typeof REGIONS)[number];

export const COHORT_REGIONS = ["kvemo_kartli", "samtskhe_javakheti", "both", "other"] as const;

export const ENROLLMENT_STATUSES = ["active", "withdrawn", "completed", "moved"] as const;
export type EnrollmentStatus = (typeof ENROLLMENT_STATUSES)[number];

export const SUBMISSION_STATUSES = ["draft", "submitted", "revision_requested", "approved"] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];

export const NOTIFICATION_KINDS = [
  "submission_received",
  "feedback_released",
  "revision_requested",
  "comment_added",
  "fellow_assigned",
  "agreement_submitted",
  "agreement_reviewed",
  "practice_returned",
  "practice_review_released",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const AGREEMENT_STATUSES = ["draft", "submitted", "approved", "signed", "superseded"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const PRACTICE_KINDS = ["direct_work", "community_work", "advocacy_partnership", "supervision", "training", "administration"] as const;
export type PracticeKind = (typeof PRACTICE_KINDS)[number];

export const PRACTICE_STATUSES = ["waiting", "approved", "returned"] as const;
export type PracticeStatus = (typeof PRACTICE_STATUSES)[number];

export const SUPERVISION_ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type SupervisionActionStatus = (typeof SUPERVISION_ACTION_STATUSES)[number];

export const PRACTICE_REVIEW_STAGES = ["midpoint", "final"] as const;
export type PracticeReviewStage = (typeof PRACTICE_REVIEW_STAGES)[number];

export const GOAL_RATINGS = ["not_yet", "developing", "achieved"] as const;
export type GoalRating = (typeof GOAL_RATINGS)[number];
