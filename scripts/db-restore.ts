// `npm run db:restore -- <backup-dir> [--data-dir <path>]`
//
// Restores a db:backup directory into an EMPTY data directory: the configured
// DATA_DIR / DATABASE_PATH, or --data-dir. It never overwrites live data, and
// checks every hash in the backup before it copies anything, so a damaged
// backup is refused whole rather than half restored. Stop the app first.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import {
  DATABASE_FILE,
  MANIFEST_FILE,
  attachmentPath,
  attachmentRows,
  checkIntegrity,
  formatBytes,
  isMainModule,
  listFiles,
  parseCliArgs,
  sha256File,
  tableCounts,
  type AttachmentRow,
  type Manifest,
} from "./db-backup";

export type RestoreOptions = { source: string; dataDir: string; databasePath: string };
export type RestoreResult = { dataDir: string; databasePath: string; manifest: Manifest };

function readManifest(source: string): Manifest {
  const file = path.join(source, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error(`${source} is not a complete backup: it has no ${MANIFEST_FILE}`);
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
  if (manifest.format !== 1) throw new Error(`${file}: unknown manifest format ${String(manifest.format)}`);
  return manifest;
}

function refuseLiveData(dataDir: string, databasePath: string) {
  for (const file of [databasePath, `${databasePath}-wal`, `${databasePath}-shm`]) {
    if (fs.existsSync(file)) throw new Error(`refusing to restore: ${file} exists (restore only into an empty data directory)`);
  }
  for (const dir of ["uploads", "keys"]) {
    if (listFiles(path.join(dataDir, dir)).length > 0) {
      throw new Error(`refusing to restore: ${path.join(dataDir, dir)} is not empty`);
    }
  }
}

/** Every check that can be made on the backup alone; throws listing all problems found. */
async function verifyBackup(source: string, manifest: Manifest): Promise<AttachmentRow[]> {
  const databaseFile = path.join(source, DATABASE_FILE);
  if (!fs.existsSync(databaseFile)) throw new Error(`backup has no ${DATABASE_FILE}`);
  const actual = await sha256File(databaseFile);
  if (actual !== manifest.database.sha256) {
    throw new Error(`${DATABASE_FILE}: sha256 ${actual} differs from the manifest (${manifest.database.sha256})`);
  }

  // The database is now known to be the one backed up, so its rows say what each file must hash to.
  const sqlite = new Database(databaseFile, { readonly: true, fileMustExist: true });
  let rows: AttachmentRow[];
  try {
    rows = attachmentRows(sqlite).filter((row) => !manifest.attachments.missing.includes(row.stored_name));
  } finally {
    sqlite.close();
  }

  const problems: string[] = [];
  for (const row of rows) {
    const file = attachmentPath(source, row.stored_name);
    if (!fs.existsSync(file)) problems.push(`attachment ${row.stored_name} is missing`);
    else if ((await sha256File(file)) !== row.sha256) problems.push(`attachment ${row.stored_name}: sha256 differs from its row`);
  }
  for (const key of manifest.keys) {
    const file = path.join(source, "keys", key.file);
    if (path.isAbsolute(key.file) || path.normalize(key.file).startsWith("..")) problems.push(`key ${key.file}: not a plain name`);
    else if (!fs.existsSync(file)) problems.push(`key ${key.file} is missing`);
    else if ((await sha256File(file)) !== key.sha256) problems.push(`key ${key.file}: sha256 differs from the manifest`);
  }
  if (problems.length > 0) throw new Error(`backup is damaged, nothing was restored:\n  ${problems.join("\n  ")}`);
  return rows;
}

export async function restoreDataDir(options: RestoreOptions): Promise<RestoreResult> {
  const source = path.resolve(options.source);
  const dataDir = path.resolve(options.dataDir);
  const databasePath = path.resolve(options.databasePath);
  const manifest = readManifest(source);
  refuseLiveData(dataDir, databasePath);
  const rows = await verifyBackup(source, manifest);

  // Everything this run creates, so a failure leaves the data directory as empty as it found it.
  const created: string[] = [];
  const copy = (from: string, to: string) => {
    fs.mkdirSync(path.dirname(to), { recursive: true });
    fs.copyFileSync(from, to, fs.constants.COPYFILE_EXCL);
    created.push(to);
  };
  try {
    for (const row of rows) copy(attachmentPath(source, row.stored_name), attachmentPath(dataDir, row.stored_name));
    if (manifest.keys.length > 0) {
      fs.mkdirSync(path.join(dataDir, "keys"), { recursive: true, mode: 0o700 });
      for (const key of manifest.keys) copy(path.join(source, "keys", key.file), path.join(dataDir, "keys", key.file));
    }

    // The database goes in last, under a temporary name: the app never sees a half-restored one.
    const pending = `${databasePath}.restoring`;
    copy(path.join(source, DATABASE_FILE), pending);
    const sqlite = new Database(pending, { fileMustExist: true });
    try {
      checkIntegrity(sqlite, databasePath);
      const counts = tableCounts(sqlite);
      if (JSON.stringify(counts) !== JSON.stringify(manifest.tables)) {
        throw new Error("row counts in the restored database differ from the manifest");
      }
    } finally {
      sqlite.close();
    }
    fs.renameSync(pending, databasePath);
  } catch (error) {
    for (const file of created) fs.rmSync(file, { force: true });
    throw error;
  }
  return { dataDir, databasePath, manifest };
}

export function printRestoreSummary({ dataDir, databasePath, manifest }: RestoreResult) {
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  console.log(`Restored the backup of ${manifest.createdAt}`);
  console.log(`  database     ${databasePath} (${formatBytes(manifest.database.bytes)}, integrity ok)`);
  console.log(`  schema       ${manifest.schema.latest ?? manifest.schema.latestHash ?? "none"}`);
  console.log(`  rows         ${rows} in ${Object.keys(manifest.tables).length} tables, as in the manifest`);
  console.log(`  attachments  ${manifest.attachments.count} file${manifest.attachments.count === 1 ? "" : "s"}, ${formatBytes(manifest.attachments.bytes)} into ${path.join(dataDir, "uploads")}`);
  console.log(`  keys         ${manifest.keys.map((key) => key.file).join(", ") || "none"}`);
  if (manifest.attachments.missing.length > 0) {
    console.warn(`Warning: ${manifest.attachments.missing.length} attachment(s) were already missing when the backup was made`);
  }
}

async function main() {
  const args = parseCliArgs(process.argv.slice(2), "Usage: npm run db:restore -- <backup-dir> [--data-dir <path>]");
  const result = await restoreDataDir({ source: args.dir, dataDir: args.dataDir, databasePath: args.databasePath });
  printRestoreSummary(result);
}

if (isMainModule(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`Restore FAILED: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
