// Issue #10, "Slow network": a fellow on a rural mobile connection signs in,
// opens the dashboard and a module, and can read and mark a section as read.
// Runs with and without JavaScript. First contentful paint and bytes
// transferred are reported in the test's annotations, not asserted.
import fs from "node:fs";
import { SLOW_3G, measurePaint, throttle, type PaintFigures } from "../../scripts/lib/slow-network";
import { expect, test } from "./fixtures";

// Module 4 (water-sanitation-health) opens a week after the demo starts, so a
// fellow of the demo cohort cannot read it yet; module 1 is the first one open.
const SLUG = "rights-based-social-work";
const moduleOne: { locales: { en: { frontmatter: { title: string }; sections: Array<{ id: string; title: string }> } } } = JSON.parse(
  fs.readFileSync(`build/content/${SLUG}.json`, "utf8"),
);
const { frontmatter, sections } = moduleOne.locales.en;

// Each step below crosses the throttled network once or twice; the default 5 s is tight for that.
const SLOW = { timeout: 15_000 };

function report(page: string, figures: PaintFigures) {
  const line = `${page}: first contentful paint ${figures.fcpMs ?? "not recorded"} ms, DOMContentLoaded ${figures.domContentLoadedMs} ms, load ${figures.loadMs} ms, ${figures.transferredBytes} bytes transferred`;
  test.info().annotations.push({ type: "slow 3G", description: line });
  console.log(`[${test.info().project.name}] ${line}`);
}

test("over a slow 3G connection a fellow signs in, opens the dashboard and a module, and marks a section as read", async ({ page, makeUser }) => {
  test.setTimeout(40_000);
  const fellow = await makeUser({ role: "fellow", name: "Nino Slow Network", enrol: true });
  await throttle(page);
  test.info().annotations.push({
    type: "network",
    description: `${(SLOW_3G.downloadBytesPerSecond * 8) / 1000} kbit/s down, ${(SLOW_3G.uploadBytesPerSecond * 8) / 1000} kbit/s up, ${SLOW_3G.latencyMs} ms latency per request`,
  });

  // Signing in over the slow network: the login page comes first, with an empty cache.
  report("/login (cold)", await measurePaint(page, "/login"));
  await page.getByLabel(/^Email/).fill(fellow.email);
  await page.getByLabel(/^Password/).fill(fellow.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/, SLOW);

  // The assets now come from the cache, as they would for a fellow coming back.
  const dashboard = await measurePaint(page, "/dashboard");
  report("/dashboard", dashboard);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Welcome, Nino Slow Network");
  await expect(page.getByText(/^0 of \d+ required modules complete$/)).toBeVisible();

  const modulePage = await measurePaint(page, `/modules/${SLUG}`);
  report(`/modules/${SLUG}`, modulePage);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(frontmatter.title);
  const first = page.locator(`section[aria-labelledby="${sections[0].id}"]`);
  await expect(first.getByRole("heading", { level: 2 })).toHaveText(sections[0].title);
  await expect(first.locator("p").first()).toBeVisible();
  await expect(first.locator("p").first()).not.toBeEmpty();

  // The "Mark as read" form, posted over the slow network.
  await first.getByRole("button", { name: "Mark as read" }).click();
  await expect(first.locator(".read-mark")).toHaveText("✓ Read", SLOW);
  await expect(first.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  await expect(page.getByText(`1 of ${sections.length} sections read`)).toBeVisible(SLOW);

  // Both pages were measured by the browser, whatever the figures are.
  for (const figures of [dashboard, modulePage]) {
    expect(figures.fcpMs, "a first contentful paint was recorded").not.toBeNull();
    expect(figures.transferredBytes).toBeGreaterThan(0);
  }
});
