// Issue #10 (accessibility): axe-core on every page, as each role that sees it,
// reports no serious or critical violation (WCAG 2.2 A and AA rules).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures";
import { PAGE_ACTORS, visitEveryPage } from "./pages";

for (const actor of PAGE_ACTORS) {
  test(`no serious or critical accessibility violations: ${actor}`, async ({ page }) => {
    test.setTimeout(180_000);
    const found: string[] = [];
    await visitEveryPage(page, actor, async (routeId, path) => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      for (const v of results.violations.filter((v) => v.impact === "serious" || v.impact === "critical")) {
        found.push(`${routeId} ${path}: ${v.id} (${v.impact}) — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
      }
    });
    expect(found).toEqual([]);
  });
}
