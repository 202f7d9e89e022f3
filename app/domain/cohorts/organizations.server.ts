import { asc, eq, sql } from "drizzle-orm";
import * as schema from "#db/schema";
import { recordAudit } from "~/lib/audit.server";
import { getDb } from "~/lib/db.server";
import { newId } from "~/lib/ids.server";
import type { OrganizationInput } from "./schemas";

/** Host organisations with how many fellows are placed there now. */
export function listOrganizations() {
  return getDb()
    .select({
      id: schema.organizations.id,
      name: schema.organizations.name,
      municipality: schema.organizations.municipality,
      region: schema.organizations.region,
      contactName: schema.organizations.contactName,
      activeFellows: sql<number>`(select count(*) from ${schema.enrollments} e where e.organization_id = ${schema.organizations.id} and e.status = 'active')`,
    })
    .from(schema.organizations)
    .orderBy(asc(schema.organizations.name))
    .all();
}

export function getOrganization(id: string) {
  return getDb().select().from(schema.organizations).where(eq(schema.organizations.id, id)).get() ?? null;
}

function clean(input: OrganizationInput) {
  return {
    name: input.name,
    municipality: input.municipality,
    region: input.region,
    contactName: input.contactName || null,
    contactEmail: input.contactEmail || null,
    contactPhone: input.contactPhone || null,
  };
}

export function createOrganization(input: OrganizationInput, actorId: string) {
  const id = newId();
  getDb().insert(schema.organizations).values({ id, ...clean(input) }).run();
  recordAudit("organization_saved", { actorId, subjectId: id, detail: { created: true } });
  return id;
}

export function updateOrganization(id: string, input: OrganizationInput, actorId: string) {
  const changed = getDb().update(schema.organizations).set(clean(input)).where(eq(schema.organizations.id, id)).run().changes;
  if (changed) recordAudit("organization_saved", { actorId, subjectId: id });
  return changed === 1;
}
