import fs from "node:fs";
import { expect, signIn, test } from "./fixtures";

/** A date `days` from today, as the date inputs take it. */
function day(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

test("a coordinator sets up a cohort, imports people, enrols and pairs, then watches the matrix and the at-risk list", async ({ page, makeUser, allowConsoleError }, info) => {
  test.setTimeout(120_000);
  allowConsoleError(/status of 400/);
  const run = `${info.project.name}-${Date.now().toString(36)}`;
  await signIn(page, "coordinator@demo.test");

  // A host organisation; a form with a mistake comes back filled in.
  await page.goto("/coordinator/organizations");
  await page.getByLabel("Name", { exact: true }).fill(`Rustavi Care ${run}`);
  await page.getByLabel("Contact email (optional)").fill("not an email");
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByText("Please correct the problems below.")).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(`Rustavi Care ${run}`);
  await page.getByLabel("Municipality").fill("Rustavi");
  await page.getByLabel("Contact email (optional)").fill("office@rustavi-care.example");
  await page.getByRole("button", { name: "Add organisation" }).click();
  await expect(page.getByRole("link", { name: `Rustavi Care ${run}` })).toBeVisible();

  // A cohort that started two months ago: every module is scheduled for it at once.
  await page.goto("/coordinator/cohorts/new");
  await page.getByLabel("Name").fill(`Cohort ${run}`);
  await page.getByLabel("Starts on").fill(day(-60));
  await page.getByLabel("Ends on").fill(day(-70));
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page.getByText("The end date must not be before the start date.")).toBeVisible();
  await page.getByLabel("Ends on").fill(day(200));
  await page.getByLabel("Required practice hours").fill("80");
  await page.getByRole("button", { name: "Create cohort" }).click();
  await expect(page).toHaveURL(/\/coordinator\/cohorts\/[a-z0-9]+\/edit/);
  const cohortUrl = page.url().replace(/\/edit.*$/, "");
  const items = page.locator("#schedule ol > li");
  await expect(items).toHaveCount(10);
  await expect(items.first()).toContainText("Rights-based social work in Europe");

  // Schedule: module 2 moves up to first place; the dates being typed go along.
  await page.getByLabel("Due on (optional)").nth(1).fill(day(-5));
  await page.getByRole("button", { name: "Up: Person-centred assessment and care planning" }).click();
  await expect(items.first()).toContainText("Person-centred assessment and care planning");
  await expect(page.getByLabel("Due on (optional)").first()).toHaveValue(day(-5));
  // A due date before the opening date is refused, and the form keeps what was typed.
  await page.getByLabel("Due on (optional)").nth(1).fill(day(-90));
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("The due date must not be before the module opens.")).toBeVisible();
  await expect(page.getByLabel("Due on (optional)").nth(1)).toHaveValue(day(-90));
  await page.getByLabel("Due on (optional)").nth(1).fill(day(-4));
  await page.getByRole("button", { name: "Save schedule" }).click();
  await expect(page.getByText("The schedule has been saved.")).toBeVisible();
  await expect(items.first()).toContainText("Person-centred assessment and care planning");
  await expect(page.getByLabel("Due on (optional)").nth(1)).toHaveValue(day(-4));

  // Import: two good rows and one bad one.
  await page.goto(`/coordinator/people/import?cohort=${cohortUrl.split("/").pop()}`);
  const csv = [
    "email,name,role,organisation,mentor email,language",
    `ani-${run}@e2e.test,Ani Grigoryan,fellow,Rustavi Care ${run},mentor@demo.test,hy`,
    `rashad-${run}@e2e.test,Rəşad Quliyev,fellow,Marneuli Community Development Centre,mentor2@demo.test,az`,
    `broken-${run},Broken Row,fellow,,nobody@e2e.test,en`,
  ].join("\n");
  await page.getByLabel("CSV file", { exact: true }).setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${csv}`, "utf8") });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("3 rows: 2 can be imported, 1 have problems")).toBeVisible();
  const broken = page.getByRole("row", { name: /Broken Row/ });
  await expect(broken).toContainText("The email address is not valid.");
  await expect(broken).toContainText("No mentor has this email.");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByText("Import finished: 2 invited, 2 enrolled, 1 skipped.")).toBeVisible();

  // Enrol and pair a fellow who already has an account.
  const fellow = await makeUser({ name: `Նարե ${run}` });
  await page.goto(`/coordinator/people/${fellow.id}`);
  await page.getByLabel("Cohort", { exact: true }).selectOption({ label: `Cohort ${run}` });
  await page.getByLabel("Host organisation").selectOption({ label: `Rustavi Care ${run}` });
  await page.getByLabel("Mentor").selectOption({ label: "Արմեն Սարգսյան" });
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByText("The fellow has been enrolled.")).toBeVisible();
  await expect(page.getByTestId("enrolment-history")).toContainText(`Cohort ${run} · active`);

  // The cohort page: every fellow in the matrix, and all three at risk with the module overdue.
  await page.goto(cohortUrl);
  const matrix = page.getByTestId("progress-matrix");
  for (const name of ["Ani Grigoryan", "Rəşad Quliyev", `Նարե ${run}`]) await expect(matrix.getByRole("link", { name })).toBeVisible();
  await expect(matrix.getByRole("link", { name: "Broken Row" })).toHaveCount(0);
  await expect(matrix.getByRole("row", { name: /Ani Grigoryan/ })).toContainText(`Rustavi Care ${run} · მარიამ გელაშვილი`);
  const atRisk = page.getByTestId("at-risk");
  await expect(atRisk.locator(":scope > li")).toHaveCount(3);
  const rashad = atRisk.locator(":scope > li").filter({ hasText: "Rəşad Quliyev" });
  await expect(rashad).toContainText(`Module 2 was due on ${day(-5)} and is not complete.`);
  await expect(rashad).toContainText(`Module 1 was due on ${day(-4)} and is not complete.`);

  // Filtering by mentor narrows the matrix and the list.
  await page.getByRole("combobox", { name: "Mentor" }).selectOption({ label: "Արմեն Սարգսյան" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/mentor=demo-mentor-2/);
  await expect(matrix.getByRole("row")).toHaveCount(3); // header + two fellows
  await expect(atRisk.locator(":scope > li")).toHaveCount(2);

  // The reports download as CSV with a byte-order mark.
  const report = await page.request.get(`${cohortUrl}/report.csv`);
  expect(report.headers()["content-type"]).toContain("text/csv");
  const body = await report.text();
  expect(body.charCodeAt(0)).toBe(0xfeff);
  expect(body).toContain(`Rustavi Care ${run},Rustavi,2,2,0,0,0,0,0,0`);
  const fellows = await (await page.request.get(`${cohortUrl}/fellows.csv`)).text();
  expect(fellows).toContain("Rəşad Quliyev");

  // Withdrawing keeps the history; the matrix no longer lists the fellow.
  await page.goto(`/coordinator/people/${fellow.id}`);
  await page.getByRole("button", { name: "Withdraw the fellow" }).click();
  await expect(page.getByText("Please fill in this field.")).toBeVisible();
  await page.getByLabel("Reason").fill("Took a job in Tbilisi.");
  await page.getByRole("button", { name: "Withdraw the fellow" }).click();
  await expect(page.getByTestId("enrolment-history")).toContainText("Reason: Took a job in Tbilisi.");
  await page.goto(cohortUrl);
  await expect(matrix.getByRole("link", { name: `Նարե ${run}` })).toHaveCount(0);
  await expect(page.getByText("Withdrawn", { exact: true }).locator("..")).toContainText("1");
});

test("a coordinator opens the donor report from the cohort page and downloads it as CSV", async ({ page }) => {
  await signIn(page, "coordinator@demo.test");
  await page.goto("/coordinator/cohorts/demo-cohort-2026");
  await page.getByRole("link", { name: "Donor report" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Donor report: Kvemo Kartli & Samtskhe-Javakheti 2026");
  // The demo cohort places one fellow in Bolnisi; other tests enrol theirs in Marneuli.
  const byOrganisation = page.getByRole("table", { name: "By host organisation" });
  const bolnisi = byOrganisation.getByRole("row", { name: /Bolnisi Women's Initiative/ });
  await expect(bolnisi.getByRole("cell").first()).toHaveText("1"); // enrolled
  await expect(page.getByRole("table", { name: "By municipality" }).getByRole("rowheader", { name: "Bolnisi" })).toBeVisible();

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("donor-report-demo-cohort-2026.csv");
  const csv = fs.readFileSync((await download.path())!, "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toMatch(/^By host organisation,Bolnisi Women's Initiative,Bolnisi,1,1,0,/m);
});
