// `npm run db:backup -- <dir> [--data-dir <path>]`
//
// Copies everything the app keeps under DATA_DIR into an empty directory,
// safely while the app is running and writing:
//   fellowship.db   a snapshot taken with SQLite's online backup API
//   uploads/        the attachment files the snapshot's rows point at, each
//                   checked against the sha256 recorded in its row
//   keys/           the credential signing key (certificates name it, so it
//                   is data, not configuration)
//   manifest.json   what was copied, with hashes, for db:restore to check
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import { getEnv } from "../app/lib/env.server";

export const MANIFEST_FILE = "manifest.json";
export const DATABASE_FILE = "fellowship.db";
const MANIFEST_FORMAT = 1;
// About 400 KB per step with 4 KB pages: the event loop gets a turn between steps.
const DEFAULT_PAGES_PER_STEP = 100;

export type Manifest = {
  format: typeof MANIFEST_FORMAT;
  /** When the database snapshot was taken. */
  createdAt: string;
  /** The latest migration applied to the copied database, as drizzle records it. */
  schema: { migrations: number; latest: string | null; latestHash: string | null; latestCreatedAt: number | null };
  database: { file: string; bytes: number; sha256: string };
  tables: Record<string, number>;
  /** `missing`: stored names whose row is in the copy but whose file was already gone from uploads/. */
  attachments: { count: number; bytes: number; missing: string[] };
  keys: Array<{ file: string; sha256: string }>;
};

export type BackupOptions = {
  dataDir: string;
  databasePath: string;
  target: string;
  /** Used only to name the latest migration (drizzle stores its hash and timestamp, not its name). */
  migrationsDir?: string;
  pagesPerStep?: number;
  onProgress?: (progress: { totalPages: number; remainingPages: number }) => void;
};

export type BackupResult = { target: string; manifest: Manifest; skippedUploads: number; warnings: string[] };

// ---------------------------------------------------------------------------
// Shared with db-restore

export type AttachmentRow = { stored_name: string; sha256: string };

export function attachmentPath(root: string, storedName: string) {
  // The name comes from a database that may have been tampered with: no path tricks.
  if (!/^[A-Za-z0-9_-]{3,}$/.test(storedName)) throw new Error(`unexpected attachment name ${JSON.stringify(storedName)}`);
  return path.join(root, "uploads", storedName.slice(0, 2), storedName);
}

export function attachmentRows(sqlite: Database.Database): AttachmentRow[] {
  return sqlite.prepare("SELECT stored_name, sha256 FROM submission_files ORDER BY stored_name").all() as AttachmentRow[];
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    fs.createReadStream(file)
      .on("error", reject)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")));
  });
}

/** Regular files under `dir`, relative to it; none when it does not exist. */
export function listFiles(dir: string, prefix = ""): string[] {
  if (!fs.existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) files.push(...listFiles(path.join(dir, entry.name), relative));
    else if (entry.isFile()) files.push(relative);
  }
  return files.sort();
}

/** Leftovers of the key writer's create-then-link dance are not keys. */
export function isKeyFile(relative: string) {
  return !relative.endsWith(".tmp");
}

export function checkIntegrity(sqlite: Database.Database, label: string) {
  const rows = sqlite.pragma("integrity_check") as Array<{ integrity_check: string }>;
  const problems = rows.map((row) => row.integrity_check);
  if (problems.length !== 1 || problems[0] !== "ok") {
    throw new Error(`integrity_check failed on ${label}:\n  ${problems.slice(0, 20).join("\n  ")}`);
  }
}

export function tableCounts(sqlite: Database.Database): Record<string, number> {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const name of tables) {
    counts[name] = sqlite.prepare(`SELECT count(*) FROM "${name.replaceAll('"', '""')}"`).pluck().get() as number;
  }
  return counts;
}

export function formatBytes(bytes: number) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

export function parseCliArgs(argv: string[], usage: string) {
  let dir: string | undefined;
  let dataDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--data-dir" && argv[i + 1]) dataDir = argv[++i];
    else if (arg === "--help" || arg === "-h") {
      console.log(usage);
      process.exit(0);
    } else if (!arg.startsWith("-") && dir === undefined) dir = arg;
    else {
      console.error(usage);
      process.exit(1);
    }
  }
  if (!dir) {
    console.error(usage);
    process.exit(1);
  }
  // --data-dir names a whole data directory, database included; otherwise the app's own settings.
  const locations = dataDir
    ? { dataDir: path.resolve(dataDir), databasePath: path.resolve(dataDir, DATABASE_FILE) }
    : { dataDir: path.resolve(getEnv().DATA_DIR), databasePath: path.resolve(getEnv().DATABASE_PATH) };
  return { dir: path.resolve(dir), migrationsDir: path.resolve(getEnv().MIGRATIONS_DIR), ...locations };
}

export function isMainModule(metaUrl: string) {
  return process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(metaUrl);
}

// ---------------------------------------------------------------------------

function schemaVersion(sqlite: Database.Database, migrationsDir: string): Manifest["schema"] {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return { migrations: 0, latest: null, latestHash: null, latestCreatedAt: null };
  const migrations = sqlite.prepare("SELECT count(*) FROM __drizzle_migrations").pluck().get() as number;
  const last = sqlite
    .prepare("SELECT hash, created_at FROM __drizzle_migrations ORDER BY created_at DESC LIMIT 1")
    .get() as { hash: string; created_at: number } | undefined;
  if (!last) return { migrations, latest: null, latestHash: null, latestCreatedAt: null };
  // drizzle's created_at is the journal entry's `when`, which is how its tag can be found.
  let tag: string | null = null;
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, "meta", "_journal.json"), "utf8")) as {
      entries: Array<{ when: number; tag: string }>;
    };
    tag = journal.entries.find((entry) => entry.when === Number(last.created_at))?.tag ?? null;
  } catch {
    // No journal at hand: the hash and timestamp still identify the migration.
  }
  return { migrations, latest: tag, latestHash: last.hash, latestCreatedAt: Number(last.created_at) };
}

function prepareTarget(target: string) {
  if (fs.existsSync(target)) {
    if (!fs.statSync(target).isDirectory()) throw new Error(`${target} exists and is not a directory`);
    const entries = fs.readdirSync(target);
    if (entries.includes(MANIFEST_FILE)) throw new Error(`${target} already holds a backup; choose a new directory`);
    if (entries.length > 0) throw new Error(`${target} is not empty; back up into a new or empty directory`);
  }
  // The backup holds personal data and the private signing key.
  fs.mkdirSync(target, { recursive: true });
  fs.chmodSync(target, 0o700);
}

function copyFileExclusive(from: string, to: string) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
}

export async function backupDataDir(options: BackupOptions): Promise<BackupResult> {
  const target = path.resolve(options.target);
  const dataDir = path.resolve(options.dataDir);
  const databasePath = path.resolve(options.databasePath);
  const migrationsDir = path.resolve(options.migrationsDir ?? "db/migrations");
  const pagesPerStep = options.pagesPerStep ?? DEFAULT_PAGES_PER_STEP;
  if (!fs.existsSync(databasePath)) throw new Error(`no database at ${databasePath}`);
  prepareTarget(target);
  const warnings: string[] = [];

  try {
    // 1. The database. One read transaction is held for the whole copy, so
    // every step reads the same snapshot. Without it SQLite restarts the copy
    // whenever another connection writes, which under steady writes means it
    // never finishes. In WAL mode the open read blocks no writer.
    const copyFile = path.join(target, DATABASE_FILE);
    let snapshotAt = new Date();
    const source = new Database(databasePath, { readonly: true, fileMustExist: true, timeout: 5000 });
    try {
      source.exec("BEGIN");
      source.prepare("SELECT count(*) FROM sqlite_schema").get(); // starts the read: the snapshot is fixed here
      snapshotAt = new Date();
      await source.backup(copyFile, {
        progress: (progress) => {
          options.onProgress?.(progress);
          return pagesPerStep;
        },
      });
      source.exec("COMMIT");
    } finally {
      source.close();
    }

    // 2. Check the copy and read what it holds; everything below is measured
    // against the copy, never the live database, so the set matches.
    const copy = new Database(copyFile, { fileMustExist: true });
    let tables: Record<string, number>;
    let schema: Manifest["schema"];
    let rows: AttachmentRow[];
    try {
      // One self-contained file (no -wal beside it), so its hash stays true.
      copy.pragma("journal_mode = DELETE");
      checkIntegrity(copy, copyFile);
      tables = tableCounts(copy);
      schema = schemaVersion(copy, migrationsDir);
      rows = attachmentRows(copy);
    } finally {
      copy.close();
    }

    // 3. The attachments the copy's rows point at. Files uploaded after the
    // snapshot have no row in the copy and are left out.
    let attachmentBytes = 0;
    const missing: string[] = [];
    const copied = new Set<string>();
    for (const row of rows) {
      const to = attachmentPath(target, row.stored_name);
      try {
        copyFileExclusive(attachmentPath(dataDir, row.stored_name), to);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        // Deleted since the snapshot, or lost before it: record it rather than fail the whole backup.
        missing.push(row.stored_name);
        continue;
      }
      const actual = await sha256File(to);
      if (actual !== row.sha256) {
        throw new Error(`attachment ${row.stored_name}: sha256 ${actual} differs from its row (${row.sha256})`);
      }
      attachmentBytes += fs.statSync(to).size;
      copied.add(row.stored_name);
    }
    if (missing.length > 0) {
      warnings.push(`${missing.length} attachment(s) have a row but no file in uploads/: ${missing.join(", ")}`);
    }
    const skippedUploads = listFiles(path.join(dataDir, "uploads")).filter((file) => !copied.has(path.basename(file))).length;

    // 4. The signing key: every certificate issued so far names it.
    const keys: Manifest["keys"] = [];
    for (const file of listFiles(path.join(dataDir, "keys")).filter(isKeyFile)) {
      const to = path.join(target, "keys", file);
      copyFileExclusive(path.join(dataDir, "keys", file), to);
      keys.push({ file, sha256: await sha256File(to) });
    }
    if (keys.length === 0) warnings.push("no credential signing key under keys/ (none is created until it is first needed)");

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt: snapshotAt.toISOString(),
      schema,
      database: { file: DATABASE_FILE, bytes: fs.statSync(copyFile).size, sha256: await sha256File(copyFile) },
      tables,
      attachments: { count: copied.size, bytes: attachmentBytes, missing },
      keys,
    };
    // Written last, and atomically: a directory with a manifest is a complete backup.
    const manifestFile = path.join(target, MANIFEST_FILE);
    fs.writeFileSync(`${manifestFile}.tmp`, JSON.stringify(manifest, null, 2) + "\n");
    fs.renameSync(`${manifestFile}.tmp`, manifestFile);
    return { target, manifest, skippedUploads, warnings };
  } catch (error) {
    // The directory was empty before: whatever is in it now is this failed attempt's.
    for (const entry of fs.readdirSync(target)) fs.rmSync(path.join(target, entry), { recursive: true, force: true });
    throw error;
  }
}

export function printBackupSummary({ target, manifest, skippedUploads, warnings }: BackupResult) {
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  const schema = manifest.schema.latest ?? manifest.schema.latestHash?.slice(0, 12) ?? "none";
  console.log(`Backup written to ${target}`);
  console.log(`  database     ${formatBytes(manifest.database.bytes)}, integrity ok, sha256 ${manifest.database.sha256}`);
  console.log(`  schema       ${schema} (${manifest.schema.migrations} migrations applied)`);
  console.log(`  rows         ${rows} in ${Object.keys(manifest.tables).length} tables`);
  console.log(
    `  attachments  ${manifest.attachments.count} file${manifest.attachments.count === 1 ? "" : "s"}, ${formatBytes(manifest.attachments.bytes)}, sha256 verified` +
      (skippedUploads > 0 ? ` (${skippedUploads} not in the snapshot left out)` : ""),
  );
  console.log(`  keys         ${manifest.keys.map((key) => key.file).join(", ") || "none"}`);
  for (const warning of warnings) console.warn(`Warning: ${warning}`);
}

async function main() {
  const args = parseCliArgs(process.argv.slice(2), "Usage: npm run db:backup -- <empty-dir> [--data-dir <path>]");
  const result = await backupDataDir({
    dataDir: args.dataDir,
    databasePath: args.databasePath,
    target: args.dir,
    migrationsDir: args.migrationsDir,
  });
  printBackupSummary(result);
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`Backup FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
