import type { Browser } from "@playwright/test";
import { expect, signIn, test } from "./fixtures";

function day(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

async function mentorPage(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "mentor@demo.test");
  return { page, context };
}

test("learning agreement: the fellow drafts, the mentor sends it back then approves, the fellow signs", async ({ page, browser, makeUser, allowConsoleError }) => {
  test.setTimeout(90_000);
  allowConsoleError(/status of 400/);
  const fellow = await makeUser({ name: `Leyla ${Date.now().toString(36)}`, enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/practice/agreement");
  await page.getByLabel("Expected practice hours per week").fill("8");
  const goals = [
    ["Assess needs with families", "Two home visits with my supervisor", "Assessments reviewed by my supervisor"],
    ["Refer to municipal services", "Attend the monthly case meeting", "One referral and its answer"],
  ];
  for (const [i, [title, activities, evidence]] of goals.entries()) {
    const goal = page.getByRole("group", { name: `Goal ${i + 1}` });
    await goal.getByLabel("Goal", { exact: true }).fill(title);
    await goal.getByLabel("Activities that will reach it").fill(activities);
    await goal.getByLabel("How progress will show").fill(evidence);
  }
  // Two goals are not enough; what was typed stays.
  await page.getByRole("button", { name: "Send to my mentor for approval" }).click();
  await expect(page.getByText("Fill in between 3 and 6 goals")).toBeVisible();
  await expect(page.getByRole("group", { name: "Goal 2" }).getByLabel("Goal", { exact: true })).toHaveValue("Refer to municipal services");
  const third = page.getByRole("group", { name: /Goal 3/ });
  await third.getByLabel("Goal", { exact: true }).fill("Co-facilitate a bilingual community meeting");
  await third.getByLabel("Activities that will reach it").fill("Plan it with the village council");
  await third.getByLabel("How progress will show").fill("Attendance and the questions raised");
  await third.getByLabel(/Related module/).selectOption({ label: "Working across languages and cultures" });
  await page.getByRole("button", { name: "Send to my mentor for approval" }).click();
  await expect(page.getByText("Your learning agreement has been sent to your mentor.")).toBeVisible();
  await expect(page.getByText("Waiting for your mentor's answer.")).toBeVisible();

  const mentor = await mentorPage(browser);
  await mentor.page.goto("/mentor/practice");
  await mentor.page.getByRole("link", { name: new RegExp(fellow.name) }).click();
  await mentor.page.waitForURL(/\/fellows\/.+\/practice/);
  await mentor.page.getByRole("button", { name: "Send back with my comment" }).click();
  await expect(mentor.page.getByText("Write a comment to say what should change.")).toBeVisible();
  await mentor.page.getByLabel(/Your comment/).fill("Say how many referrals you aim for.");
  await mentor.page.getByRole("button", { name: "Send back with my comment" }).click();
  await expect(mentor.page.getByText("The learning agreement has been sent back with your comment.")).toBeVisible();

  await page.goto("/practice/agreement");
  await expect(page.getByText("Mentor's comment: Say how many referrals you aim for.")).toBeVisible();
  await page.getByRole("group", { name: "Goal 2" }).getByLabel("How progress will show").fill("Two referrals and their answers");
  await page.getByRole("button", { name: "Send to my mentor for approval" }).click();
  await expect(page.getByText("Waiting for your mentor's answer.")).toBeVisible();

  await mentor.page.reload();
  await mentor.page.getByRole("button", { name: "Approve" }).click();
  await expect(mentor.page.getByText("The learning agreement has been approved")).toBeVisible();
  await mentor.context.close();

  await page.goto("/practice/agreement");
  await page.getByRole("button", { name: "Sign the learning agreement" }).click();
  await expect(page.getByText("You have signed the learning agreement.")).toBeVisible();
  await expect(page.getByText("Version 1: signed and in force")).toBeVisible();
  const timeline = page.getByTestId("agreement-timeline");
  await expect(timeline).toContainText("Approved by მარიამ გელაშვილი");
  await expect(timeline).toContainText(`Signed by ${fellow.name}`);
  await expect(page.getByRole("button", { name: "Propose a new version" })).toBeVisible();
});

test("practice hours: logged, one sent back and the rest approved; totals and dashboard follow", async ({ page, browser, makeUser, allowConsoleError }) => {
  test.setTimeout(90_000);
  allowConsoleError(/status of 400/);
  const fellow = await makeUser({ name: `Giorgi ${Date.now().toString(36)}`, enrol: true });
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/practice");
  const log = async (date: string, hours: string, description: string) => {
    await page.getByLabel("Date").first().fill(date);
    await page.getByRole("textbox", { name: "Hours", exact: true }).fill(hours);
    await page.getByLabel("What you did").fill(description);
    await page.getByRole("button", { name: "Log the hours" }).click();
  };
  // Bad input: not a quarter hour, a phone number in the description; the text stays.
  await log(day(-2), "1.3", "Visit; call the mother on 599 123 456");
  await expect(page.getByText("Use quarter hours: .25, .5 or .75.")).toBeVisible();
  await expect(page.getByText("Please remove the contact details")).toBeVisible();
  await expect(page.getByLabel("What you did")).toHaveValue("Visit; call the mother on 599 123 456");
  await log(day(-2), "7", "Home visit with my supervisor.");
  await expect(page.getByText("The hours have been logged")).toBeVisible();
  await log(day(-2), "6", "Writing up the assessment.");
  await expect(page.getByText("A day can hold at most 12 hours; 7 h are already logged for this date.")).toBeVisible();
  await log(day(-3), "2.5", "Case meeting at the municipality.");
  await log(day(-4), "1.25", "Reading the centre's safeguarding procedure.");
  await expect(page.getByTestId("hours-waiting")).toHaveText("10.75");

  const mentor = await mentorPage(browser);
  await mentor.page.goto("/mentor/practice");
  const mine = mentor.page.getByTestId("waiting-entries").locator(":scope > li").filter({ hasText: fellow.name });
  await expect(mine).toHaveCount(3);
  const reading = mine.filter({ hasText: "safeguarding" });
  await reading.getByText("Send this entry back").click();
  await reading.getByLabel("What should the fellow change?").fill("Reading counts as training, not direct work.");
  await reading.getByRole("button", { name: "Send back" }).click();
  await expect(mentor.page.getByText("The entry has been sent back to the fellow.")).toBeVisible();
  // Approve only this fellow's entries: untick everyone else's.
  const boxes = mentor.page.getByTestId("waiting-entries").locator(":scope > li").filter({ hasNotText: fellow.name }).getByRole("checkbox");
  for (const box of await boxes.all()) await box.uncheck();
  await mentor.page.getByRole("button", { name: "Approve the ticked entries" }).click();
  await expect(mentor.page.getByText("2 entries approved.")).toBeVisible();
  await mentor.context.close();

  await page.goto("/practice");
  await expect(page.getByTestId("hours-approved")).toHaveText("9.5");
  await expect(page.getByTestId("hours-returned")).toHaveText("1.25");
  await expect(page.getByText("Mentor's comment: Reading counts as training, not direct work.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page.getByText("9.5 of 120 required hours approved")).toBeVisible();
  await expect(page.getByTestId("dashboard-hours")).toContainText("sent back: 1.25 h");

  // The fellow corrects the returned entry; it goes back to the mentor.
  await page.goto("/practice");
  await page.getByTestId("practice-entries").locator(":scope > li").filter({ hasText: "safeguarding" }).getByRole("link", { name: /Change/ }).click();
  await page.waitForURL(/\/practice\/entries\//);
  await page.getByLabel("Kind of activity").selectOption({ label: "Training" });
  await page.getByRole("button", { name: "Save and send to the mentor again" }).click();
  await expect(page.getByText("The entry has been saved.")).toBeVisible();
  await expect(page.getByTestId("hours-waiting")).toHaveText("1.25");
  await expect(page.getByTestId("hours-returned")).toHaveText("0");
});

test("supervision: the mentor records a session with agreed actions and follows one up; the fellow sees it, reflects, and the hours count", async ({ page, browser, makeUser }) => {
  test.setTimeout(60_000);
  const fellow = await makeUser({ name: `Rəşad ${Date.now().toString(36)}`, enrol: true });
  const mentor = await mentorPage(browser);
  await mentor.page.goto(`/fellows/${fellow.id}/practice`);
  await mentor.page.getByText("Record a supervision session").click();
  await mentor.page.getByLabel("Date").fill(day(-1));
  await mentor.page.getByLabel("Length in hours").fill("1.5");
  await mentor.page.getByLabel("Topics discussed").fill("Boundaries on home visits; keeping case notes anonymous.");
  await mentor.page.getByLabel(/Agreed actions/).fill("Reread the safeguarding procedure\nPlan the next visit with the family");
  await mentor.page.getByRole("button", { name: "Record the session" }).click();
  await expect(mentor.page.getByText("The supervision session has been recorded.")).toBeVisible();
  const session = mentor.page.getByTestId("supervision-sessions").locator(":scope > li").first();
  await expect(session).toContainText(`${day(-1)} · 1.5 h`);
  await session.getByLabel("Follow-up of “Reread the safeguarding procedure”").selectOption({ label: "done" });
  await session.getByRole("button", { name: "Update" }).first().click();
  await expect(mentor.page.getByText("The follow-up has been updated.")).toBeVisible();
  await expect(session.getByLabel("Follow-up of “Reread the safeguarding procedure”")).toHaveValue("done");
  await mentor.context.close();

  await signIn(page, fellow.email, fellow.password);
  await page.goto("/practice");
  await expect(page.getByTestId("hours-approved")).toHaveText("1.5");
  const mine = page.getByTestId("supervision-sessions").locator(":scope > li").first();
  await expect(mine).toContainText("Boundaries on home visits");
  await mine.getByLabel("Fellow's reflection").fill("I will ask before taking notes in a family's home.");
  await mine.getByRole("button", { name: "Save reflection" }).click();
  await expect(page.getByText("Your reflection has been saved.")).toBeVisible();
  await expect(page.getByTestId("supervision-sessions").locator(":scope > li").first().getByLabel("Fellow's reflection")).toHaveValue(
    "I will ask before taking notes in a family's home.",
  );
});
