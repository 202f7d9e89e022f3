// Each test file gets its own copy of the template database: a real SQLite
// file with the real migrations and the demo data.
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { closeConnection } from "~/lib/db.server";
import { resetEnvCache } from "~/lib/env.server";
import { TEMPLATE_DB, TMP_DIR } from "./paths";

const file = path.join(TMP_DIR, `unit-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.db`);

beforeAll(() => {
  fs.copyFileSync(TEMPLATE_DB, file);
  process.env.DATABASE_PATH = file;
  process.env.DEMO_DATA = "true";
  process.env.DATA_DIR = path.join(TMP_DIR, "data");
  delete process.env.SMTP_URL;
  delete process.env.CONTENT_DIR;
  resetEnvCache();
  closeConnection();
});

afterAll(() => {
  closeConnection();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
