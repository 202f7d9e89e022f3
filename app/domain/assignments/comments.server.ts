import { asc, eq, inArray } from "drizzle-orm";
import * as schema from "#db/schema";
import { notify } from "~/domain/notifications/notifications.server";
import { getDb } from "~/lib/db.server";
import { newId } from "~/lib/ids.server";
import { renderMarkdown } from "./markdown.server";
import type { Submission } from "./submissions.server";

export const COMMENT_MAX = 5000;

export function listComments(submissionIds: string[]) {
  if (submissionIds.length === 0) return new Map<string, Array<{ id: string; author: string; bodyHtml: string; createdAt: string }>>();
  const rows = getDb()
    .select({
      id: schema.comments.id,
      submissionId: schema.comments.submissionId,
      body: schema.comments.body,
      createdAt: schema.comments.createdAt,
      author: schema.users.displayName,
    })
    .from(schema.comments)
    .leftJoin(schema.users, eq(schema.users.id, schema.comments.authorId))
    .where(inArray(schema.comments.submissionId, submissionIds))
    .orderBy(asc(schema.comments.createdAt))
    .all();
  const map = new Map<string, Array<{ id: string; author: string; bodyHtml: string; createdAt: string }>>();
  for (const r of rows) {
    const list = map.get(r.submissionId) ?? [];
    list.push({ id: r.id, author: r.author ?? "—", bodyHtml: renderMarkdown(r.body), createdAt: r.createdAt.toISOString() });
    map.set(r.submissionId, list);
  }
  return map;
}

/**
 * Adds a comment by the fellow who wrote the submission or the mentor it is
 * assigned to (the caller has checked which), and tells the other side.
 */
export async function addComment(submission: Submission, author: { id: string; displayName: string }, body: string) {
  getDb().insert(schema.comments).values({ id: newId(), submissionId: submission.id, authorId: author.id, body }).run();
  const toMentor = author.id === submission.fellowId;
  const recipient = toMentor ? submission.mentorId : submission.fellowId;
  if (!recipient) return;
  const link = toMentor ? `/mentor/reviews/${submission.id}#comments` : `/modules/${submission.moduleSlug}/assignment#comments-${submission.id}`;
  await notify(recipient, "comment_added", { module: submission.moduleSlug, name: author.displayName }, link);
}
