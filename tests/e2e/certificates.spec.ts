import fs from "node:fs";
import { createLocalJWKSet, jwtVerify } from "jose";
import { extractText, getDocumentProxy } from "unpdf";
import { DEMO_REQUIRED_MODULES } from "../../db/demo-modules";
import { database, expect, signIn, test } from "./fixtures";



/** Everything the demo cohort requires, done, except the last four of its 120 practice hours. */
function nearlyEligible(fellowId: string) {
  const db = database();
  const now = Date.now();
  DEMO_REQUIRED_MODULES.forEach((slug, i) => {
    db.prepare("insert into module_completions (fellow_id, module_slug, completed_at) values (?, ?, ?)").run(fellowId, slug, now);
    db.prepare(
      "insert into submissions (id, fellow_id, module_slug, assignment_key, attempt, body, status, mentor_id, late, version, created_at, updated_at, submitted_at) values (?, ?, ?, 'k', 1, 'Approved work.', 'approved', 'demo-mentor', 0, 1, ?, ?, ?)",
    ).run(`${fellowId}-s${i}`, fellowId, slug, now, now, now);
  });
  for (let w = 0; w < 29; w++) {
    const date = new Date(now - (w + 3) * 86_400_000).toISOString().slice(0, 10);
    db.prepare(
      "insert into practice_entries (id, fellow_id, date, quarters, kind, description, status, reviewed_by_id, version, created_at, updated_at) values (?, ?, ?, 16, 'direct_work', 'Weekly practice.', 'approved', 'demo-mentor', 1, ?, ?)",
    ).run(`${fellowId}-p${w}`, fellowId, date, now, now);
  }
}

test("a fellow's last hours make them eligible; a coordinator issues; PDF, credential and public verification; revocation shows", async ({ page, browser, makeUser, allowConsoleError }) => {
  test.setTimeout(120_000);
  allowConsoleError(/status of 40[04]/);
  const name = `Լուսինե Հակոբյան ${Date.now().toString(36)}`;
  const fellow = await makeUser({ name, locale: "hy", enrol: true });
  nearlyEligible(fellow.id);
  await signIn(page, fellow.email, fellow.password);
  await page.goto("/language");
  await page.goto("/certificate");
  await expect(page.getByTestId("eligibility")).toContainText("116");

  // The last four hours, approved by the mentor.
  await page.goto("/practice");
  await page.getByRole("textbox", { name: /Ժամեր|Hours/ }).first().fill("4");
  await page.getByLabel(/Կատարված աշխատանքը|What you did/).fill("Final case conference with the municipal social service.");
  await page.getByRole("button", { name: /Log the hours|Գրանցել/ }).click();
  const mentorContext = await browser.newContext();
  const mentor = await mentorContext.newPage();
  await signIn(mentor, "mentor@demo.test");
  await mentor.goto("/mentor/practice");
  const boxes = mentor.getByTestId("waiting-entries").locator(":scope > li").filter({ hasNotText: name }).getByRole("checkbox");
  for (const box of await boxes.all()) await box.uncheck();
  await mentor.getByRole("button", { name: "Approve the ticked entries" }).click();
  await expect(mentor.getByText("1 entry approved.")).toBeVisible();
  await mentorContext.close();

  // Coordinator issues.
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, "coordinator@demo.test");
  await coordinator.goto("/coordinator/certificates?cohort=demo-cohort-2026");
  const row = coordinator.getByTestId("certificate-candidates").getByRole("row", { name: new RegExp(name) });
  await expect(row).toContainText("Eligible");
  await row.getByRole("button", { name: /Issue/ }).click();
  await expect(coordinator.getByText("The certificate has been issued.")).toBeVisible();

  // The fellow's page: PDF, link, credential.
  await page.goto("/certificate");
  const certificate = page.getByTestId("certificate");
  await expect(certificate).toBeVisible();
  const verifyUrl = await certificate.getByRole("textbox").inputValue();
  const code = verifyUrl.split("/verify/")[1];
  expect(code).toMatch(/^[a-z2-7]{32}$/);
  const pdf = await page.request.get(`/certificates/${code}.pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const bytes = new Uint8Array(await pdf.body());
  expect(bytes.length).toBeLessThan(300 * 1024);
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  expect(text.replace(/\s+/g, " ")).toContain(name);
  expect(text.replace(/\s+/g, "")).toContain(code); // printed in full, wrapped over two lines

  const jwt = await (await page.request.get(`/certificates/${code}/credential`)).text();
  const jwks = createLocalJWKSet(await (await page.request.get("/.well-known/jwks.json")).json());
  const { payload } = await jwtVerify(jwt, jwks, { typ: "vc+jwt" });
  expect(payload).toMatchObject({ type: ["VerifiableCredential", "OpenBadgeCredential"], id: verifyUrl });
  expect(JSON.stringify(payload)).not.toContain(fellow.email);
  const [head, body, signature] = jwt.split(".");
  const flipped = `${head}.${body.slice(0, 10)}${body[10] === "A" ? "B" : "A"}${body.slice(11)}.${signature}`;
  await expect(jwtVerify(flipped, jwks)).rejects.toThrow();

  // Anyone can verify, without signing in.
  const visitor = await browser.newContext();
  const anonymous = await visitor.newPage();
  await anonymous.goto(new URL(verifyUrl).pathname);
  await expect(anonymous.getByTestId("verify-status")).toHaveText(/This certificate is valid/);
  await expect(anonymous.getByText(name)).toBeVisible();
  expect((await anonymous.request.get(`/verify/${"a".repeat(32)}`)).status()).toBe(404);

  // Revoked: the same page says so.
  await coordinator.goto("/coordinator/certificates?cohort=demo-cohort-2026");
  const issued = coordinator.getByTestId("issued-certificates").locator(":scope > li").filter({ hasText: name });
  await issued.getByText("Revoke or reissue").click();
  await issued.getByLabel(/Reason/).fill("Issued by mistake in a test.");
  await issued.getByRole("button", { name: "Revoke" }).click();
  await expect(coordinator.getByText("The certificate has been revoked")).toBeVisible();
  await coordinatorContext.close();
  await anonymous.reload();
  await expect(anonymous.getByTestId("verify-status")).toHaveText(/This certificate was revoked on \d{4}-\d{2}-\d{2}/);
  expect(await (await anonymous.request.get(`/verify/${code}/status`)).json()).toMatchObject({ status: "revoked" });
  await visitor.close();
});

test("a graduate downloads her certificate from her certificate page, in her own language", async ({ page }) => {
  const ka = JSON.parse(fs.readFileSync("app/locales/ka.json", "utf8")) as { certificate: { downloadPdf: string; downloadCredential: string } };
  await signIn(page, "graduate@demo.test");
  await page.goto("/certificate");
  const certificate = page.getByTestId("certificate");

  const pdfDownload = page.waitForEvent("download");
  await certificate.getByRole("link", { name: ka.certificate.downloadPdf }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toMatch(/^certificate-[a-z2-7]{8}\.pdf$/);
  const bytes = new Uint8Array(fs.readFileSync((await pdf.path())!));
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  expect(text.replace(/\s+/g, " ")).toContain("ნინო ბერიძე");

  const credentialDownload = page.waitForEvent("download");
  await certificate.getByRole("link", { name: ka.certificate.downloadCredential }).click();
  const jwt = fs.readFileSync((await (await credentialDownload).path())!, "utf8");
  const jwks = createLocalJWKSet(await (await page.request.get("/.well-known/jwks.json")).json());
  const { payload } = await jwtVerify(jwt, jwks, { typ: "vc+jwt" });
  expect(payload).toMatchObject({ type: ["VerifiableCredential", "OpenBadgeCredential"] });
});
