// `npm run db:seed`: migrates the configured database and adds demo data if it has no users.
import { getEnv } from "../app/lib/env.server";
import { getDb, migrate } from "../app/lib/db.server";
import { hasUsers, seedDemoData } from "./seed";

const env = getEnv();
migrate();
if (hasUsers(getDb())) {
  console.log(`${env.DATABASE_PATH} already has accounts; nothing seeded. Delete it to start again.`);
} else {
  await seedDemoData(getDb());
  console.log(`Demo data added to ${env.DATABASE_PATH}.`);
}
