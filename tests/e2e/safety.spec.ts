// Issue #8 in the browser and over HTTP: forged cross-site posts to every
// action are refused before they run, and script in every free-text field
// stays text for every role that sees it.
import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { hash } from "@node-rs/argon2";
import fs from "node:fs";
import path from "node:path";
import { DEMO_PASSWORD, E2E_BASE_URL } from "./env";
import { database, expect, signIn, test } from "./fixtures";
import { ROUTE_TABLE } from "./route-table";

const ROUTES = path.resolve("app/routes");
const actionRoutes = fs
  .readdirSync(ROUTES)
  .filter((f) => /export async function action/.test(fs.readFileSync(path.join(ROUTES, f), "utf8")))
  .map((f) => `routes/${f.replace(/\.tsx$/, "")}`);

async function signedIn(email: string): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const response = await context.post("/login", { form: { email, password: DEMO_PASSWORD, redirectTo: "" }, maxRedirects: 0 });
  expect(response.status()).toBe(302);
  return context;
}

/** Every text column of every table that contains `marker`: what a forged request would have written. */
function rowsContaining(marker: string) {
  const db = database();
  const found: string[] = [];
  for (const table of db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").pluck().all() as string[]) {
    const columns = (db.prepare(`pragma table_info("${table}")`).all() as Array<{ name: string; type: string }>).filter((c) => /text/i.test(c.type));
    if (!columns.length) continue;
    const where = columns.map((c) => `"${c.name}" like ?`).join(" or ");
    const n = db.prepare(`select count(*) from "${table}" where ${where}`).pluck().get(...columns.map(() => `%${marker}%`)) as number;
    if (n) found.push(`${table}: ${n}`);
  }
  return found;
}

test("every action refuses a cross-site post (foreign Origin, Sec-Fetch-Site, foreign Referer) with 403 and writes nothing", async () => {
  test.setTimeout(90_000);
  const marker = `forged${Date.now().toString(36)}`;
  expect(actionRoutes.length).toBeGreaterThanOrEqual(25);
  const contexts = { coordinator: await signedIn("coordinator@demo.test"), fellow: await signedIn("fellow@demo.test"), mentor: await signedIn("mentor@demo.test") };
  const form: Record<string, string> = {};
  for (const name of ["name", "displayName", "email", "body", "comment", "reason", "description", "topics", "title", "feedback", "municipality", "csv", "text", "password", "confirmPassword", "currentPassword", "actions", "reflection", "hoursPerWeek", "goal1Title"]) {
    form[name] = name === "email" ? `${marker}@e2e.test` : `${marker} text`;
  }
  const forgeries: Array<[string, Record<string, string>]> = [
    ["foreign Origin", { Origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["foreign Referer, no Origin", { Referer: "https://evil.example/page" }],
  ];
  let posts = 0;
  for (const routeId of actionRoutes) {
    const entry = ROUTE_TABLE[routeId];
    expect(entry, `${routeId} in the route table`).toBeTruthy();
    const url = entry.path.includes("{") ? entry.path.replace("{graduateCode}", "x") : entry.path;
    for (const context of Object.values(contexts)) {
      for (const intent of ["save", "submit", "invite", "log", "approve", "delete", "issue", "revoke"]) {
        for (const [label, headers] of forgeries) {
          const response = await context.post(url, { form: { ...form, intent }, headers, maxRedirects: 0 });
          expect(response.status(), `${label} POST ${url}`).toBe(403);
          posts++;
        }
      }
    }
  }
  expect(posts).toBeGreaterThan(1000);
  expect(rowsContaining(marker)).toEqual([]);
  // Logout was among them: the sessions still work.
  expect((await contexts.fellow.get("/dashboard", { maxRedirects: 0 })).status()).toBe(200);
  await Promise.all(Object.values(contexts).map((c) => c.dispose()));
});

/** Scripts that would run if any of them reached the page as HTML; each sets `window.__xss`. */
const PAYLOADS = [
  `<script>window.__xss=1</script>`,
  `<img src=x onerror="window.__xss=1">`,
  `<svg onload=window.__xss=1>`,
  `"><script>window.__xss=1</script>`,
  `'><img src=x onerror=window.__xss=1>`,
  `</textarea><script>window.__xss=1</script>`,
  `</title><script>window.__xss=1</script>`,
  `</script><script>window.__xss=1</script>`,
  `<iframe src="javascript:parent.__xss=1"></iframe>`,
  `<body onload=window.__xss=1>`,
  `<details open ontoggle=window.__xss=1>`,
  `<a href="javascript:window.__xss=1">link</a>`,
  `[link](javascript:window.__xss=1)`,
  `![x](x" onerror="window.__xss=1)`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>`,
  `<scr<script>ipt>window.__xss=1</script>`,
  `<input autofocus onfocus=window.__xss=1>`,
  `<video><source onerror=window.__xss=1></video>`,
  `<object data="javascript:window.__xss=1"></object>`,
  `<embed src="javascript:window.__xss=1">`,
  `{{constructor.constructor('window.__xss=1')()}}`,
  "${window.__xss=1}",
  `<style>@import 'javascript:window.__xss=1';</style>`,
  `<meta http-equiv="refresh" content="0;url=javascript:window.__xss=1">`,
  `<base href="javascript:window.__xss=1//">`,
  `&lt;script&gt;window.__xss=1&lt;/script&gt;`,
  `<svg><script>window.__xss=1</script></svg>`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">`,
  `<template><script>window.__xss=1</script></template>`,
  `javascript:window.__xss=1`,
  `<form action="javascript:window.__xss=1"><button>x</button></form>`,
  `" onmouseover="window.__xss=1" x="`,
  `<img src=x:x onerror=eval(atob('d2luZG93Ll9feHNzPTE='))>`,
];

async function watch(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __xss: number; __csp: string[] };
    w.__xss = 0;
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective}: ${e.sample || e.blockedURI}`));
  });
}

async function expectInert(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(400);
  await page.waitForLoadState("load");
  const state = await page.evaluate(() => ({ xss: (window as unknown as { __xss: number }).__xss, csp: (window as unknown as { __csp: string[] }).__csp }));
  expect(state, url).toEqual({ xss: 0, csp: [] });
}

test("script in every free-text field stays text, for every role that sees it, with no CSP violation needed", async ({ browser, allowConsoleError }) => {
  test.setTimeout(120_000);
  allowConsoleError(/status of 40[04]/);
  const run = Date.now().toString(36);
  const db = database();
  const now = Date.now();
  const all = PAYLOADS.join(" ");
  const passwordHash = await hash("e2e passphrase long enough", { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const mentorId = `xss-mentor-${run}`;
  const cohortId = `xss-cohort-${run}`;
  db.prepare("insert into users (id, email, display_name, role, password_hash, created_at) values (?, ?, ?, 'mentor', ?, ?)").run(mentorId, `${mentorId}@e2e.test`, `XSS mentor ${PAYLOADS[1]}`, passwordHash, now);
  db.prepare("insert into cohorts (id, name, region, starts_on, ends_on, required_practice_hours, created_at) values (?, ?, 'other', '2026-01-05', '2026-12-18', 10, ?)").run(cohortId, `XSS cohort ${run} ${PAYLOADS[0]}`, now);
  db.prepare("insert into cohort_modules (id, cohort_id, module_slug, position, opens_on, due_on, required) values (?, ?, 'rights-based-social-work', 1, '2026-01-05', '2026-02-01', 1)").run(`${cohortId}-m1`, cohortId);
  const fellows: string[] = [];
  PAYLOADS.forEach((payload, i) => {
    const orgId = `xss-org-${run}-${i}`;
    db.prepare("insert into organizations (id, name, municipality, region, contact_name, created_at) values (?, ?, ?, 'other', ?, ?)").run(orgId, `XSS org ${i} ${payload}`, `Town ${payload}`, payload, now);
    const id = `xss-fellow-${run}-${i}`;
    db.prepare("insert into users (id, email, display_name, role, password_hash, created_at) values (?, ?, ?, 'fellow', ?, ?)").run(id, `${id}@e2e.test`, `XSS ${i} ${payload}`, passwordHash, now);
    db.prepare("insert into enrollments (id, cohort_id, fellow_id, organization_id, mentor_id, status, created_at) values (?, ?, ?, ?, ?, 'active', ?)").run(`${id}-e`, cohortId, id, orgId, mentorId, now);
    fellows.push(id);
  });
  const fellow = fellows[0];
  const submission = `xss-submission-${run}`;
  db.prepare(
    "insert into submissions (id, fellow_id, module_slug, assignment_key, attempt, body, status, mentor_id, late, version, created_at, updated_at, submitted_at) values (?, ?, 'rights-based-social-work', 'rights-case-analysis', 1, ?, 'revision_requested', ?, 0, 3, ?, ?, ?)",
  ).run(submission, fellow, `## Case\n\n${PAYLOADS.join("\n\n")}`, mentorId, now, now, now);
  db.prepare(
    "insert into reviews (id, submission_id, mentor_id, rubric, pass_mark, levels, criterion_comments, feedback, decision, version, created_at, updated_at, released_at) values (?, ?, ?, ?, 0, ?, ?, ?, 'revise', 1, ?, ?, ?)",
  ).run(`${submission}-r`, submission, mentorId, JSON.stringify([{ id: "c1", title: `Criterion ${PAYLOADS[2]}`, levels: [{ points: 1, label: PAYLOADS[3], description: PAYLOADS[4] }] }]), JSON.stringify({ c1: 1 }), JSON.stringify({ c1: all }), all, now, now, now);
  PAYLOADS.forEach((payload, i) => db.prepare("insert into comments (id, submission_id, author_id, body, created_at) values (?, ?, ?, ?, ?)").run(`${submission}-c${i}`, submission, i % 2 ? mentorId : fellow, payload, now + i));
  db.prepare("insert into notifications (id, user_id, kind, \"values\", link, created_at) values (?, ?, 'comment_added', ?, '/dashboard', ?)").run(`${submission}-n`, fellow, JSON.stringify({ module: "rights-based-social-work", name: PAYLOADS[0] }), now);
  db.prepare("insert into learning_agreements (id, fellow_id, version, status, organization_name, hours_per_week, mentor_comment, mentor_id, row_version, created_at, updated_at, signed_at) values (?, ?, 1, 'signed', ?, 8, ?, ?, 1, ?, ?, ?)").run(`${submission}-a`, fellow, PAYLOADS[5], PAYLOADS[6], mentorId, now, now, now);
  PAYLOADS.slice(0, 6).forEach((payload, i) => db.prepare("insert into agreement_goals (id, agreement_id, position, title, activities, evidence) values (?, ?, ?, ?, ?, ?)").run(`${submission}-g${i}`, `${submission}-a`, i + 1, payload, all, all));
  PAYLOADS.forEach((payload, i) =>
    db.prepare("insert into practice_entries (id, fellow_id, date, quarters, kind, description, status, mentor_comment, version, created_at, updated_at) values (?, ?, '2026-03-02', 1, 'direct_work', ?, ?, ?, 1, ?, ?)").run(`${submission}-p${i}`, fellow, payload, i % 3 ? "waiting" : "returned", payload, now, now),
  );
  db.prepare("insert into supervision_sessions (id, fellow_id, recorded_by_id, date, quarters, topics, fellow_reflection, created_at, updated_at) values (?, ?, ?, '2026-03-03', 4, ?, ?, ?, ?)").run(`${submission}-s`, fellow, mentorId, all, all, now, now);
  db.prepare("insert into supervision_actions (id, session_id, position, text, status, updated_at) values (?, ?, 1, ?, 'open', ?)").run(`${submission}-sa`, `${submission}-s`, PAYLOADS[7], now);

  try {
    // The coordinator's pages, including a CSV import of names carrying the payloads.
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    await watch(coordinator);
    await signIn(coordinator, "coordinator@demo.test");
    await coordinator.goto(`/coordinator/people/import?cohort=${cohortId}`);
    const csv = ["email,name,role,organisation,mentor email,language", ...PAYLOADS.slice(0, 10).map((p, i) => `xss-import-${run}-${i}@e2e.test,"XSS import ${p.replace(/"/g, '""')}",fellow,"${p.replace(/"/g, '""')}",${mentorId}@e2e.test,en`)].join("\n");
    await coordinator.getByLabel(/paste the CSV/).fill(csv);
    await coordinator.getByRole("button", { name: "Check the file" }).click();
    await expect(coordinator.getByTestId("import-rows")).toBeVisible();
    expect(await coordinator.evaluate(() => ({ xss: (window as unknown as { __xss: number }).__xss, csp: (window as unknown as { __csp: string[] }).__csp }))).toEqual({ xss: 0, csp: [] });
    for (const url of [
      "/coordinator/people?q=XSS",
      `/coordinator/people/${fellow}`,
      "/coordinator/organizations",
      `/coordinator/organizations/xss-org-${run}-0`,
      "/coordinator/cohorts",
      `/coordinator/cohorts/${cohortId}`,
      `/coordinator/cohorts/${cohortId}/edit`,
      `/coordinator/cohorts/${cohortId}/gradebook`,
      `/coordinator/cohorts/${cohortId}/report`,
      `/coordinator/certificates?cohort=${cohortId}`,
      `/fellows/${fellow}/progress`,
      `/fellows/${fellow}/practice`,
      `/mentor/reviews/${submission}`,
    ]) {
      await expectInert(coordinator, url);
    }
    await coordinatorContext.close();

    // The mentor's pages.
    const mentorContext = await browser.newContext();
    const mentor = await mentorContext.newPage();
    await watch(mentor);
    await signIn(mentor, `${mentorId}@e2e.test`, "e2e passphrase long enough");
    for (const url of ["/mentor/fellows", "/mentor/queue", "/mentor/practice", `/mentor/reviews/${submission}`, `/fellows/${fellow}/practice`, `/fellows/${fellow}/progress`]) {
      await expectInert(mentor, url);
    }
    await mentorContext.close();

    // The fellow's own pages.
    const fellowContext = await browser.newContext();
    const own = await fellowContext.newPage();
    await watch(own);
    await signIn(own, `${fellow}@e2e.test`, "e2e passphrase long enough");
    for (const url of ["/dashboard", "/assignments", "/modules/rights-based-social-work/assignment", "/practice", "/practice/agreement", "/practice/reviews", "/notifications", "/account", "/certificate"]) {
      await expectInert(own, url);
    }
    // The text is shown as text.
    await own.goto("/modules/rights-based-social-work/assignment");
    await expect(own.getByText("<script>window.__xss=1</script>").first()).toBeVisible();
    await fellowContext.close();
  } finally {
    const ids = [mentorId, ...fellows];
    db.prepare(`delete from comments where submission_id = ?`).run(submission);
    db.prepare(`delete from submissions where id = ?`).run(submission);
    for (const id of ids) {
      for (const table of ["notifications", "practice_entries", "supervision_sessions", "learning_agreements", "enrollments", "sessions"]) {
        db.prepare(`delete from ${table} where ${table === "enrollments" || table === "practice_entries" || table === "supervision_sessions" || table === "learning_agreements" ? "fellow_id" : "user_id"} = ?`).run(id);
      }
    }
    db.prepare("delete from enrollments where cohort_id = ?").run(cohortId);
    db.prepare("delete from cohort_modules where cohort_id = ?").run(cohortId);
    db.prepare("delete from cohorts where id = ?").run(cohortId);
    for (const id of ids) db.prepare("update audit_events set actor_id = null where actor_id = ?").run(id);
    for (const id of ids) db.prepare("delete from users where id = ?").run(id);
    db.prepare("delete from organizations where id like ?").run(`xss-org-${run}-%`);
  }
});
