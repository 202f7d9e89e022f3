// Starts the production build on a fresh database with demo data, for Playwright.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const dataDir = path.resolve("tests/.tmp/e2e");
fs.rmSync(dataDir, { recursive: true, force: true });
fs.mkdirSync(dataDir, { recursive: true });

const child = spawn(process.execPath, ["server.js"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    DATABASE_PATH: path.join(dataDir, "fellowship.db"),
    DEMO_DATA: "true",
    // The request log would bury the test output; server/logging.test.js covers it.
    REQUEST_LOG: "off",
    PORT: process.env.PORT ?? "3210",
    PUBLIC_URL: `http://localhost:${process.env.PORT ?? "3210"}`,
  },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 0));
