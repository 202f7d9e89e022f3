// Issue #10 (accessibility): every page, as each role that sees it, has the
// landmarks and the skip link a screen-reader or keyboard user navigates by,
// and every control Tab reaches shows that it has focus.
import { expect, test } from "./fixtures";
import { describeFocus, focusProblemsOfEveryControl } from "./focus";
import { PAGE_ACTORS, visitEveryPage } from "./pages";

for (const actor of PAGE_ACTORS) {
  test(`landmarks, one h1, a skip link and visible focus on every page: ${actor}`, async ({ page }) => {
    test.setTimeout(90_000);
    const found: string[] = [];
    await visitEveryPage(page, actor, async (routeId, path) => {
      const problems: string[] = [];
      const count = async (role: "main" | "banner" | "contentinfo") => page.getByRole(role).count();
      if ((await count("main")) !== 1) problems.push(`${await count("main")} main landmarks`);
      if ((await count("banner")) !== 1) problems.push(`${await count("banner")} banners`);
      if ((await count("contentinfo")) !== 1) problems.push(`${await count("contentinfo")} contentinfo landmarks`);
      const navigations = page.getByRole("navigation");
      const names = await navigations.evaluateAll((navs) =>
        navs.map((nav) => nav.getAttribute("aria-label") ?? document.getElementById(nav.getAttribute("aria-labelledby") ?? "")?.textContent ?? ""),
      );
      if (names.length > 1 && (names.some((n) => !n.trim()) || new Set(names).size !== names.length)) {
        problems.push(`navigation landmarks without distinct names: ${JSON.stringify(names)}`);
      }
      const h1 = await page.getByRole("heading", { level: 1 }).count();
      if (h1 !== 1) problems.push(`${h1} h1 headings`);
      if ((await page.locator("main#main").count()) !== 1) problems.push("main is not #main");
      // The first Tab from the top of the page lands on the skip link.
      await page.keyboard.press("Tab");
      const first = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      if (first !== "#main") problems.push(`first Tab stop is ${await describeFocus(page)}, not the skip link`);
      for (const problem of await focusProblemsOfEveryControl(page)) problems.push(`focus on ${problem}`);
      if (problems.length) found.push(`${routeId} ${path}: ${problems.join("; ")}`);
    });
    expect(found).toEqual([]);
  });
}
