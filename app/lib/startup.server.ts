import { DEMO_PASSWORD, DEMO_SIGN_INS, hasDemoAccounts, hasUsers, seedDemoData } from "#db/seed";
import { pruneExpiredSessions } from "~/domain/accounts/sessions.server";
import { getDb, migrate } from "./db.server";
import { getEnv } from "./env.server";

/**
 * Runs once when the server starts, before it listens: validates the
 * configuration, applies pending migrations, seeds an empty database.
 */
export async function startup() {
  const env = getEnv();
  migrate();
  pruneExpiredSessions();
  const db = getDb();
  if (env.DEMO_DATA && !hasUsers(db)) {
    await seedDemoData(db);
    console.log("Demo data created.");
  }
  // Only where the demo accounts exist (not on a real or a benchmark database).
  if (env.DEMO_DATA && hasDemoAccounts(db)) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const s of DEMO_SIGN_INS) console.log(`  ${s.role.padEnd(12)} ${s.email}`);
  }
  return { port: env.PORT, host: env.HOST };
}
