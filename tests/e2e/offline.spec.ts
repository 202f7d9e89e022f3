import type { Page } from "@playwright/test";
import { database, expect, signIn, test } from "./fixtures";

// Offline reading needs JavaScript (the service worker registers from it); without it the site is as before.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "offline reading needs JavaScript and a service worker");

const MODULE = "/modules/rights-based-social-work";
const SAVED_COPY = /^You are offline\. This is a copy saved on .*\d{1,2}:\d{2}.*\.$/;

/** The service worker has taken control of this page. */
async function workerControls(page: Page) {
  await page.waitForFunction(() => Boolean(navigator.serviceWorker?.controller));
}

/** The HTML this device keeps for a page, or null: read from the worker's cache as the page sees it. */
async function savedHtml(page: Page, path: string) {
  return page.evaluate(async (p) => {
    const hit = await caches.match(new URL(p, location.origin).href);
    return hit ? hit.text() : null;
  }, path);
}

async function expectSaved(page: Page, path: string, containing?: string) {
  await expect
    .poll(async () => {
      const html = await savedHtml(page, path);
      return html !== null && (containing === undefined || html.includes(containing));
    })
    .toBe(true);
}

/** A new fellow signs in and opens the module until the worker has saved it. */
async function openModuleAsNewFellow(page: Page, makeUser: (options: { role: "fellow"; enrol: boolean }) => Promise<{ email: string; password: string }>) {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto(MODULE);
  await workerControls(page);
  await expectSaved(page, MODULE);
}

test("a module opened online opens offline, with a banner saying when it was saved", async ({ page, context, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto(MODULE);
  const title = await page.getByRole("heading", { level: 1 }).textContent();
  await workerControls(page);
  await expectSaved(page, MODULE);
  // Online, the page is the network's and says nothing about being offline.
  await expect(page.getByText(/You are offline/)).toHaveCount(0);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  await expect(page.locator("#module-body section").first()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "This is a copy saved on" })).toHaveText(SAVED_COPY);

  // Back online, the next visit comes from the network again.
  await context.setOffline(false);
  await page.goto(MODULE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title!);
  await expect(page.getByText(/You are offline/)).toHaveCount(0);
});

test("“Save for offline” keeps the open modules, so one never opened reads offline", async ({ page, context, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules");
  await workerControls(page);
  const openLinks = page.locator("main ol").getByRole("link");
  const paths = (await openLinks.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).filter((p) =>
    /^\/modules\/[a-z0-9-]+$/.test(p),
  );
  expect(paths.length).toBeGreaterThan(0);
  for (const path of paths) expect(await savedHtml(page, path), path).toBeNull();

  await page.getByRole("button", { name: "Save open modules for offline reading" }).click();
  const count = paths.length;
  await expect(page.getByRole("status").filter({ hasText: /^Saved \d+ modules?, / })).toHaveText(
    new RegExp(`^Saved ${count} modules?, .*\\d{1,2}:\\d{2}`),
  );
  await expect(page.getByText(/^Saved for offline · /)).toHaveCount(count);

  await context.setOffline(true);
  await page.goto(paths[0]);
  await expect(page.locator("#module-body")).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "This is a copy saved on" })).toHaveText(SAVED_COPY);
  // The module list was saved too, and links lead from one saved page to another.
  await page.getByRole("link", { name: "All modules" }).click();
  await expect(page).toHaveURL(/\/modules$/);
  await expect(page.getByRole("heading", { level: 1, name: "Modules" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "This is a copy saved on" })).toBeVisible();
});

test("a reflection sent offline is not lost: the form says nothing was sent, and it sends once back online", async ({ page, context, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto(MODULE);
  await workerControls(page);
  const text = "Written on the bus to Tsalka — ნინო ბერიძე";

  await context.setOffline(true);
  await expect(page.getByRole("status").filter({ hasText: "You are offline. Pages you saved can still be read" })).toBeVisible();
  const box = page.locator("textarea[name=text]");
  await box.fill(text);
  await page.getByRole("button", { name: "Save to my journal" }).click();
  const form = page.locator("form").filter({ has: box });
  await expect(form.getByRole("alert")).toHaveText(/nothing was sent/);
  await expect(box).toHaveValue(text);
  const stored = () =>
    database().prepare("select count(*) as n from reflections where fellow_id = ?").get(fellow.id) as { n: number } | undefined;
  expect(stored()?.n ?? 0).toBe(0);

  await context.setOffline(false);
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.getByText("Saved in your journal")).toBeVisible();
  await expect(form.getByRole("alert")).toHaveCount(0);
  await page.reload();
  await expect(page.locator("textarea[name=text]")).toHaveValue(text);
});

test("a connection that drops while the browser thinks it is online: the page stays, with the text and a message", async ({ page, makeUser, allowConsoleError }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto(MODULE);
  await workerControls(page);
  await page.route(/\/modules\/rights-based-social-work\.data/, (route) =>
    route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue(),
  );
  const box = page.locator("textarea[name=text]");
  await box.fill("A thought that must not vanish");
  // The browser reports the request it could not send.
  allowConsoleError(/ERR_INTERNET_DISCONNECTED/);
  await page.getByRole("button", { name: "Save to my journal" }).click();
  const form = page.locator("form").filter({ has: box });
  await expect(form.getByRole("alert")).toHaveText(/nothing was sent/);
  await expect(box).toHaveValue("A thought that must not vanish");
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText(/Something went wrong|No connection/);
});

test("new content replaces the saved copy on the next visit with a connection", async ({ page, context, makeUser }) => {
  await openModuleAsNewFellow(page, makeUser);
  const first = page.locator("#module-body section[aria-labelledby]").first();
  const sectionId = await first.getAttribute("aria-labelledby");
  const section = page.locator(`section[aria-labelledby="${sectionId}"]`);
  expect(await savedHtml(page, MODULE)).not.toContain("✓ Read");

  await section.getByRole("button", { name: "Mark as read" }).click();
  await expect(section.locator(".read-mark")).toHaveText("✓ Read");
  await page.goto(MODULE);
  await expectSaved(page, MODULE, "✓ Read");

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("status").filter({ hasText: "This is a copy saved on" })).toBeVisible();
  await expect(section.locator(".read-mark")).toHaveText("✓ Read");
});

test("signing out removes the saved pages from the device", async ({ page, context, makeUser }) => {
  await openModuleAsNewFellow(page, makeUser);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect.poll(() => savedHtml(page, MODULE)).toBeNull();

  await context.setOffline(true);
  await page.goto(MODULE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This page is not saved on this device");
  await expect(page.getByText("No modules are saved on this device yet.")).toBeVisible();
  await expect(page.getByText(/Günay|Test Person/)).toHaveCount(0);
});
