import type { Browser, Page } from "@playwright/test";
import { expect, signIn, type TestUser } from "./fixtures";

/** A mentor opens, from their review queue, the submission of the fellow called `name`. */
export async function openFromQueue(mentor: Page, name: string) {
  await mentor.goto("/mentor/queue");
  await mentor.getByRole("link", { name: new RegExp(name) }).click();
  await mentor.waitForURL(/\/mentor\/reviews\//);
}

/** A fellow writes and submits module 1's assignment from a browser of their own. */
export async function submitInOwnBrowser(browser: Browser, fellow: TestUser, text: string) {
  const context = await browser.newContext();
  const fellowPage = await context.newPage();
  await signIn(fellowPage, fellow.email, fellow.password);
  await fellowPage.goto("/modules/rights-based-social-work/assignment");
  await fellowPage.getByLabel("Your answer").fill(text);
  await fellowPage.getByLabel(/This is my own work/).check();
  await fellowPage.getByRole("button", { name: "Submit for review" }).click();
  await expect(fellowPage.getByRole("status")).toContainText("Submitted");
  await context.close();
}
