import { writeTransaction } from "#db/client";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import { getDb } from "~/lib/db.server";
import type { FieldError } from "~/lib/forms";
import { newId } from "~/lib/ids.server";
import { isMentorOf } from "./access.server";
import { logEntry } from "./hours.server";

export type SessionInput = { date: string; quarters: number; topics: string; actions: string[] };

/** Supervision sessions of a fellow, newest first, with their agreed actions and who recorded them. */
export function listSessions(fellowId: string) {
  const db = getDb();
  const sessions = db
    .select({
      id: schema.supervisionSessions.id,
      date: schema.supervisionSessions.date,
      quarters: schema.supervisionSessions.quarters,
      topics: schema.supervisionSessions.topics,
      fellowReflection: schema.supervisionSessions.fellowReflection,
      recordedById: schema.supervisionSessions.recordedById,
      recordedByName: schema.users.displayName,
      entryStatus: schema.practiceEntries.status,
    })
    .from(schema.supervisionSessions)
    .leftJoin(schema.users, eq(schema.users.id, schema.supervisionSessions.recordedById))
    .leftJoin(schema.practiceEntries, eq(schema.practiceEntries.supervisionId, schema.supervisionSessions.id))
    .where(eq(schema.supervisionSessions.fellowId, fellowId))
    .orderBy(desc(schema.supervisionSessions.date), desc(schema.supervisionSessions.createdAt))
    .all();
  const actions = sessions.length
    ? db
        .select()
        .from(schema.supervisionActions)
        .where(inArray(schema.supervisionActions.sessionId, sessions.map((s) => s.id)))
        .orderBy(asc(schema.supervisionActions.position))
        .all()
    : [];
  return sessions.map((s) => ({ ...s, actions: actions.filter((a) => a.sessionId === s.id) }));
}

/**
 * Records a session. Its time becomes a practice entry of the kind
 * "supervision": approved at once when the mentor records it, waiting for the
 * mentor when the fellow does.
 */
export function recordSession(
  actor: { id: string; role: schema.Role },
  fellowId: string,
  input: SessionInput,
  now = new Date(),
): { ok: true } | { ok: false; errors: Record<string, FieldError> } {
  const byMentor = actor.role === "mentor";
  if (byMentor ? !isMentorOf(actor.id, fellowId) : actor.id !== fellowId) return { ok: false, errors: { _form: { key: "practice.notAllowed" } } };
  const sessionId = newId();
  const db = getDb();
  writeTransaction(db, (tx) => {
    tx.insert(schema.supervisionSessions)
      .values({ id: sessionId, fellowId, recordedById: actor.id, date: input.date, quarters: input.quarters, topics: input.topics, createdAt: now, updatedAt: now })
      .run();
    if (input.actions.length) {
      tx.insert(schema.supervisionActions)
        .values(input.actions.map((text, i) => ({ id: newId(), sessionId, position: i + 1, text, updatedAt: now })))
        .run();
    }
  });
  const entry = logEntry(
    fellowId,
    { date: input.date, quarters: input.quarters, kind: "supervision", goalId: null, description: input.topics.slice(0, 500) },
    now,
    sessionId,
    byMentor ? actor.id : null,
  );
  if (!entry.ok) {
    // Over the day's limit or in the future: the session is not kept either.
    db.delete(schema.supervisionSessions).where(eq(schema.supervisionSessions.id, sessionId)).run();
    return { ok: false, errors: entry.errors };
  }
  return { ok: true };
}

/** The fellow's own reflection on a session. */
export function saveReflection(fellowId: string, sessionId: string, text: string, now = new Date()) {
  return (
    getDb()
      .update(schema.supervisionSessions)
      .set({ fellowReflection: text, updatedAt: now })
      .where(and(eq(schema.supervisionSessions.id, sessionId), eq(schema.supervisionSessions.fellowId, fellowId)))
      .run().changes === 1
  );
}

/** Follow-up of an agreed action, by the fellow or their mentor. */
export function setActionStatus(actor: { id: string; role: schema.Role }, actionId: string, status: schema.SupervisionActionStatus, now = new Date()) {
  const db = getDb();
  const row = db
    .select({ fellowId: schema.supervisionSessions.fellowId })
    .from(schema.supervisionActions)
    .innerJoin(schema.supervisionSessions, eq(schema.supervisionSessions.id, schema.supervisionActions.sessionId))
    .where(eq(schema.supervisionActions.id, actionId))
    .get();
  if (!row) return false;
  const allowed = actor.role === "fellow" ? actor.id === row.fellowId : actor.role === "mentor" && isMentorOf(actor.id, row.fellowId);
  if (!allowed) return false;
  db.update(schema.supervisionActions).set({ status, updatedAt: now }).where(eq(schema.supervisionActions.id, actionId)).run();
  return true;
}
