import { DEMO_GRADUATE_ID, DEMO_PASSWORD, DEMO_SIGN_INS, hasDemoAccounts, hasUsers, seedDemoData } from "#db/seed";
import { certificatesOf, issueCertificate, verifyUrl } from "~/domain/certificates/certificates.server";
import { pruneLookupEvents } from "~/domain/certificates/verification.server";
import { pruneExpiredSessions } from "~/domain/accounts/sessions.server";
import { closeConnection, getDb, migrate } from "./db.server";
import { getEnv } from "./env.server";

/**
 * Runs once when the server starts, before it listens: validates the
 * configuration, applies pending migrations, seeds an empty database.
 */
export async function startup() {
  const env = getEnv();
  migrate();
  pruneExpiredSessions();
  pruneLookupEvents();
  const db = getDb();
  if (env.DEMO_DATA && !hasUsers(db)) {
    await seedDemoData(db);
    console.log("Demo data created.");
  }
  // Only where the demo accounts exist (not on a real or a benchmark database).
  if (env.DEMO_DATA && hasDemoAccounts(db)) {
    console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
    for (const s of DEMO_SIGN_INS) console.log(`  ${s.role.padEnd(12)} ${s.email}`);
    const code = demoGraduateCertificate();
    if (code) console.log(`Demo certificate of graduate@demo.test: ${verifyUrl(code)}`);
  }
  return serverSettings();
}

/** Where to listen, for workers that skip the start-up work the first process did. */
export function serverSettings() {
  const env = getEnv();
  return { port: env.PORT, host: env.HOST };
}

/** Closes this process's database connection (the first process, once workers take over). */
export function shutdown() {
  closeConnection();
}

/** The demo graduate's certificate: issued through the real rules the first time the server starts. */
function demoGraduateCertificate() {
  const existing = certificatesOf(DEMO_GRADUATE_ID).find((c) => !c.revokedAt);
  if (existing) return existing.code;
  const issued = issueCertificate(DEMO_GRADUATE_ID, "demo-coordinator");
  if (!issued.ok) console.warn(`The demo certificate could not be issued: ${issued.key}`);
  return issued.ok ? issued.code : null;
}
