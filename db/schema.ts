import {
  blob,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";
import { ROLES, LOCALES, REGIONS, COHORT_REGIONS, ENROLLMENT_STATUSES, SUBMISSION_STATUSES, NOTIFICATION_KINDS, AGREEMENT_STATUSES, PRACTICE_KINDS, PRACTICE_STATUSES, SUPERVISION_ACTION_STATUSES, PRACTICE_REVIEW_STAGES, type GoalRating, type Locale } from "./enums";
export * from "./enums";

/** A cohort may draw fellows from both regions. */

// "moved": the fellow continued in another cohort; the row stays as history.

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .$defaultFn(() => new Date());

export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  // Stored lower-cased; uniqueness is on the normalised address.
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  role: text("role", { enum: ROLES }).notNull(),
  locale: text("locale", { enum: LOCALES }),
  passwordHash: text("password_hash"),
  deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // SHA-256 of the token's secret half; the token itself is never stored.
    secretHash: blob("secret_hash", { mode: "buffer" }).notNull(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId), index("sessions_expires_idx").on(t.expiresAt)],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: text("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    locale: text("locale", { enum: LOCALES }),
    tokenHash: text("token_hash").notNull().unique(),
    invitedById: text("invited_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [index("invitations_email_idx").on(t.email)],
);

export const passwordResets = sqliteTable(
  "password_resets",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("password_resets_user_idx").on(t.userId)],
);

export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: text("id").primaryKey(),
    kind: text("kind").notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    error: text("error"),
  },
  (t) => [index("outbox_created_idx").on(t.createdAt)],
);

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    type: text("type").notNull(),
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    subjectId: text("subject_id"),
    // For sign-in attempts: the normalised email and the client address, used for throttling.
    email: text("email"),
    ip: text("ip"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_type_email_idx").on(t.type, t.email, t.createdAt),
    index("audit_type_ip_idx").on(t.type, t.ip, t.createdAt),
  ],
);

export const organizations = sqliteTable("organizations", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  municipality: text("municipality").notNull(),
  region: text("region", { enum: REGIONS }).notNull(),
  contactName: text("contact_name"),
  contactEmail: text("contact_email"),
  contactPhone: text("contact_phone"),
  createdAt: createdAt(),
});

export const cohorts = sqliteTable("cohorts", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  region: text("region", { enum: COHORT_REGIONS }).notNull(),
  startsOn: text("starts_on").notNull(),
  endsOn: text("ends_on").notNull(),
  requiredPracticeHours: integer("required_practice_hours").notNull().default(0),
  archivedAt: integer("archived_at", { mode: "timestamp_ms" }),
  // Issue a certificate as soon as a fellow becomes eligible, in the name of the coordinator who switched it on.
  autoIssueById: text("auto_issue_by_id").references(() => users.id, { onDelete: "set null" }),
  createdAt: createdAt(),
});

export const enrollments = sqliteTable(
  "enrollments",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "restrict" }),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    organizationId: text("organization_id").references(() => organizations.id, {
      onDelete: "set null",
    }),
    mentorId: text("mentor_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: ENROLLMENT_STATUSES }).notNull().default("active"),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endReason: text("end_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("enrollments_cohort_fellow_idx").on(t.cohortId, t.fellowId),
    index("enrollments_mentor_idx").on(t.mentorId),
    index("enrollments_fellow_idx").on(t.fellowId),
    index("enrollments_cohort_status_idx").on(t.cohortId, t.status),
    // A fellow studies in one cohort at a time.
    uniqueIndex("enrollments_one_active_idx").on(t.fellowId).where(sql`status = 'active'`),
  ],
);

/** A cohort's schedule: which modules, in what order, open and due when, required or not. */
export const cohortModules = sqliteTable(
  "cohort_modules",
  {
    id: text("id").primaryKey(),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "cascade" }),
    moduleSlug: text("module_slug").notNull(),
    position: integer("position").notNull(),
    opensOn: text("opens_on").notNull(),
    dueOn: text("due_on"),
    required: integer("required", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("cohort_modules_cohort_module_idx").on(t.cohortId, t.moduleSlug)],
);

// Progress belongs to the fellow, not the enrolment, so it survives a move between cohorts.
export const sectionProgress = sqliteTable(
  "section_progress",
  {
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleSlug: text("module_slug").notNull(),
    sectionId: text("section_id").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fellowId, t.moduleSlug, t.sectionId] })],
);

export const knowledgeCheckAttempts = sqliteTable(
  "knowledge_check_attempts",
  {
    id: text("id").primaryKey(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleSlug: text("module_slug").notNull(),
    answers: text("answers", { mode: "json" }).$type<Record<string, string[]>>().notNull(),
    correct: integer("correct").notNull(),
    total: integer("total").notNull(),
    scorePercent: integer("score_percent").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("kc_attempts_fellow_module_idx").on(t.fellowId, t.moduleSlug, t.createdAt)],
);

/** Recorded the first time a module's rules are met; later content edits never remove it. */
export const moduleCompletions = sqliteTable(
  "module_completions",
  {
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleSlug: text("module_slug").notNull(),
    completedAt: integer("completed_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fellowId, t.moduleSlug] })],
);

/** The fellow's private journal: answers to a module's reflection prompts. */
export const reflections = sqliteTable(
  "reflections",
  {
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    moduleSlug: text("module_slug").notNull(),
    reflectionId: text("reflection_id").notNull(),
    text: text("text").notNull(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.fellowId, t.moduleSlug, t.reflectionId] })],
);

/** One attempt at a module's assignment. `version` guards every write (optimistic locking). */
export const submissions = sqliteTable(
  "submissions",
  {
    id: text("id").primaryKey(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    moduleSlug: text("module_slug").notNull(),
    assignmentKey: text("assignment_key").notNull(),
    attempt: integer("attempt").notNull(),
    body: text("body").notNull().default(""),
    status: text("status", { enum: SUBMISSION_STATUSES }).notNull().default("draft"),
    mentorId: text("mentor_id").references(() => users.id, { onDelete: "set null" }),
    late: integer("late", { mode: "boolean" }).notNull().default(false),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("submissions_attempt_idx").on(t.fellowId, t.moduleSlug, t.attempt),
    index("submissions_mentor_status_idx").on(t.mentorId, t.status, t.submittedAt),
  ],
);

export type RubricSnapshot = Array<{ id: string; title: string; levels: Array<{ points: number; label: string; description: string }> }>;

/** The mentor's review of one attempt; the fellow sees it once released. */
export const reviews = sqliteTable("reviews", {
  id: text("id").primaryKey(),
  submissionId: text("submission_id")
    .notNull()
    .unique()
    .references(() => submissions.id, { onDelete: "cascade" }),
  mentorId: text("mentor_id").references(() => users.id, { onDelete: "set null" }),
  rubric: text("rubric", { mode: "json" }).$type<RubricSnapshot>().notNull(),
  passMark: integer("pass_mark").notNull(),
  levels: text("levels", { mode: "json" }).$type<Record<string, number>>().notNull(),
  criterionComments: text("criterion_comments", { mode: "json" }).$type<Record<string, string>>().notNull(),
  feedback: text("feedback").notNull().default(""),
  decision: text("decision", { enum: ["approve", "revise"] }),
  version: integer("version").notNull().default(1),
  createdAt: createdAt(),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  releasedAt: integer("released_at", { mode: "timestamp_ms" }),
});

/** A conversation on one submission between the fellow and their mentor; coordinators read it. */
export const comments = sqliteTable(
  "comments",
  {
    id: text("id").primaryKey(),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("comments_submission_idx").on(t.submissionId, t.createdAt)],
);

/** In-app notifications; the text is rendered in the reader's language from kind and values. */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    values: text("values", { mode: "json" }).$type<Record<string, string>>().notNull(),
    link: text("link").notNull(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt, t.createdAt)],
);

/** Kinds of notification a user does not want by mail (they still see them in the app). */
export const mailOptOuts = sqliteTable(
  "mail_opt_outs",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);

/** A file attached to one attempt. Stored under DATA_DIR with a random name, never in public/. */
export const submissionFiles = sqliteTable(
  "submission_files",
  {
    id: text("id").primaryKey(),
    submissionId: text("submission_id")
      .notNull()
      .references(() => submissions.id, { onDelete: "cascade" }),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    name: text("name").notNull(),
    storedName: text("stored_name").notNull().unique(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("submission_files_submission_idx").on(t.submissionId), index("submission_files_fellow_idx").on(t.fellowId)],
);

// ── Field practice ────────────────────────────────────────────────────────

/**
 * The fellow's learning agreement for their placement. Versions are kept:
 * a new version starts as a copy of the signed one and supersedes it once signed.
 */
export const learningAgreements = sqliteTable(
  "learning_agreements",
  {
    id: text("id").primaryKey(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    version: integer("version").notNull(),
    status: text("status", { enum: AGREEMENT_STATUSES }).notNull().default("draft"),
    organizationName: text("organization_name"),
    hoursPerWeek: integer("hours_per_week").notNull(),
    mentorComment: text("mentor_comment"),
    mentorId: text("mentor_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    approvedAt: integer("approved_at", { mode: "timestamp_ms" }),
    approvedById: text("approved_by_id").references(() => users.id, { onDelete: "set null" }),
    signedAt: integer("signed_at", { mode: "timestamp_ms" }),
    supersededAt: integer("superseded_at", { mode: "timestamp_ms" }),
    rowVersion: integer("row_version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("learning_agreements_fellow_version_idx").on(t.fellowId, t.version), index("learning_agreements_status_idx").on(t.status)],
);

export const agreementGoals = sqliteTable(
  "agreement_goals",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => learningAgreements.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    activities: text("activities").notNull(),
    evidence: text("evidence").notNull(),
    moduleSlug: text("module_slug"),
  },
  (t) => [index("agreement_goals_agreement_idx").on(t.agreementId, t.position)],
);

/** Supervision between mentor and fellow; its time counts as practice of the kind "supervision". */
export const supervisionSessions = sqliteTable(
  "supervision_sessions",
  {
    id: text("id").primaryKey(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    recordedById: text("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    date: text("date").notNull(),
    quarters: integer("quarters").notNull(),
    topics: text("topics").notNull(),
    fellowReflection: text("fellow_reflection").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("supervision_sessions_fellow_idx").on(t.fellowId, t.date)],
);

export const supervisionActions = sqliteTable(
  "supervision_actions",
  {
    id: text("id").primaryKey(),
    sessionId: text("session_id")
      .notNull()
      .references(() => supervisionSessions.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    text: text("text").notNull(),
    status: text("status", { enum: SUPERVISION_ACTION_STATUSES }).notNull().default("open"),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("supervision_actions_session_idx").on(t.sessionId)],
);

/** Hours of field practice in quarter hours; the mentor approves them, and approved ones are locked. */
export const practiceEntries = sqliteTable(
  "practice_entries",
  {
    id: text("id").primaryKey(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    date: text("date").notNull(),
    quarters: integer("quarters").notNull(),
    kind: text("kind", { enum: PRACTICE_KINDS }).notNull(),
    goalId: text("goal_id").references(() => agreementGoals.id, { onDelete: "set null" }),
    description: text("description").notNull(),
    status: text("status", { enum: PRACTICE_STATUSES }).notNull().default("waiting"),
    mentorComment: text("mentor_comment"),
    reviewedById: text("reviewed_by_id").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: integer("reviewed_at", { mode: "timestamp_ms" }),
    supervisionId: text("supervision_id").references(() => supervisionSessions.id, { onDelete: "cascade" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [index("practice_entries_fellow_date_idx").on(t.fellowId, t.date), index("practice_entries_status_idx").on(t.status, t.fellowId)],
);

/** Mid-point and final review of the learning goals: the fellow's self-assessment, then the mentor's ratings. */
export const practiceReviews = sqliteTable(
  "practice_reviews",
  {
    id: text("id").primaryKey(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => learningAgreements.id, { onDelete: "restrict" }),
    stage: text("stage", { enum: PRACTICE_REVIEW_STAGES }).notNull(),
    selfAssessment: text("self_assessment", { mode: "json" }).$type<Record<string, string>>().notNull(),
    selfSubmittedAt: integer("self_submitted_at", { mode: "timestamp_ms" }),
    ratings: text("ratings", { mode: "json" }).$type<Record<string, { rating: GoalRating | null; comment: string }>>().notNull(),
    mentorId: text("mentor_id").references(() => users.id, { onDelete: "set null" }),
    releasedAt: integer("released_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("practice_reviews_fellow_stage_idx").on(t.fellowId, t.stage)],
);

// ── Certificates ──────────────────────────────────────────────────────────

/** What a certificate certifies, frozen at issue: later edits to names, modules or hours change nothing on it. */
export type CertificateSnapshot = {
  fellowName: string;
  locale: Locale;
  programmeTitle: string;
  cohortName: string;
  cohortStartsOn: string;
  cohortEndsOn: string;
  modules: Array<{ slug: string; number: number; title: string; localTitle: string }>;
  practiceHours: number;
  issuedOn: string;
  issuer: { name: string; role: string };
};

export const certificates = sqliteTable(
  "certificates",
  {
    id: text("id").primaryKey(),
    // The public verification code: 160 random bits, unrelated to any id.
    code: text("code").notNull().unique(),
    fellowId: text("fellow_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    cohortId: text("cohort_id")
      .notNull()
      .references(() => cohorts.id, { onDelete: "restrict" }),
    snapshot: text("snapshot", { mode: "json" }).$type<CertificateSnapshot>().notNull(),
    issuedById: text("issued_by_id").references(() => users.id, { onDelete: "set null" }),
    issuedAt: integer("issued_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedById: text("revoked_by_id").references(() => users.id, { onDelete: "set null" }),
    revokeReason: text("revoke_reason"),
    replacesId: text("replaces_id"),
  },
  (t) => [
    index("certificates_fellow_idx").on(t.fellowId),
    index("certificates_cohort_idx").on(t.cohortId),
    // One certificate in force per fellow and cohort.
    uniqueIndex("certificates_one_valid_idx").on(t.fellowId, t.cohortId).where(sql`revoked_at is null`),
  ],
);
