// The backup and restore drill: back up a real, seeded data directory while
// another connection keeps writing, restore it into an empty one, and check
// that nothing was lost or changed on the way.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase, openDatabase, type Connection } from "#db/client";
import { seedDemoData } from "#db/seed";
import { storeDemoFile } from "~/domain/assignments/files.server";
import { issuerDid, resetIssuerKeyCache } from "~/domain/certificates/credential.server";
import { resetEnvCache } from "~/lib/env.server";
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  attachmentPath,
  backupDataDir,
  listFiles,
  sha256File,
  tableCounts,
  type BackupResult,
} from "../../scripts/db-backup";
import { restoreDataDir } from "../../scripts/db-restore";

let root: string;
let dataDir: string;
let databasePath: string;
let app: Connection;
let savedDataDir: string | undefined;

const backupDir = () => path.join(root, "backup");

function checkOk(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return sqlite.pragma("integrity_check", { simple: true });
  } finally {
    sqlite.close();
  }
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "fellowship-backup-"));
  dataDir = path.join(root, "data");
  databasePath = path.join(dataDir, DATABASE_FILE);
  // Demo attachments and the signing key are written under DATA_DIR.
  savedDataDir = process.env.DATA_DIR;
  process.env.DATA_DIR = dataDir;
  resetEnvCache();
  resetIssuerKeyCache();

  app = openDatabase(databasePath);
  migrateDatabase(app.db, "db/migrations");
  await seedDemoData(app.db);
  await storeDemoFile(
    app.db,
    "backup-drill-file",
    "demo-submission-1",
    "demo-fellow",
    "second.pdf",
    Buffer.concat([Buffer.from("%PDF-1.4\n"), crypto.randomBytes(20_000), Buffer.from("\n%%EOF\n")]),
  );
  await issuerDid(); // creates keys/credential-issuer.jwk
});

afterAll(() => {
  app?.sqlite.close();
  process.env.DATA_DIR = savedDataDir;
  resetEnvCache();
  resetIssuerKeyCache();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("db:backup and db:restore", () => {
  let backup: BackupResult;

  it("takes a consistent backup while another connection writes", async () => {
    const writer = openDatabase(databasePath).sqlite;
    const audit = writer.prepare("INSERT INTO audit_events (type, detail, created_at) VALUES ('backup.drill', ?, ?)");
    const countAudit = () => writer.prepare("SELECT count(*) FROM audit_events").pluck().get() as number;
    const before = countAudit();
    let writesDuringBackup = 0;
    const write = () => {
      audit.run(JSON.stringify({ n: writesDuringBackup }), Date.now());
      writesDuringBackup++;
    };
    let lateUpload: string | undefined;
    const remaining: number[] = [];
    // Writes on a timer, as a running app would make them...
    const timer = setInterval(write, 1);
    try {
      backup = await backupDataDir({
        dataDir,
        databasePath,
        target: backupDir(),
        pagesPerStep: 4,
        onProgress: (progress) => {
          remaining.push(progress.remainingPages);
          // Fail fast instead of timing out if SQLite keeps restarting the copy.
          if (remaining.length > 1000) throw new Error("the backup keeps restarting");
          // ...and between every step of the copy, so some surely land mid-backup.
          write();
          if (!lateUpload) {
            // An attachment uploaded after the snapshot: its row is not in the copy.
            lateUpload = crypto.randomBytes(18).toString("hex");
            const bytes = Buffer.from("%PDF-1.4\nlate\n");
            fs.mkdirSync(path.dirname(attachmentPath(dataDir, lateUpload)), { recursive: true });
            fs.writeFileSync(attachmentPath(dataDir, lateUpload), bytes);
            writer
              .prepare(
                `INSERT INTO submission_files (id, submission_id, fellow_id, name, stored_name, mime, size, sha256, created_at)
                 VALUES ('late-file', 'demo-submission-1', 'demo-fellow', 'late.pdf', ?, 'application/pdf', ?, ?, ?)`,
              )
              .run(lateUpload, bytes.length, crypto.createHash("sha256").update(bytes).digest("hex"), Date.now());
          }
        },
      });
    } finally {
      clearInterval(timer);
      writer.close();
    }

    expect(remaining.length).toBeGreaterThan(3);
    // Never went back up: SQLite did not restart the copy because of the writes.
    expect(remaining).toEqual([...remaining].sort((a, b) => b - a));
    expect(writesDuringBackup).toBeGreaterThanOrEqual(remaining.length);
    // The snapshot is the moment the backup started: none of the writes made during it.
    const { manifest } = backup;
    expect(manifest.tables.audit_events).toBe(before);
    expect(tableCounts(app.sqlite).audit_events).toBe(before + writesDuringBackup);

    expect(manifest.attachments).toMatchObject({ count: 2, missing: [] });
    expect(backup.skippedUploads).toBe(1);
    expect(fs.existsSync(attachmentPath(backupDir(), lateUpload!))).toBe(false);
    const journal = JSON.parse(fs.readFileSync("db/migrations/meta/_journal.json", "utf8")) as { entries: Array<{ tag: string }> };
    expect(manifest.schema.latest).toBe(journal.entries.at(-1)!.tag);
    expect(manifest.schema.migrations).toBe(journal.entries.length);
    expect(manifest.database.sha256).toBe(await sha256File(path.join(backupDir(), DATABASE_FILE)));
    expect(manifest.keys.map((key) => key.file)).toEqual(["credential-issuer.jwk"]);
    expect(checkOk(path.join(backupDir(), DATABASE_FILE))).toBe("ok");
    expect(JSON.parse(fs.readFileSync(path.join(backupDir(), MANIFEST_FILE), "utf8"))).toEqual(manifest);
  });

  it("refuses a target that is not empty", async () => {
    await expect(backupDataDir({ dataDir, databasePath, target: backupDir() })).rejects.toThrow(/already holds a backup/);
    const other = path.join(root, "not-empty");
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, "notes.txt"), "keep me");
    await expect(backupDataDir({ dataDir, databasePath, target: other })).rejects.toThrow(/not empty/);
    expect(fs.readdirSync(other)).toEqual(["notes.txt"]);
  });

  it("restores into an empty data directory, rows and files intact", async () => {
    const target = path.join(root, "restored");
    const restoredDb = path.join(target, DATABASE_FILE);
    await restoreDataDir({ source: backupDir(), dataDir: target, databasePath: restoredDb });

    expect(checkOk(restoredDb)).toBe("ok");
    const sqlite = new Database(restoredDb, { readonly: true });
    try {
      expect(tableCounts(sqlite)).toEqual(backup.manifest.tables);
      const rows = sqlite.prepare("SELECT stored_name, sha256 FROM submission_files").all() as Array<{
        stored_name: string;
        sha256: string;
      }>;
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(await sha256File(attachmentPath(target, row.stored_name))).toBe(row.sha256);
      expect(listFiles(path.join(target, "uploads"))).toHaveLength(2);
    } finally {
      sqlite.close();
    }
    const key = "keys/credential-issuer.jwk";
    expect(fs.readFileSync(path.join(target, key), "utf8")).toBe(fs.readFileSync(path.join(dataDir, key), "utf8"));
  });

  it("never restores over existing data", async () => {
    const target = path.join(root, "restored");
    await expect(
      restoreDataDir({ source: backupDir(), dataDir: target, databasePath: path.join(target, DATABASE_FILE) }),
    ).rejects.toThrow(/refusing to restore: .*fellowship\.db exists/);

    // No database yet, but uploads already there: still someone's data.
    const partial = path.join(root, "partial");
    fs.mkdirSync(path.join(partial, "uploads", "ab"), { recursive: true });
    fs.writeFileSync(path.join(partial, "uploads", "ab", "abcdef"), "someone's file");
    await expect(
      restoreDataDir({ source: backupDir(), dataDir: partial, databasePath: path.join(partial, DATABASE_FILE) }),
    ).rejects.toThrow(/uploads is not empty/);
    expect(fs.existsSync(path.join(partial, DATABASE_FILE))).toBe(false);
  });

  it("refuses a damaged backup before copying anything", async () => {
    const damaged = path.join(root, "damaged");
    fs.cpSync(backupDir(), damaged, { recursive: true });
    const [file] = listFiles(path.join(damaged, "uploads"));
    const victim = path.join(damaged, "uploads", file);
    const bytes = fs.readFileSync(victim);
    bytes[bytes.length - 1] ^= 0xff;
    fs.writeFileSync(victim, bytes);

    const target = path.join(root, "from-damaged");
    await expect(
      restoreDataDir({ source: damaged, dataDir: target, databasePath: path.join(target, DATABASE_FILE) }),
    ).rejects.toThrow(/sha256 differs/);
    expect(listFiles(target)).toEqual([]);

    // A changed database is caught by the manifest's hash.
    fs.cpSync(path.join(backupDir(), "uploads"), path.join(damaged, "uploads"), { recursive: true });
    fs.appendFileSync(path.join(damaged, DATABASE_FILE), Buffer.alloc(4096));
    await expect(
      restoreDataDir({ source: damaged, dataDir: target, databasePath: path.join(target, DATABASE_FILE) }),
    ).rejects.toThrow(/fellowship\.db: sha256 .* differs from the manifest/);
    expect(listFiles(target)).toEqual([]);
  });
});
