import { writeTransaction } from "#db/client";
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import * as schema from "#db/schema";
import { notify } from "~/domain/notifications/notifications.server";
import { recordAudit } from "~/lib/audit.server";
import { getDb } from "~/lib/db.server";
import { newId } from "~/lib/ids.server";

export type Placement = { organizationId: string | null; mentorId: string | null };
export type EnrolmentResult = { ok: true } | { ok: false; field: string; key: string };

const mentors = alias(schema.users, "mentors");

/** Every enrolment of a fellow, current and past, newest first: the history a coordinator reads. */
export function enrolmentHistory(fellowId: string) {
  return getDb()
    .select({
      id: schema.enrollments.id,
      cohortId: schema.enrollments.cohortId,
      cohortName: schema.cohorts.name,
      organizationId: schema.enrollments.organizationId,
      organizationName: schema.organizations.name,
      mentorId: schema.enrollments.mentorId,
      mentorName: mentors.displayName,
      status: schema.enrollments.status,
      createdAt: schema.enrollments.createdAt,
      endedAt: schema.enrollments.endedAt,
      endReason: schema.enrollments.endReason,
    })
    .from(schema.enrollments)
    .innerJoin(schema.cohorts, eq(schema.cohorts.id, schema.enrollments.cohortId))
    .leftJoin(schema.organizations, eq(schema.organizations.id, schema.enrollments.organizationId))
    .leftJoin(mentors, eq(mentors.id, schema.enrollments.mentorId))
    .where(eq(schema.enrollments.fellowId, fellowId))
    .orderBy(desc(schema.enrollments.createdAt))
    .all();
}

export function listActiveMentors() {
  return getDb()
    .select({ id: schema.users.id, name: schema.users.displayName })
    .from(schema.users)
    .where(and(eq(schema.users.role, "mentor"), isNull(schema.users.deactivatedAt)))
    .orderBy(schema.users.displayName)
    .all();
}

/** Checks the parts of a placement exist: an organisation, and a mentor who is an active mentor. */
function checkPlacement(placement: Placement): EnrolmentResult {
  const db = getDb();
  if (placement.organizationId) {
    const org = db.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.id, placement.organizationId)).get();
    if (!org) return { ok: false, field: "organizationId", key: "form.invalidChoice" };
  }
  if (placement.mentorId) {
    const mentor = db.select().from(schema.users).where(eq(schema.users.id, placement.mentorId)).get();
    if (!mentor || mentor.role !== "mentor" || mentor.deactivatedAt) return { ok: false, field: "mentorId", key: "form.invalidChoice" };
  }
  return { ok: true };
}

function openCohort(cohortId: string) {
  const cohort = getDb().select().from(schema.cohorts).where(eq(schema.cohorts.id, cohortId)).get();
  return cohort && !cohort.archivedAt ? cohort : null;
}

function activeEnrolment(fellowId: string) {
  return (
    getDb()
      .select()
      .from(schema.enrollments)
      .where(and(eq(schema.enrollments.fellowId, fellowId), eq(schema.enrollments.status, "active")))
      .get() ?? null
  );
}

/** Work still in the fellow's hands or the mentor's follows the fellow to their new mentor. */
function handOverOpenWork(tx: Tx, fellowId: string, mentorId: string | null) {
  tx.update(schema.submissions)
    .set({ mentorId, updatedAt: new Date() })
    .where(and(eq(schema.submissions.fellowId, fellowId), inArray(schema.submissions.status, ["draft", "submitted", "revision_requested"])))
    .run();
}

type Tx = Parameters<Parameters<typeof writeTransaction>[1]>[0];

/** The fellow's active enrolment in a cohort: a new row, or the old one when they come back to a cohort they left. */
function activate(tx: Tx, fellowId: string, cohortId: string, placement: Placement) {
  const earlier = tx
    .select({ id: schema.enrollments.id })
    .from(schema.enrollments)
    .where(and(eq(schema.enrollments.fellowId, fellowId), eq(schema.enrollments.cohortId, cohortId)))
    .get();
  if (earlier) {
    tx.update(schema.enrollments)
      .set({ ...placement, status: "active", endedAt: null, endReason: null })
      .where(eq(schema.enrollments.id, earlier.id))
      .run();
  } else {
    tx.insert(schema.enrollments).values({ id: newId(), cohortId, fellowId, ...placement }).run();
  }
}

async function tellMentor(mentorId: string | null, fellowId: string) {
  if (!mentorId) return;
  const fellow = getDb().select({ name: schema.users.displayName }).from(schema.users).where(eq(schema.users.id, fellowId)).get();
  await notify(mentorId, "fellow_assigned", { module: "", name: fellow?.name ?? "" }, `/fellows/${fellowId}/progress`);
}

/** Enrols a fellow in a cohort, placed with an organisation and paired with a mentor. One active cohort at a time. */
export async function enrolFellow(fellowId: string, cohortId: string, placement: Placement, actorId: string): Promise<EnrolmentResult> {
  const db = getDb();
  const fellow = db.select().from(schema.users).where(eq(schema.users.id, fellowId)).get();
  if (!fellow || fellow.role !== "fellow") return { ok: false, field: "_form", key: "enrolment.notAFellow" };
  if (!openCohort(cohortId)) return { ok: false, field: "cohortId", key: "form.invalidChoice" };
  const checked = checkPlacement(placement);
  if (!checked.ok) return checked;
  if (activeEnrolment(fellowId)) return { ok: false, field: "_form", key: "enrolment.alreadyEnrolled" };
  writeTransaction(db, (tx) => {
    activate(tx, fellowId, cohortId, placement);
    handOverOpenWork(tx, fellowId, placement.mentorId);
  });
  recordAudit("fellow_enrolled", { actorId, subjectId: fellowId, detail: { cohortId, ...placement } });
  await tellMentor(placement.mentorId, fellowId);
  return { ok: true };
}

/** Changes the host organisation and/or the mentor of the fellow's current enrolment. */
export async function changePlacement(fellowId: string, placement: Placement, actorId: string): Promise<EnrolmentResult> {
  const current = activeEnrolment(fellowId);
  if (!current) return { ok: false, field: "_form", key: "enrolment.notEnrolled" };
  const checked = checkPlacement(placement);
  if (!checked.ok) return checked;
  const mentorChanged = current.mentorId !== placement.mentorId;
  writeTransaction(getDb(), (tx) => {
    tx.update(schema.enrollments).set(placement).where(eq(schema.enrollments.id, current.id)).run();
    if (mentorChanged) handOverOpenWork(tx, fellowId, placement.mentorId);
  });
  recordAudit("placement_changed", {
    actorId,
    subjectId: fellowId,
    detail: { from: { organizationId: current.organizationId, mentorId: current.mentorId }, to: placement },
  });
  if (mentorChanged) await tellMentor(placement.mentorId, fellowId);
  return { ok: true };
}

/** Ends the fellow's enrolment; the row, their work and their progress all stay. */
export function withdrawFellow(fellowId: string, reason: string, actorId: string, now = new Date()): EnrolmentResult {
  const current = activeEnrolment(fellowId);
  if (!current) return { ok: false, field: "_form", key: "enrolment.notEnrolled" };
  getDb()
    .update(schema.enrollments)
    .set({ status: "withdrawn", endedAt: now, endReason: reason })
    .where(eq(schema.enrollments.id, current.id))
    .run();
  recordAudit("fellow_withdrawn", { actorId, subjectId: fellowId, detail: { cohortId: current.cohortId, reason }, at: now });
  return { ok: true };
}

/**
 * Moves the fellow to another cohort with the same organisation and mentor.
 * Progress belongs to the fellow, not the enrolment, so it comes along.
 */
export function moveFellow(fellowId: string, cohortId: string, actorId: string, now = new Date()): EnrolmentResult {
  const current = activeEnrolment(fellowId);
  if (!current) return { ok: false, field: "_form", key: "enrolment.notEnrolled" };
  if (current.cohortId === cohortId) return { ok: false, field: "cohortId", key: "enrolment.sameCohort" };
  if (!openCohort(cohortId)) return { ok: false, field: "cohortId", key: "form.invalidChoice" };
  writeTransaction(getDb(), (tx) => {
    tx.update(schema.enrollments).set({ status: "moved", endedAt: now }).where(eq(schema.enrollments.id, current.id)).run();
    const placement = { organizationId: current.organizationId, mentorId: current.mentorId };
    activate(tx, fellowId, cohortId, placement);
  });
  recordAudit("fellow_moved", { actorId, subjectId: fellowId, detail: { from: current.cohortId, to: cohortId }, at: now });
  return { ok: true };
}
