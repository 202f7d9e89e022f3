import { request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { DEMO_PASSWORD, E2E_BASE_URL } from "./env";
import { database, expect, test } from "./fixtures";
import { ACTORS, ROUTE_TABLE, type Actor, type Outcome } from "./route-table";

test("every route in the Remix manifest is in the route × role table, and nothing else is", async () => {
  const build = await import(pathToFileURL(path.resolve("build/server/index.js")).href);
  expect(Object.keys(build.routes).sort()).toEqual(Object.keys(ROUTE_TABLE).sort());
});

async function contextFor(actor: Actor): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  if (actor === "anonymous") return context;
  const response = await context.post("/login", {
    form: { email: ACTORS[actor], password: DEMO_PASSWORD, redirectTo: "" },
    maxRedirects: 0,
  });
  expect(response.status(), `sign-in of ${actor}`).toBe(302);
  return context;
}

function dataUrl(pagePath: string) {
  const [pathname, query] = pagePath.split("?");
  return `${pathname === "/" ? "/_root" : pathname}.data${query ? `?${query}` : ""}`;
}

/** Resource routes answer with their own body; they have no separate data URL. */
const RESOURCE_ROUTES = new Set([
  "routes/modules.$slug_.body",
  "routes/submissions.$submissionId.files.$fileId",
  "routes/coordinator.cohorts.$cohortId.gradebook[.csv]",
  "routes/coordinator.cohorts.$cohortId.report[.csv]",
  "routes/coordinator.cohorts.$cohortId.fellows[.csv]",
  "routes/coordinator.cohorts.$cohortId.practice[.csv]",
  "routes/verify.$code_.status",
  "routes/certificates.$file",
  "routes/certificates.$code_.credential",
  "routes/[.well-known].jwks[.json]",
  "routes/offline[.json]",
]);

async function expectPage(context: APIRequestContext, url: string, outcome: Outcome, label: string) {
  const response = await context.get(url, { maxRedirects: 0 });
  const location = response.headers()["location"] ?? "";
  if (outcome === 200) expect(response.status(), label).toBe(200);
  if (outcome === 404) expect(response.status(), label).toBe(404);
  if (outcome === "login") {
    expect(response.status(), label).toBe(302);
    expect(location, label).toMatch(/^\/login\?redirectTo=/);
  }
  if (outcome === "home") {
    expect(response.status(), label).toBe(302);
    expect(location, label).not.toMatch(/^\/login/);
  }
}

/** Remix's single-fetch data URL: the loader data a client-side navigation would get. */
async function expectData(context: APIRequestContext, url: string, outcome: Outcome, label: string) {
  const response = await context.get(url, { maxRedirects: 0 });
  const body = await response.text();
  if (outcome === 200) expect(response.status(), label).toBe(200);
  if (outcome === 404) expect(response.status(), label).toBe(404);
  if (outcome === "login" || outcome === "home") {
    // Single fetch answers redirects with 202 and the target in the payload.
    expect(response.status(), label).toBe(202);
    expect(body, label).toContain("SingleFetchRedirect");
    if (outcome === "login") expect(body, label).toContain("/login?redirectTo=");
    else expect(body, label).not.toContain("/login?redirectTo=");
  }
}

const actors: Actor[] = ["anonymous", "fellow", "otherFellow", "mentor", "otherMentor", "coordinator"];

/** Records created at start-up with random ids (the demo certificate's code) are looked up in the database. */
function concretePath(path: string) {
  if (!path.includes("{graduateCode}")) return path;
  const row = database().prepare("select code from certificates where fellow_id = 'demo-graduate' and revoked_at is null").get() as { code: string } | undefined;
  expect(row, "the demo graduate's certificate").toBeTruthy();
  return path.replace("{graduateCode}", row!.code);
}

for (const actor of actors) {
  test(`route × role: ${actor}`, async () => {
    const context = await contextFor(actor);
    for (const [routeId, entry] of Object.entries(ROUTE_TABLE)) {
      if (entry.layout) continue;
      const outcome = entry.access[actor];
      const path = concretePath(entry.path);
      await expectPage(context, path, outcome, `${actor} GET ${path} (${routeId})`);
      if (!RESOURCE_ROUTES.has(routeId)) {
        await expectData(context, dataUrl(path), outcome, `${actor} GET ${dataUrl(path)} (${routeId})`);
      }
    }
    await context.dispose();
  });
}

test("a record that does not exist and a record you may not see look the same", async () => {
  const coordinator = await contextFor("coordinator");
  const missing = await coordinator.get("/coordinator/people/no-such-person");
  expect(missing.status()).toBe(404);
  const fellow = await contextFor("fellow");
  const forbidden = await fellow.get("/coordinator/people/demo-fellow-2");
  expect(forbidden.status()).toBe(404);
  const body = await forbidden.text();
  expect(body).not.toContain("fellow2@demo.test");
  expect(body).not.toContain("Анна Петрова");
  const forbiddenData = await fellow.get("/coordinator/people/demo-fellow-2.data");
  expect(await forbiddenData.text()).not.toContain("fellow2@demo.test");
  const mentor = await contextFor("mentor");
  const fellows = await (await mentor.get("/mentor/fellows")).text();
  expect(fellows).toContain("Günay Məmmədova");
  expect(fellows).not.toContain("Анна Петрова"); // mentored by the other mentor
  expect(fellows).toContain("submission waits for your review"); // the demo submission
  // Modules: one that does not exist, and one not yet open, for a fellow.
  expect((await fellow.get("/modules/no-such-module")).status()).toBe(404);
  expect((await coordinator.get("/modules/no-such-module")).status()).toBe(404);
  expect((await fellow.get("/modules/water-sanitation-health/body")).status()).toBe(404);
  expect((await fellow.get("/fellows/no-such-fellow/progress")).status()).toBe(404);
  expect((await coordinator.get("/fellows/demo-mentor/progress")).status()).toBe(404);
  expect((await coordinator.get("/coordinator/cohorts/no-such-cohort/gradebook")).status()).toBe(404);
  expect((await coordinator.get("/submissions/demo-submission-1/files/no-such-file")).status()).toBe(404);
  expect((await mentor.get("/mentor/reviews/no-such-submission")).status()).toBe(404);
  await Promise.all([coordinator.dispose(), fellow.dispose(), mentor.dispose()]);
});

/**
 * Issue #8: every route that takes an id, asked by each actor for a record
 * that belongs to someone else, answers exactly like a record that does not
 * exist — same status, same page, no trace of the record.
 */
test("ids that belong to someone else look exactly like ids that do not exist", async () => {
  const db = database();
  const now = Date.now();
  const stamp = now.toString(36);
  // Records of fellow2 (mentored by mentor2): a submission, its attachment, a practice entry.
  const submission = `foreign-sub-${stamp}`;
  db.prepare(
    "insert into submissions (id, fellow_id, module_slug, assignment_key, attempt, body, status, mentor_id, late, version, created_at, updated_at, submitted_at) values (?, 'demo-fellow-2', 'rights-based-social-work', 'k', 99, 'Secret case notes of Анна', 'submitted', 'demo-mentor-2', 0, 1, ?, ?, ?)",
  ).run(submission, now, now, now);
  db.prepare("insert into submission_files (id, submission_id, fellow_id, name, stored_name, mime, size, sha256, created_at) values (?, ?, 'demo-fellow-2', 'anna-secret.pdf', ?, 'application/pdf', 10, 'x', ?)").run(
    `foreign-file-${stamp}`,
    submission,
    `foreignstored${stamp}`,
    now,
  );
  db.prepare("insert into practice_entries (id, fellow_id, date, quarters, kind, description, status, version, created_at, updated_at) values (?, 'demo-fellow-2', '2026-03-02', 4, 'direct_work', 'Anna secret practice', 'waiting', 1, ?, ?)").run(
    `foreign-entry-${stamp}`,
    now,
    now,
  );
  const graduateCode = (db.prepare("select code from certificates where fellow_id = 'demo-graduate' and revoked_at is null").pluck().get() as string) ?? "";
  // [actor, a URL with someone else's id, the same URL with an id that does not exist, text that must not appear]
  const cases: Array<[Actor, string, string, string]> = [
    ["fellow", "/fellows/demo-fellow-2/progress", "/fellows/no-such-id/progress", "Анна"],
    ["fellow", "/fellows/demo-fellow-2/practice", "/fellows/no-such-id/practice", "Анна"],
    ["otherFellow", "/fellows/demo-fellow/progress", "/fellows/no-such-id/progress", "Günay"],
    ["mentor", "/fellows/demo-fellow-2/practice", "/fellows/no-such-id/practice", "Анна"],
    ["otherMentor", "/fellows/demo-fellow/practice", "/fellows/no-such-id/practice", "Günay"],
    ["coordinator", "/fellows/demo-mentor/progress", "/fellows/no-such-id/progress", "მარიამ"],
    ["mentor", `/mentor/reviews/${submission}`, "/mentor/reviews/no-such-id", "Secret"],
    ["otherMentor", "/mentor/reviews/demo-submission-1", "/mentor/reviews/no-such-id", "school"],
    ["fellow", `/submissions/${submission}/files/foreign-file-${stamp}`, "/submissions/no-such-id/files/no-such-file", "anna-secret"],
    ["mentor", `/submissions/${submission}/files/foreign-file-${stamp}`, "/submissions/no-such-id/files/no-such-file", "anna-secret"],
    ["coordinator", `/submissions/demo-submission-1/files/foreign-file-${stamp}`, "/submissions/demo-submission-1/files/no-such-file", "anna-secret"],
    ["fellow", `/practice/entries/foreign-entry-${stamp}`, "/practice/entries/no-such-id", "Anna secret"],
    ["fellow", `/certificates/${graduateCode}.pdf`, `/certificates/${"a".repeat(32)}.pdf`, "ნინო"],
    ["mentor", `/certificates/${graduateCode}/credential`, `/certificates/${"a".repeat(32)}/credential`, "ნინო"],
    ["fellow", "/coordinator/cohorts/demo-cohort-2026", "/coordinator/cohorts/no-such-id", "Kvemo"],
    ["mentor", "/coordinator/organizations/org-marneuli", "/coordinator/organizations/no-such-id", "Marneuli"],
    ["otherMentor", "/coordinator/people/demo-fellow", "/coordinator/people/no-such-id", "Günay"],
  ];
  const contexts = new Map<Actor, APIRequestContext>();
  try {
    for (const [actor, foreign, missing, secret] of cases) {
      if (!contexts.has(actor)) contexts.set(actor, await contextFor(actor));
      const context = contexts.get(actor)!;
      for (const [a, b] of [
        [foreign, missing],
        [dataUrl(foreign), dataUrl(missing)],
      ]) {
        const [one, two] = await Promise.all([context.get(a, { maxRedirects: 0 }), context.get(b, { maxRedirects: 0 })]);
        expect(one.status(), `${actor} ${a}`).toBe(404);
        expect(two.status(), `${actor} ${b}`).toBe(404);
        const strip = (body: string, url: string) => body.replaceAll(url, "URL").replace(/nonce="[^"]+"/g, "").replace(/\/assets\/[^"]+/g, "");
        const body = await one.text();
        expect(body, `${actor} ${a}`).not.toContain(secret);
        expect(strip(body, a), `${actor} ${a} looks like ${b}`).toBe(strip(await two.text(), b));
      }
    }
  } finally {
    for (const context of contexts.values()) await context.dispose();
    db.prepare("delete from practice_entries where id = ?").run(`foreign-entry-${stamp}`);
    db.prepare("delete from submission_files where submission_id = ?").run(submission);
    db.prepare("delete from submissions where id = ?").run(submission);
  }
});
