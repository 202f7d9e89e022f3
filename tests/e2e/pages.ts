import type { Page } from "@playwright/test";
import { database, signIn } from "./fixtures";
import { ACTORS, ROUTE_TABLE, type Actor } from "./route-table";

/** Files, data and fragments rather than pages: nothing there for a person to read or tab through. */
const RESOURCE = /\.(csv|pdf|json)$|\/body$|\/files\/|\/credential$|\/status$/;

export const PAGE_ACTORS = ["anonymous", "fellow", "mentor", "coordinator"] as const satisfies readonly Actor[];
export type PageActor = (typeof PAGE_ACTORS)[number];

/**
 * Signs in as `actor` (unless anonymous) and opens, one after the other, every
 * page of the route table that actor may see, with its placeholders filled in
 * from the demo data; `visit` runs on each.
 */
export async function visitEveryPage(
  page: Page,
  actor: PageActor,
  visit: (routeId: string, path: string) => Promise<void>,
) {
  if (actor !== "anonymous") await signIn(page, ACTORS[actor]);
  const code =
    (database()
      .prepare("select code from certificates where fellow_id = 'demo-graduate' and revoked_at is null")
      .pluck()
      .get() as string | undefined) ?? "";
  for (const [routeId, entry] of Object.entries(ROUTE_TABLE)) {
    if (entry.layout || entry.access[actor] !== 200) continue;
    const path = entry.path.replace("{graduateCode}", code);
    if (RESOURCE.test(path)) continue;
    await page.goto(path);
    await visit(routeId, path);
  }
}
