// Builds one migrated, seeded database; every test file starts from a copy of it.
import fs from "node:fs";
import { migrateDatabase, openDatabase } from "../../db/client";
import { seedDemoData } from "../../db/seed";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

export default async function setup() {
  fs.mkdirSync(TMP_DIR, { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(TEMPLATE_DB + suffix, { force: true });
  // Demo attachments are written under DATA_DIR: keep them inside the test folder.
  process.env.DATA_DIR = `${TMP_DIR}/data`;
  const { sqlite, db } = openDatabase(TEMPLATE_DB);
  migrateDatabase(db, "db/migrations");
  await seedDemoData(db);
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.close();
  return () => {
    for (const file of fs.readdirSync(TMP_DIR)) {
      if (file.startsWith("unit-")) fs.rmSync(`${TMP_DIR}/${file}`, { force: true });
    }
  };
}
