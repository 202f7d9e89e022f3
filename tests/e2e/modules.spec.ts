import fs from "node:fs";
import { expect, signIn, test } from "./fixtures";

type Compiled = {
  locales: Record<string, { sections: Array<{ id: string; title: string }>; questions: Array<{ id: string; type: string; answer: string | string[]; explanation: string; options: Array<{ id: string }> }> }>;
};
const moduleOne: Compiled = JSON.parse(fs.readFileSync("build/content/rights-based-social-work.json", "utf8"));
const en = moduleOne.locales.en;

test("a fellow reads module 1, fails then passes the knowledge check, and completes it", async ({ page, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", name: "Günay Test", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/dashboard");
  await expect(page.getByText(/^0 of \d+ required modules complete$/)).toBeVisible();

  const response = await page.goto("/modules/rights-based-social-work");
  // Nothing in the page tells the answers before the fellow has answered.
  const source = (await response!.text()) as string;
  for (const q of en.questions) expect(source).not.toContain(q.explanation.slice(0, 50));
  expect(source).not.toMatch(/"answer"/);

  for (const section of en.sections) {
    await page.locator(`section[aria-labelledby="${section.id}"]`).getByRole("button", { name: "Mark as read" }).click();
    await expect(page.locator(`section[aria-labelledby="${section.id}"] .read-mark`)).toHaveText("✓ Read");
  }
  await expect(page.getByText(`${en.sections.length} of ${en.sections.length} sections read`)).toBeVisible();
  await expect(page.getByText("You have completed this module.")).toHaveCount(0);

  // A first attempt with every answer wrong.
  const check = page.locator("#knowledge-check");
  for (const q of en.questions) {
    const right = Array.isArray(q.answer) ? q.answer : [q.answer];
    const wrong = q.options.find((o) => !right.includes(o.id))!;
    await check.locator(`input[name="q:${q.id}"][value="${wrong.id}"]`).check();
  }
  await check.getByRole("button", { name: "Check my answers" }).click();
  await expect(check.getByText(`0 of ${en.questions.length} correct (0%)`)).toBeVisible();
  await expect(check.getByText("You need 70% to pass.")).toBeVisible();
  await expect(check.getByText(en.questions[0].explanation.slice(0, 40))).toBeVisible();

  // Then the right answers.
  for (const q of en.questions) {
    const right = Array.isArray(q.answer) ? q.answer : [q.answer];
    for (const o of q.options) {
      const box = check.locator(`input[name="q:${q.id}"][value="${o.id}"]`);
      if (right.includes(o.id)) await box.check();
      else if (q.type === "multiple") await box.uncheck();
    }
  }
  await check.getByRole("button", { name: "Check my answers again" }).click();
  await expect(check.getByText(`${en.questions.length} of ${en.questions.length} correct (100%)`)).toBeVisible();
  await expect(page.getByText("You have completed this module.")).toBeVisible();

  await page.goto("/dashboard");
  await expect(page.getByText(/^1 of \d+ required modules complete$/)).toBeVisible();
  await expect(page.getByText(`${en.questions.length} of ${en.questions.length} correct (100%)`)).toBeVisible();
});

test("the reflection is saved to the journal and kept after signing in again", async ({ page, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules/rights-based-social-work");
  const box = page.locator("textarea[name=text]");
  await box.fill("Սա իմ անձնական նշումն է — a private note.");
  await page.getByRole("button", { name: "Save to my journal" }).click();
  await expect(page.getByText("Saved in your journal")).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules/rights-based-social-work");
  await expect(page.locator("textarea[name=text]")).toHaveValue("Սա իմ անձնական նշումն է — a private note.");
  await page.goto("/journal");
  await expect(page.getByText("Սա իմ անձնական նշումն է — a private note.")).toBeVisible();
});

test("a module not yet open is locked, with its opening date", async ({ page, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules");
  await expect(page.getByText("Locked").first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Water, sanitation and health/ })).toHaveCount(0);
  await page.goto("/modules/water-sanitation-health");
  await expect(page.getByText(/This module opens on \d{4}-\d{2}-\d{2}\./)).toBeVisible();
  await expect(page.locator("#module-body")).toHaveCount(0);
});

test("a Georgian reader of a module without Georgian text gets its frame in Georgian and the text in English, with a notice", async ({ page, makeUser }) => {
  const fellow = await makeUser({ role: "fellow", enrol: true, locale: "ka" });
  const moduleThree = JSON.parse(fs.readFileSync("build/content/community-needs-assessment.json", "utf8"));
  test.skip(moduleThree.locales.ka?.bodyTranslated === true, "module 3 is fully translated into Georgian now");
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules/community-needs-assessment");
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  const notice = page.getByRole("note").filter({ hasText: "ქართული" });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText("English");
  await expect(page.locator("article")).toHaveAttribute("lang", "en");
  if (moduleThree.locales.ka) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(moduleThree.locales.ka.frontmatter.title);
  }
});

test("a mentor reads a module with the answers shown and nothing recorded", async ({ page }) => {
  await signIn(page, "mentor@demo.test");
  await page.goto("/modules/water-sanitation-health");
  await expect(page.getByText("Correct answer:").first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark as read" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Check my answers" })).toHaveCount(0);
});

test("search finds module text with the words highlighted and links to the section", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/modules");
  await page.getByRole("link", { name: "Search the modules" }).click();
  await page.getByLabel("Words to find").fill("Sadakhlo school");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/search\?q=Sadakhlo\+school/);
  const first = page.getByRole("listitem").filter({ has: page.locator("mark") }).first();
  await expect(first.locator("mark").first()).toBeVisible();
  await first.getByRole("link").click();
  await expect(page).toHaveURL(/\/modules\/rights-based-social-work(#[a-z-]+)?$/);
});

test("the glossary lists key terms alphabetically with links to where they are introduced", async ({ page }) => {
  await signIn(page, "mentor@demo.test");
  await page.goto("/glossary");
  const terms = await page.locator("dl dt").allTextContents();
  expect(terms.length).toBeGreaterThan(5);
  const sorted = [...terms].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  expect(terms).toEqual(sorted);
  await page.getByRole("link", { name: /Introduced in/ }).first().click();
  await expect(page).toHaveURL(/\/modules\/[a-z-]+#term-\d+/);
});
