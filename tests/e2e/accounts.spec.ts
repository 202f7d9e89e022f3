import { database, expect, lastMailTo, signIn, test } from "./fixtures";

const NAVIGATION = {
  "fellow@demo.test": { name: "Günay Məmmədova", links: ["Dashboard"], absent: ["People", "My fellows"] },
  "mentor@demo.test": { name: "მარიამ გელაშვილი", links: ["My fellows"], absent: ["People", "Dashboard"] },
  "coordinator@demo.test": { name: "Ketevan Lomidze", links: ["People", "Outbox"], absent: ["Dashboard", "My fellows"] },
};

for (const [email, expected] of Object.entries(NAVIGATION)) {
  test(`${email} signs in and sees their own navigation`, async ({ page }) => {
    await signIn(page, email);
    const nav = page.getByRole("navigation", { name: "Main navigation" });
    for (const link of expected.links) await expect(nav.getByRole("link", { name: link })).toBeVisible();
    for (const link of expected.absent) await expect(nav.getByRole("link", { name: link })).toHaveCount(0);
    await expect(page.getByRole("banner")).toContainText(expected.name);
  });
}

test("a wrong password is refused with a clear message and the email kept", async ({ page, allowConsoleError }) => {
  allowConsoleError(/status of 400/);
  await page.goto("/login");
  await page.getByLabel("Email").fill("fellow@demo.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText("The email or password is not correct.");
  await expect(page.getByLabel("Email")).toHaveValue("fellow@demo.test");
  await expect(page).toHaveURL(/\/login/);
});

test("signing in returns to the page that was asked for, and signing out ends the session", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "fellow", name: "Ирина Смирнова" });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Ирина Смирнова");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("status")).toContainText("You have signed out.");
  const sessions = database().prepare("select count(*) as n from sessions where user_id = ?").get(user.id) as { n: number };
  expect(sessions.n).toBe(0);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdashboard/);
});

test("switching to Georgian changes the page and is remembered", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "fellow", name: "ნინო ბერიძე" });
  await signIn(page, user.email, user.password);
  await page.getByLabel("Language").selectOption("ka");
  await page.getByRole("button", { name: "Change language" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ნინო ბერიძე");
  await expect(page.getByRole("button", { name: "გასვლა" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  // A preference of the account: it follows the person to a new browser.
  const stored = database().prepare("select locale from users where id = ?").get(user.id) as { locale: string };
  expect(stored.locale).toBe("ka");
});

test("a fellow opening a coordinator page gets 404", async ({ page, allowConsoleError }) => {
  allowConsoleError(/404/);
  await signIn(page, "fellow@demo.test");
  const response = await page.goto("/coordinator/people");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
});

test("a coordinator invites a person, who accepts and is signed in", async ({ page, browser, allowConsoleError }) => {
  allowConsoleError(/status of 400/);
  await signIn(page, "coordinator@demo.test");
  await page.goto("/coordinator/people");
  const email = `invitee-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.org`;
  const invite = page.locator("form").filter({ has: page.getByRole("button", { name: "Send invitation" }) });
  // Bad input first: the message names the problem and the text stays.
  await invite.getByLabel("Email").fill("not-an-email");
  await invite.getByLabel("Name").fill("Արամ Պետրոսյան");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText("Enter an email address like name@example.org.")).toBeVisible();
  await expect(invite.getByLabel("Name")).toHaveValue("Արամ Պետրոսյան");
  await invite.getByLabel("Email").fill(email);
  await invite.getByLabel("Role").selectOption("mentor");
  await page.getByRole("button", { name: "Send invitation" }).click();
  const link = await page.getByTestId("invitation-link").textContent();
  expect(link).toContain("/invite/");
  expect(lastMailTo(email)?.text).toContain(link!);

  const invitee = await browser.newContext();
  const invitePage = await invitee.newPage();
  await invitePage.goto(new URL(link!).pathname);
  await expect(invitePage.getByLabel("Your name")).toHaveValue("Արամ Պետրոսյան");
  await invitePage.getByLabel("Language").last().selectOption("hy");
  await invitePage.getByLabel("Password", { exact: true }).fill("short");
  await invitePage.getByLabel("Repeat the password").fill("short");
  await invitePage.getByRole("button", { name: "Create my account" }).click();
  await expect(invitePage.getByText("Use a password of 10 to 256 characters.")).toBeVisible();
  await expect(invitePage.getByLabel("Your name")).toHaveValue("Արամ Պետրոսյան");
  await invitePage.getByLabel("Password", { exact: true }).fill("a passphrase for aram");
  await invitePage.getByLabel("Repeat the password").fill("a passphrase for aram");
  await invitePage.getByRole("button", { name: "Create my account" }).click();
  await expect(invitePage).toHaveURL(/\/mentor\/fellows/);
  await expect(invitePage.locator("html")).toHaveAttribute("lang", "hy");
  await expect(invitePage.getByRole("banner")).toContainText("Արամ Պետրոսյան");
  // The link works once.
  await invitePage.goto(new URL(link!).pathname);
  await expect(invitePage.getByRole("alert")).toBeVisible();
  await invitee.close();
});

test("forgot password: a reset link arrives, sets a new password and signs in", async ({ page, makeUser }) => {
  const user = await makeUser({ role: "mentor" });
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(user.email);
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toContainText("If an account exists for that address");
  const link = lastMailTo(user.email)?.text.match(/http\S+\/reset-password\/\S+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname);
  await page.getByLabel("New password", { exact: true }).fill("a completely new passphrase");
  await page.getByLabel("Repeat the new password").fill("a completely new passphrase");
  await page.getByRole("button", { name: "Save the new password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password has been changed");
  await expect(page).toHaveURL(/\/mentor\/fellows/);
});

test("a coordinator deactivates an account and its session ends at once", async ({ page, browser, makeUser }) => {
  const user = await makeUser({ role: "fellow", name: "Elvin Hüseynov" });
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, user.email, user.password);
  await signIn(page, "coordinator@demo.test");
  await page.goto(`/coordinator/people/${user.id}`);
  await page.getByRole("button", { name: "Deactivate account" }).click();
  await expect(page.getByRole("status")).toContainText("has been deactivated");
  await theirPage.goto("/dashboard");
  await expect(theirPage).toHaveURL(/\/login/);
  await page.getByRole("button", { name: "Reactivate account" }).click();
  await expect(page.getByRole("status")).toContainText("has been reactivated");
  await theirs.close();
});
