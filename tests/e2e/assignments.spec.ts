import fs from "node:fs";
import { openFromQueue, submitInOwnBrowser } from "./assignment-helpers";
import { expect, lastMailTo, signIn, test } from "./fixtures";

test("the review cycle: draft, submit, revision with rubric levels, resubmit, approve", async ({ page, browser, makeUser, allowConsoleError }) => {
  test.setTimeout(90_000);
  allowConsoleError(/status of 400/);
  const name = `Fellow ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/assignments");
  await page.getByRole("link", { name: /Analyse a case|case/i }).first().click();
  await expect(page).toHaveURL(/\/modules\/rights-based-social-work\/assignment$/);
  await expect(page.getByRole("heading", { name: "How it will be assessed" })).toBeVisible();

  const text = "## My case\n\nA family in Sadakhlo. <script>window.__pwned = 1</script> **Rights** at stake.";
  await page.getByLabel("Your answer").fill(text);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByRole("status")).toContainText("Draft saved at");
  await expect(page.getByLabel("Your answer")).toHaveValue(text);

  // Submitting without the statement keeps the text and says why.
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("alert")).toContainText("tick the statement");
  await expect(page.getByLabel("Your answer")).toHaveValue(text);
  await page.getByLabel("Attachments (optional)").setInputFiles({
    name: "field-notes.pdf",
    mimeType: "application/pdf",
    buffer: Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1"),
  });
  await page.getByLabel(/This is my own work/).check();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Submitted for review");
  await expect(page.getByText("Waiting for your mentor's feedback.")).toBeVisible();
  await expect(page.getByRole("link", { name: "field-notes.pdf" })).toBeVisible();

  // The mentor asks for a revision.
  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await signIn(mentor, "mentor@demo.test");
  await mentor.goto("/mentor/queue");
  await mentor.getByRole("link", { name: new RegExp(name) }).click();
  await expect(mentor.getByRole("heading", { name: "Submission" })).toBeVisible();
  // A script in the submission stays inert; the attachment is there to download.
  expect(await mentor.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(mentor.getByRole("link", { name: "field-notes.pdf" })).toBeVisible();
  const criteria = mentor.locator("fieldset:has(legend) >> nth=0");
  await expect(criteria).toBeVisible();
  const fieldsets = mentor.locator("form fieldset").filter({ has: mentor.locator('input[type="radio"][name^="level:"]') });
  const count = await fieldsets.count();
  for (let i = 0; i < count; i++) await fieldsets.nth(i).locator('input[type="radio"]').nth(1).check();
  await mentor.getByLabel("Overall feedback (Markdown)").fill("Good start. Please name the duty-bearers.");
  await mentor.getByLabel("Ask for a revision").check();
  await mentor.getByRole("button", { name: "Save as draft" }).click();
  await expect(mentor.getByRole("status").first()).toContainText("Review draft saved");

  // The fellow sees nothing until the mentor releases it.
  await page.reload();
  await expect(page.getByText("Please name the duty-bearers")).toHaveCount(0);

  await mentor.getByRole("button", { name: "Release to the fellow" }).click();
  await expect(mentor.getByRole("status").first()).toContainText("released");

  await page.reload();
  await expect(page.getByText("Revision requested").first()).toBeVisible();
  await expect(page.getByText("Please name the duty-bearers")).toBeVisible();
  // The new attempt starts from the previous text.
  await expect(page.getByLabel("Your answer")).toHaveValue(text);
  await page.getByLabel("Your answer").fill(`${text}\n\nThe duty-bearers are the school and the municipality.`);
  await page.getByLabel(/This is my own work/).check();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByText("Attempt 2")).toBeVisible();

  await openFromQueue(mentor, name);
  await expect(mentor.getByText("Attempt 2").first()).toBeVisible();
  const again = mentor.locator("form fieldset").filter({ has: mentor.locator('input[type="radio"][name^="level:"]') });
  for (let i = 0; i < count; i++) await again.nth(i).locator('input[type="radio"]').last().check();
  await mentor.getByLabel("Approve").check();
  await mentor.getByRole("button", { name: "Release to the fellow" }).click();
  await expect(mentor.getByRole("status").first()).toContainText("released");

  await page.goto("/assignments");
  await expect(page.getByText("Approved").first()).toBeVisible();
  await mentorContext.close();
});

test("two tabs saving one review: the second gets a conflict and keeps its text", async ({ browser, makeUser }) => {
  test.setTimeout(60_000);
  const name = `Conflict ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await submitInOwnBrowser(browser, fellow, "My analysis.");

  const context = await browser.newContext();
  const first = await context.newPage();
  await signIn(first, "mentor@demo.test");
  await openFromQueue(first, name);
  const url = first.url();
  const second = await context.newPage();
  await second.goto(url);
  await first.getByLabel("Overall feedback (Markdown)").fill("From the first tab.");
  await first.getByRole("button", { name: "Save as draft" }).click();
  await expect(first.getByRole("status").first()).toContainText("Review draft saved");
  await second.getByLabel("Overall feedback (Markdown)").fill("From the second tab, not to be lost.");
  await second.getByRole("button", { name: "Save as draft" }).click();
  await expect(second.getByRole("alert")).toContainText("changed since you opened the page");
  await expect(second.getByLabel("Overall feedback (Markdown)")).toHaveValue("From the second tab, not to be lost.");
  await context.close();
});

test("with JavaScript, the draft saves itself and an unsent copy is offered back after a lost save", async ({ page, makeUser }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, "an enhancement that needs JavaScript");
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules/rights-based-social-work/assignment");
  await page.waitForLoadState("networkidle");
  const box = page.getByLabel("Your answer");
  await box.fill("Autosaved text about Tsalka.");
  // Leaving the tab saves at once instead of waiting 30 seconds.
  await page.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(page.getByText(/Saved automatically at/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Your answer")).toHaveValue("Autosaved text about Tsalka.");

  // Now the connection drops: saves fail, the text stays in this browser.
  await page.route("**/modules/rights-based-social-work/assignment*", (route) =>
    route.request().method() === "POST" ? route.abort() : route.continue(),
  );
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Your answer").fill("Text typed while the connection was down.");
  await page.unroute("**/modules/rights-based-social-work/assignment*");
  await page.reload();
  await expect(page.getByText(/An unsent copy of your text/)).toBeVisible();
  await page.getByRole("button", { name: "Restore that copy" }).click();
  await expect(page.getByLabel("Your answer")).toHaveValue("Text typed while the connection was down.");
});

test("comments and notifications: the other side is told, in the app and by mail unless switched off", async ({ page, browser, makeUser, allowConsoleError }) => {
  test.setTimeout(60_000);
  allowConsoleError(/status of 400/);
  const name = `Notified ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await signIn(page, fellow.email, fellow.password);
  // Comment mail switched off: the notification still arrives in the app.
  await page.goto("/account");
  await page.getByLabel("Someone comments on a submission").uncheck();
  await page.getByRole("button", { name: "Save mail settings" }).click();
  await expect(page.getByRole("status")).toContainText("mail settings have been saved");

  await page.goto("/modules/rights-based-social-work/assignment");
  await page.getByLabel("Your answer").fill("Text for the comment thread.");
  await page.getByLabel(/This is my own work/).check();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Submitted");
  expect(lastMailTo("mentor@demo.test")?.subject).toContain(name);

  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await signIn(mentor, "mentor@demo.test");
  await mentor.goto("/notifications");
  await mentor.getByRole("link", { name: new RegExp(`${name} submitted`) }).first().click();
  await expect(mentor).toHaveURL(/\/mentor\/reviews\//);
  // An empty comment is refused with a message; a script in a comment stays inert.
  await mentor.getByRole("button", { name: "Send comment" }).click();
  await expect(mentor.getByText("Please fill in this field.")).toBeVisible();
  await mentor.getByLabel("Write a comment").fill('Good start <img src=x onerror="window.__pwned=1">');
  await mentor.getByRole("button", { name: "Send comment" }).click();
  await expect(mentor.getByText("Your comment has been sent.")).toBeVisible();
  await mentorContext.close();

  await page.goto("/notifications");
  await expect(page.getByRole("link", { name: /commented on the assignment/ })).toBeVisible();
  await page.getByRole("link", { name: /commented on the assignment/ }).click();
  await expect(page.getByText("Good start")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(lastMailTo(fellow.email)).toBeUndefined();
  await page.goto("/notifications");
  await page.getByRole("button", { name: "Mark all as read" }).click();
  await expect(page.getByRole("button", { name: "Mark all as read" })).toHaveCount(0);
});

test("attachments: a real PDF is kept and served only as a download; disguised, oversized and oddly named files are handled", async ({ page, makeUser, allowConsoleError }) => {
  test.setTimeout(60_000);
  allowConsoleError(/status of 400/);
  const fellow = await makeUser({ role: "fellow", enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/modules/rights-based-social-work/assignment");
  const pdf = Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", "latin1");
  await page.getByLabel("Your answer").fill("Text with attachments.");
  await page.getByLabel("Attachments (optional)").setInputFiles([
    { name: "../../notes.pdf", mimeType: "application/pdf", buffer: pdf },
    { name: "page.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") },
    { name: "big.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(11 * 1024 * 1024, 0x25) },
  ]);
  await page.getByRole("button", { name: "Save draft" }).click();
  const problems = page.getByRole("alert");
  await expect(problems).toContainText("page.pdf: not a PDF, DOCX, ODT, JPG or PNG file");
  await expect(problems).toContainText("big.pdf: larger than 10 MB");
  await expect(page.getByLabel("Your answer")).toHaveValue("Text with attachments.");
  await page.goto("/modules/rights-based-social-work/assignment");
  const link = page.getByRole("link", { name: "notes.pdf" });
  await expect(link).toBeVisible();
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="notes.pdf"/);
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  // Every policy sent is enforced: the site's, and one that sandboxes the file.
  expect(response.headers()["content-security-policy"].split(",").map((p) => p.trim())).toContain("sandbox");
  expect(Buffer.from(await response.body()).equals(pdf)).toBe(true);
});

test("the coordinator's gradebook, its CSV for spreadsheets, and handing a submission to another mentor", async ({ page, browser, makeUser }) => {
  test.setTimeout(60_000);
  const name = `Graded ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await submitInOwnBrowser(browser, fellow, "For the gradebook.");

  await signIn(page, "coordinator@demo.test");
  await page.getByRole("navigation", { name: "Main navigation" }).getByRole("link", { name: "Cohorts" }).click();
  await page.getByRole("link", { name: /Gradebook.*Samtskhe-Javakheti 2026/ }).click();
  await page.waitForURL(/demo-cohort-2026\/gradebook/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row.getByText("Submitted").first()).toBeVisible();

  const csv = await page.request.get(page.url().replace(/gradebook$/, "gradebook.csv"));
  const bytes = Buffer.from(await csv.body());
  expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  const text = bytes.toString("utf8");
  expect(text).toContain("ლევან კაპანაძე");
  expect(text).toContain("Արամ Պետրոսյան");
  expect(text).toContain(name);

  await row.getByRole("link", { name: /Submitted/ }).first().click();
  await page.getByLabel("Hand this submission to another mentor").selectOption({ label: "Արմեն Սարգսյան" });
  await page.getByRole("button", { name: "Reassign" }).click();
  await expect(page.getByRole("status").first()).toContainText("handed to the chosen mentor");
  const mentor2 = await browser.newContext();
  const m2 = await mentor2.newPage();
  await signIn(m2, "mentor2@demo.test");
  await m2.goto("/mentor/queue");
  await expect(m2.getByRole("link", { name: new RegExp(name) })).toBeVisible();
  await mentor2.close();
});

test("with JavaScript, the mentor's review draft saves itself, and the next manual save still passes the conflict check", async ({ browser, makeUser }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, "an enhancement that needs JavaScript");
  test.setTimeout(60_000);
  const name = `Autosaved review ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await submitInOwnBrowser(browser, fellow, "To be reviewed.");

  const context = await browser.newContext();
  const mentor = await context.newPage();
  await signIn(mentor, "mentor@demo.test");
  await openFromQueue(mentor, name);
  await mentor.waitForLoadState("networkidle");
  await mentor.getByLabel("Overall feedback (Markdown)").fill("Autosaved feedback <script>window.__pwned=1</script>");
  await mentor.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await expect(mentor.getByText(/Saved automatically at/)).toBeVisible();
  await mentor.getByLabel("Overall feedback (Markdown)").fill("Autosaved feedback, then saved by hand.");
  await mentor.getByRole("button", { name: "Save as draft" }).click();
  await expect(mentor.getByRole("status").first()).toContainText("Review draft saved");
  await mentor.reload();
  await expect(mentor.getByLabel("Overall feedback (Markdown)")).toHaveValue("Autosaved feedback, then saved by hand.");
  await context.close();
});

test("a module whose rules ask for an approved assignment completes when the mentor approves it", async ({ page, browser, makeUser }) => {
  test.setTimeout(60_000);
  const moduleTwo = JSON.parse(fs.readFileSync("build/content/person-centred-practice.json", "utf8"));
  test.skip(!moduleTwo.completion.assignmentApproved, "module 2 does not ask for an approved assignment");
  const name = `Completer ${Date.now().toString(36)}`;
  const fellow = await makeUser({ role: "fellow", name, enrol: true });
  await signIn(page, fellow.email, fellow.password);
  const url = "/modules/person-centred-practice";
  // Reading and the knowledge check, posted as the page's own forms would.
  for (const section of moduleTwo.locales.en.sections) {
    await page.request.post(url, { form: { intent: "mark-read", sectionId: section.id }, maxRedirects: 0 });
  }
  const answers: Array<[string, string]> = [["intent", "knowledge-check"]];
  for (const q of moduleTwo.locales.en.questions) {
    for (const a of Array.isArray(q.answer) ? q.answer : [q.answer]) answers.push([`q:${q.id}`, a]);
  }
  await page.request.post(url, {
    data: new URLSearchParams(answers).toString(),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    maxRedirects: 0,
  });
  await page.goto(url);
  await expect(page.getByText("You have completed this module.")).toHaveCount(0);

  await page.goto(`${url}/assignment`);
  await page.getByLabel("Your answer").fill("A care plan written with the person.");
  await page.getByLabel(/This is my own work/).check();
  await page.getByRole("button", { name: "Submit for review" }).click();
  await expect(page.getByRole("status")).toContainText("Submitted");

  const context = await browser.newContext();
  const mentor = await context.newPage();
  await signIn(mentor, "mentor@demo.test");
  await openFromQueue(mentor, name);
  await expect(mentor.getByRole("heading", { name: "Submission" })).toBeVisible();
  const fieldsets = mentor.locator("form fieldset").filter({ has: mentor.locator('input[type="radio"][name^="level:"]') });
  const criteria = moduleTwo.locales.en.frontmatter.assignment.rubric.length;
  await expect(fieldsets).toHaveCount(criteria);
  for (let i = 0; i < criteria; i++) await fieldsets.nth(i).locator('input[type="radio"]').last().check();
  await mentor.getByLabel("Approve").check();
  await mentor.getByRole("button", { name: "Release to the fellow" }).click();
  await expect(mentor.getByRole("status").first()).toContainText("released");
  await context.close();

  await page.goto(url);
  await expect(page.getByText("You have completed this module.")).toBeVisible();
});
