// Issue #10 (accessibility): the main flows of each role, walked with the
// keyboard alone — after the first page load nothing is clicked, filled or
// focused by script — and focus visible at every stop.
import fs from "node:fs";
import type { Browser, Locator, Page } from "@playwright/test";
import { submitInOwnBrowser } from "./assignment-helpers";
import { DEMO_PASSWORD } from "./env";
import { expect, signIn, test, type TestUser } from "./fixtures";
import { expectFocused, expectFocusVisible, tabTo, typeInto } from "./focus";

// Date fields are typed in the order of this locale: month, day, year.
test.use({ locale: "en-US" });

type Compiled = {
  locales: Record<string, { sections: Array<{ id: string }>; questions: Array<{ id: string; type: string; answer: string | string[]; options: Array<{ id: string }> }> }>;
};
const moduleOne: Compiled = JSON.parse(fs.readFileSync("build/content/rights-based-social-work.json", "utf8"));

/** Opens /login and signs in with the keyboard, starting from the skip link. */
async function signInByKeyboard(page: Page, email: string, password: string) {
  await page.goto("/login");
  // With JavaScript, keys pressed while React is still hydrating the page now and
  // then end in React's internal error #345: start once the page has settled.
  await page.waitForLoadState("networkidle");
  await page.keyboard.press("Tab");
  await expectFocused(page, page.getByRole("link", { name: "Skip to main content" }));
  await expectFocusVisible(page);
  await page.keyboard.press("Enter");
  await expectFocused(page, page.getByRole("main"));
  await typeInto(page, page.getByLabel(/^Email/), email);
  await typeInto(page, page.getByLabel(/^Password/), password);
  await tabTo(page, page.getByRole("button", { name: "Sign in" }));
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/** Tabs to a link (or button) and presses Enter. */
async function activate(page: Page, target: Locator, options?: { backwards?: boolean }) {
  await tabTo(page, target, options);
  await page.keyboard.press("Enter");
}

test("a fellow signs in, reads a module, passes its check, keeps a reflection, submits the assignment and logs hours", async ({ page, makeUser }) => {
  test.setTimeout(90_000);
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signInByKeyboard(page, fellow.email, fellow.password);

  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await activate(page, nav.getByRole("link", { name: "Modules" }));
  await page.waitForURL(/\/modules$/);
  await activate(page, page.getByRole("link", { name: /^1\. Rights-based social work/ }));
  await page.waitForURL(/\/modules\/rights-based-social-work$/);

  // Mark the first section read.
  const first = page.locator(`section[aria-labelledby="${moduleOne.locales.en.sections[0].id}"]`);
  await activate(page, first.getByRole("button", { name: "Mark as read" }));
  await expect(first.locator(".read-mark")).toHaveText("✓ Read");
  await expectFocusVisible(page);

  // The knowledge check: radios by Space and arrow keys, checkboxes by Space.
  const check = page.locator("#knowledge-check");
  for (const q of moduleOne.locales.en.questions) {
    const right = Array.isArray(q.answer) ? q.answer : [q.answer];
    const option = (id: string) => check.locator(`input[name="q:${q.id}"][value="${id}"]`);
    if (q.type === "multiple") {
      for (const o of q.options) {
        await tabTo(page, option(o.id));
        if (right.includes(o.id)) await page.keyboard.press("Space");
      }
    } else {
      await tabTo(page, option(q.options[0].id));
      await page.keyboard.press("Space");
      for (let i = 0; i < q.options.findIndex((o) => o.id === right[0]); i++) await page.keyboard.press("ArrowDown");
      await expect(option(right[0])).toBeChecked();
    }
  }
  await activate(page, check.getByRole("button", { name: "Check my answers" }));
  const total = moduleOne.locales.en.questions.length;
  await expect(check.getByText(`${total} of ${total} correct (100%)`)).toBeVisible();
  await expectFocusVisible(page);

  // A reflection saved to the journal.
  await typeInto(page, page.locator("textarea[name=text]").first(), "Typed without a mouse.");
  await activate(page, page.getByRole("button", { name: "Save to my journal" }).first());
  await expect(page.getByText("Saved in your journal")).toBeVisible();
  await expectFocusVisible(page);

  // The module's assignment, written and submitted.
  await activate(page, page.getByRole("link", { name: /^Open the assignment/ }));
  await page.waitForURL(/\/assignment$/);
  await typeInto(page, page.getByLabel("Your answer"), "My analysis, typed with the keyboard.");
  await tabTo(page, page.getByLabel(/This is my own work/));
  await page.keyboard.press("Space");
  await expect(page.getByLabel(/This is my own work/)).toBeChecked();
  await activate(page, page.getByRole("button", { name: "Submit for review" }));
  await expect(page.getByRole("status")).toContainText("Submitted for review");

  // Field-practice hours.
  await activate(page, nav.getByRole("link", { name: "Field practice" }));
  await page.waitForURL(/\/practice$/);
  await typeInto(page, page.getByRole("textbox", { name: "Hours", exact: true }), "2.5");
  await tabTo(page, page.getByLabel("Kind of activity"));
  await page.keyboard.press("ArrowDown");
  await typeInto(page, page.getByLabel("What you did"), "Home visit with the social worker of the municipality.");
  await activate(page, page.getByRole("button", { name: "Log the hours" }));
  await expect(page.getByText("The hours have been logged")).toBeVisible();
  await expect(page.getByTestId("hours-waiting")).toHaveText("2.5");
});

/** A fellow logs practice hours from a browser of their own, for a mentor to approve. */
async function logHoursInOwnBrowser(browser: Browser, fellow: TestUser, description: string) {
  const context = await browser.newContext();
  const fellowPage = await context.newPage();
  await signIn(fellowPage, fellow.email, fellow.password);
  await fellowPage.goto("/practice");
  await fellowPage.getByRole("textbox", { name: "Hours", exact: true }).fill("3");
  await fellowPage.getByLabel("What you did").fill(description);
  await fellowPage.getByRole("button", { name: "Log the hours" }).click();
  await expect(fellowPage.getByText("The hours have been logged")).toBeVisible();
  await context.close();
}

test("a mentor signs in, grades and releases a submission from the queue, and approves an hours entry", async ({ page, browser, makeUser }) => {
  test.setTimeout(90_000);
  const name = `Keyboard ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await submitInOwnBrowser(browser, fellow, "An analysis to be graded by keyboard.");
  await logHoursInOwnBrowser(browser, fellow, "Group session at the community centre.");

  await signInByKeyboard(page, "mentor@demo.test", DEMO_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Main navigation" });
  await activate(page, nav.getByRole("link", { name: /^Review queue/ }));
  await page.waitForURL(/\/mentor\/queue$/);
  await activate(page, page.getByRole("link", { name: new RegExp(name) }));
  await page.waitForURL(/\/mentor\/reviews\//);

  // Every criterion at its highest level: Space picks the first, arrows move along the group.
  const criteria = page.locator("form fieldset").filter({ has: page.locator('input[type="radio"][name^="level:"]') });
  await expect(criteria.first()).toBeVisible();
  const count = await criteria.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const levels = criteria.nth(i).locator('input[type="radio"]');
    await tabTo(page, levels.first());
    await page.keyboard.press("Space");
    const n = await levels.count();
    for (let k = 1; k < n; k++) await page.keyboard.press("ArrowDown");
    await expect(levels.last()).toBeChecked();
  }
  await typeInto(page, page.getByLabel("Overall feedback (Markdown)"), "Clear and well argued.");
  await tabTo(page, page.getByLabel("Approve"));
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Approve")).toBeChecked();
  await activate(page, page.getByRole("button", { name: "Release to the fellow" }));
  await expect(page.getByRole("status").first()).toContainText("released");

  // Hours: only this fellow's entry stays ticked (the others are demo data other tests rely on).
  await activate(page, nav.getByRole("link", { name: "Field practice" }));
  await page.waitForURL(/\/mentor\/practice$/);
  const entries = page.getByTestId("waiting-entries").locator(":scope > li");
  await expect(entries.filter({ hasText: name })).toHaveCount(1);
  for (const entry of await entries.all()) {
    const box = entry.getByRole("checkbox");
    const mine = (await entry.textContent())?.includes(name) ?? false;
    await tabTo(page, box);
    if ((await box.isChecked()) !== mine) await page.keyboard.press("Space");
    await expect(box).toBeChecked({ checked: mine });
  }
  await activate(page, page.getByRole("button", { name: "Approve the ticked entries" }));
  await expect(page.getByText("1 entry approved.")).toBeVisible();
});

test("a coordinator signs in, adds an organisation, creates a cohort and invites a person", async ({ page }) => {
  test.setTimeout(90_000);
  const run = Date.now().toString(36);
  await signInByKeyboard(page, "coordinator@demo.test", DEMO_PASSWORD);
  const nav = page.getByRole("navigation", { name: "Main navigation" });

  await activate(page, nav.getByRole("link", { name: "Organisations" }));
  await page.waitForURL(/\/coordinator\/organizations$/);
  await typeInto(page, page.getByLabel("Name", { exact: true }), `Keyboard Care ${run}`);
  await typeInto(page, page.getByLabel("Municipality"), "Rustavi");
  await tabTo(page, page.getByLabel("Region"));
  await page.keyboard.press("ArrowDown");
  await activate(page, page.getByRole("button", { name: "Add organisation" }));
  await expect(page.getByText(`Keyboard Care ${run} has been added.`)).toBeVisible();

  await activate(page, nav.getByRole("link", { name: "Cohorts" }));
  await page.waitForURL(/\/coordinator\/cohorts$/);
  await activate(page, page.getByRole("link", { name: "New cohort" }));
  await page.waitForURL(/\/coordinator\/cohorts\/new$/);
  await typeInto(page, page.getByLabel("Name"), `Keyboard cohort ${run}`);
  await typeInto(page, page.getByLabel("Required practice hours"), "80");
  // A date field takes its parts typed one after the other (month, day, year here).
  await tabTo(page, page.getByLabel("Starts on"));
  await page.keyboard.type("09012027");
  await tabTo(page, page.getByLabel("Ends on"));
  await page.keyboard.type("06302028");
  await expect(page.getByLabel("Starts on")).toHaveValue("2027-09-01");
  await expect(page.getByLabel("Ends on")).toHaveValue("2028-06-30");
  await activate(page, page.getByRole("button", { name: "Create cohort" }));
  await page.waitForURL(/\/coordinator\/cohorts\/[a-z0-9]+\/edit/);

  // The new cohort opens at its long schedule: back up to the navigation.
  await activate(page, nav.getByRole("link", { name: "People" }), { backwards: true });
  await page.waitForURL(/\/coordinator\/people$/);
  const invite = page.locator("form").filter({ has: page.getByRole("button", { name: "Send invitation" }) });
  const email = `keyboard-${run}@example.org`;
  await typeInto(page, invite.getByLabel("Email"), email);
  await typeInto(page, invite.getByLabel("Name"), "Nino Keyboard");
  await activate(page, page.getByRole("button", { name: "Send invitation" }));
  await expect(page.getByText(`Invitation created for ${email}.`)).toBeVisible();
  await expect(page.getByTestId("invitation-link")).toContainText("/invite/");
});

test("the language switcher and signing out work from the keyboard", async ({ page, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signInByKeyboard(page, fellow.email, fellow.password);
  const language = page.locator("#language-switcher");
  const change = page.locator('form[action="/language"] button[type="submit"]');
  await tabTo(page, language);
  // English is first in the list; one step down is Georgian.
  await page.keyboard.press("ArrowDown");
  await activate(page, change);
  // Each change loads a whole new page: let it settle before the next keys.
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  await page.waitForLoadState("networkidle");
  await tabTo(page, language);
  await page.keyboard.press("ArrowUp");
  await activate(page, change);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.waitForLoadState("networkidle");
  await activate(page, page.getByRole("button", { name: "Sign out" }));
  await page.waitForURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
});
