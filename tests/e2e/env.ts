import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATA_DIR = path.resolve("tests/.tmp/e2e");
export const E2E_DATABASE = path.join(E2E_DATA_DIR, "fellowship.db");
export const DEMO_PASSWORD = "fellowship-demo";
