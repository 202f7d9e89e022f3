import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./scripts/lib/chromium";
import { E2E_BASE_URL, E2E_PORT } from "./tests/e2e/env";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: { executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS },
  },
  projects: [
    { name: "with-js", use: { javaScriptEnabled: true } },
    // The same journeys with JavaScript off: every page is a plain form first.
    { name: "without-js", use: { javaScriptEnabled: false }, testIgnore: /access\.spec|security\.spec|accessibility\.spec/ },
  ],
  webServer: {
    command: "node tests/e2e/serve.js",
    url: `${E2E_BASE_URL}/login`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "pipe",
    stderr: "pipe",
    env: { PORT: String(E2E_PORT) },
  },
});
