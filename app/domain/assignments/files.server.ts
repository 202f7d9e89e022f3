import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import * as schema from "#db/schema";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { newId } from "~/lib/ids.server";

import { MAX_BYTES_PER_FELLOW, MAX_FILES_PER_ATTEMPT } from "./limits";

export { MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT } from "./limits";

/** What may be attached, told by the file's content, never by its name. */
const ALLOWED: Record<string, string> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.oasis.opendocument.text": "odt",
  "image/jpeg": "jpg",
  "image/png": "png",
};

export type Upload = { name: string; bytes: Buffer | null; tooLarge: boolean };
export type UploadProblem = { name: string; key: string };

function uploadsDir() {
  return path.resolve(getEnv().DATA_DIR, "uploads");
}

/**
 * A name safe to show and to offer for download: no folders, no control or
 * direction-changing characters, not too long, and the extension of what the
 * content really is.
 */
/** Control, format (direction marks, zero-width, BOM) and line/paragraph separator characters: never part of a name people see. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

export function safeFileName(original: string, ext: string) {
  const base = original
    .split(/[\\/]/)
    .pop()!
    .normalize("NFC")
    .replace(INVISIBLE, "")
    .replace(/^\.+/, "")
    .replace(/\.[^.]*$/, "")
    .trim()
    .replace(/^(.{80}).+$/su, "$1"); // 80 code points: never half of a surrogate pair
  const stem = base === "" || /^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base) ? "attachment" : base;
  return `${stem}.${ext}`;
}

/** Checks each upload and stores the good ones; returns what was refused and why. */
export async function attachFiles(submissionId: string, fellowId: string, uploads: Upload[]) {
  const db = getDb();
  const problems: UploadProblem[] = [];
  const existing = db
    .select({ n: sql<number>`count(*)` })
    .from(schema.submissionFiles)
    .where(eq(schema.submissionFiles.submissionId, submissionId))
    .get()!.n;
  let used = db
    .select({ bytes: sql<number>`coalesce(sum(${schema.submissionFiles.size}), 0)` })
    .from(schema.submissionFiles)
    .where(eq(schema.submissionFiles.fellowId, fellowId))
    .get()!.bytes;
  let count = existing;
  for (const upload of uploads) {
    const shownName = upload.name.replace(INVISIBLE, "").replace(/^(.{80}).+$/su, "$1") || "?";
    if (upload.tooLarge) {
      problems.push({ name: shownName, key: "files.tooLarge" });
      continue;
    }
    if (!upload.bytes || upload.bytes.length === 0) {
      problems.push({ name: shownName, key: "files.empty" });
      continue;
    }
    const type = await fileTypeFromBuffer(upload.bytes);
    const ext = type ? ALLOWED[type.mime] : undefined;
    if (!type || !ext) {
      problems.push({ name: shownName, key: "files.wrongType" });
      continue;
    }
    if (count >= MAX_FILES_PER_ATTEMPT) {
      problems.push({ name: shownName, key: "files.tooMany" });
      continue;
    }
    if (used + upload.bytes.length > MAX_BYTES_PER_FELLOW) {
      problems.push({ name: shownName, key: "files.quota" });
      continue;
    }
    const storedName = crypto.randomBytes(18).toString("hex");
    const dir = path.join(uploadsDir(), storedName.slice(0, 2));
    fs.mkdirSync(dir, { recursive: true });
    // Written and flushed before the row exists: a row never points at a missing file.
    const fd = fs.openSync(path.join(dir, storedName), "wx");
    try {
      fs.writeSync(fd, upload.bytes);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    db.insert(schema.submissionFiles)
      .values({
        id: newId(),
        submissionId,
        fellowId,
        name: safeFileName(upload.name, ext),
        storedName,
        mime: type.mime,
        size: upload.bytes.length,
        sha256: crypto.createHash("sha256").update(upload.bytes).digest("hex"),
      })
      .run();
    count++;
    used += upload.bytes.length;
  }
  return problems;
}

export function listFiles(submissionIds: string[]) {
  const map = new Map<string, Array<{ id: string; name: string; size: number }>>();
  if (submissionIds.length === 0) return map;
  for (const id of submissionIds) {
    const rows = getDb()
      .select({ id: schema.submissionFiles.id, name: schema.submissionFiles.name, size: schema.submissionFiles.size })
      .from(schema.submissionFiles)
      .where(eq(schema.submissionFiles.submissionId, id))
      .all();
    map.set(id, rows);
  }
  return map;
}

export function removeFile(submissionId: string, fileId: string) {
  const row = getDb()
    .delete(schema.submissionFiles)
    .where(and(eq(schema.submissionFiles.id, fileId), eq(schema.submissionFiles.submissionId, submissionId)))
    .returning()
    .get();
  if (row) fs.rmSync(path.join(uploadsDir(), row.storedName.slice(0, 2), row.storedName), { force: true });
  return Boolean(row);
}

export function getFile(submissionId: string, fileId: string) {
  return (
    getDb()
      .select()
      .from(schema.submissionFiles)
      .where(and(eq(schema.submissionFiles.id, fileId), eq(schema.submissionFiles.submissionId, submissionId)))
      .get() ?? null
  );
}

/**
 * An attachment the user may download: the fellow who uploaded it, the mentor
 * the submission is assigned to once it is sent, coordinators. Otherwise null.
 */
export function getDownloadableFile(
  user: { id: string; role: string },
  submissionId: string,
  fileId: string,
) {
  const submission = getDb().select().from(schema.submissions).where(eq(schema.submissions.id, submissionId)).get();
  if (!submission) return null;
  const allowed =
    user.id === submission.fellowId ||
    (submission.status !== "draft" && (user.role === "coordinator" || (user.role === "mentor" && submission.mentorId === user.id)));
  return allowed ? getFile(submission.id, fileId) : null;
}

export function readStoredFile(storedName: string) {
  return fs.readFileSync(path.join(uploadsDir(), storedName.slice(0, 2), storedName));
}

/** Stores a file for the demo data under a fixed id, so demo links stay the same. */
export async function storeDemoFile(
  db: ReturnType<typeof getDb>,
  id: string,
  submissionId: string,
  fellowId: string,
  name: string,
  bytes: Buffer,
) {
  const type = await fileTypeFromBuffer(bytes);
  const ext = type ? ALLOWED[type.mime] : undefined;
  if (!type || !ext) throw new Error("demo file of a type that is not allowed");
  const storedName = crypto.randomBytes(18).toString("hex");
  const dir = path.join(uploadsDir(), storedName.slice(0, 2));
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, storedName), bytes);
  db.insert(schema.submissionFiles)
    .values({
      id,
      submissionId,
      fellowId,
      name: safeFileName(name, ext),
      storedName,
      mime: type.mime,
      size: bytes.length,
      sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    })
    .run();
}
