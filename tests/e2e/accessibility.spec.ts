// Issue #10 (accessibility): axe-core on every page, as each role that sees it,
// reports no serious or critical violation (WCAG 2.2 A and AA rules).
import AxeBuilder from "@axe-core/playwright";
import { database, expect, signIn, test } from "./fixtures";
import { ACTORS, ROUTE_TABLE, type Actor } from "./route-table";

const RESOURCE = /\.(csv|pdf|json)$|\/body$|\/files\/|\/credential$|\/status$/;

for (const actor of ["anonymous", "fellow", "mentor", "coordinator"] as Actor[]) {
  test(`no serious or critical accessibility violations: ${actor}`, async ({ page }) => {
    test.setTimeout(180_000);
    if (actor !== "anonymous") await signIn(page, ACTORS[actor as Exclude<Actor, "anonymous">]);
    const code = (database().prepare("select code from certificates where fellow_id = 'demo-graduate' and revoked_at is null").pluck().get() as string) ?? "";
    const found: string[] = [];
    for (const [routeId, entry] of Object.entries(ROUTE_TABLE)) {
      if (entry.layout || entry.access[actor] !== 200) continue;
      const path = entry.path.replace("{graduateCode}", code);
      if (RESOURCE.test(path)) continue;
      await page.goto(path);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(`${routeId} ${path}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
    }
    expect(found).toEqual([]);
  });
}
