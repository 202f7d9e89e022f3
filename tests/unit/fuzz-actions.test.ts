// Property-based fuzzing of every form action (issue #8): random Unicode, very
// long strings, missing, repeated and extra fields, files where text is
// expected. Each action is called in-process with a real session on a real
// SQLite copy. No case may end in a server error: each is accepted (200 or a
// redirect) or refused with a form error, 404, 409 or 429; the database passes
// `PRAGMA integrity_check` afterwards.
import fc from "fast-check";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { createSession } from "~/domain/accounts/sessions.server";
import { getConnection, getDb } from "~/lib/db.server";
import { SAMPLE_SLUG, useSampleContent } from "../setup/sample-content";

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;
type Target = { route: string; actor: string | null; params?: Record<string, string>; runs: number };

const ROUTES_DIR = path.resolve("app/routes");
const FELLOW = "demo-fellow";
const MENTOR = "demo-mentor";
const COORDINATOR = "demo-coordinator";

/** Every action, who calls it, and how many cases (fewer where a password is hashed). */
const TARGETS: Target[] = [
  { route: "account", actor: FELLOW, runs: 150 },
  { route: "coordinator.certificates", actor: COORDINATOR, runs: 400 },
  { route: "coordinator.cohorts.$cohortId.edit", actor: COORDINATOR, params: { cohortId: "demo-cohort-2026" }, runs: 500 },
  { route: "coordinator.cohorts.new", actor: COORDINATOR, runs: 400 },
  { route: "coordinator.organizations.$organizationId", actor: COORDINATOR, params: { organizationId: "org-tsalka" }, runs: 400 },
  { route: "coordinator.organizations._index", actor: COORDINATOR, runs: 400 },
  { route: "coordinator.people.$personId", actor: COORDINATOR, params: { personId: "demo-fellow-7" }, runs: 500 },
  { route: "coordinator.people._index", actor: COORDINATOR, runs: 400 },
  { route: "coordinator.people.import", actor: COORDINATOR, runs: 400 },
  { route: "fellows.$fellowId.practice", actor: MENTOR, params: { fellowId: FELLOW }, runs: 500 },
  { route: "forgot-password", actor: null, runs: 300 },
  { route: "invite.$token", actor: null, params: { token: "not-a-real-token" }, runs: 300 },
  { route: "language", actor: null, runs: 300 },
  { route: "login", actor: null, runs: 150 },
  { route: "logout", actor: FELLOW, runs: 200 },
  { route: "mentor.practice", actor: MENTOR, runs: 500 },
  { route: "mentor.reviews.$submissionId", actor: MENTOR, params: { submissionId: "demo-submission-1" }, runs: 500 },
  { route: "modules.$slug", actor: FELLOW, params: { slug: SAMPLE_SLUG }, runs: 500 },
  { route: "modules.$slug_.assignment", actor: FELLOW, params: { slug: SAMPLE_SLUG }, runs: 500 },
  { route: "notifications", actor: FELLOW, runs: 300 },
  { route: "practice._index", actor: FELLOW, runs: 700 },
  { route: "practice.agreement", actor: FELLOW, runs: 500 },
  { route: "practice.entries.$entryId", actor: FELLOW, params: { entryId: "demo-practice-returned" }, runs: 500 },
  { route: "practice.reviews", actor: FELLOW, runs: 400 },
  { route: "reset-password.$token", actor: null, params: { token: "not-a-real-token" }, runs: 300 },
];

/** The field names and button values a route's forms use, read from its source and the components it renders. */
function vocabulary() {
  const files = [...fs.readdirSync(ROUTES_DIR).map((f) => path.join(ROUTES_DIR, f))];
  for (const dir of ["app/components", "app/components/cohorts", "app/components/practice"]) {
    for (const f of fs.readdirSync(dir)) if (f.endsWith(".tsx")) files.push(path.join(dir, f));
  }
  const names = new Set<string>();
  const values = new Set<string>();
  for (const file of files) {
    const source = fs.readFileSync(file, "utf8");
    for (const m of source.matchAll(/name="([A-Za-z][\w:]*)"/g)) names.add(m[1]);
    for (const m of source.matchAll(/form\.get(?:All)?\("([A-Za-z][\w:]*)"\)/g)) names.add(m[1]);
    for (const m of source.matchAll(/value="([a-zA-Z][\w-]*)"/g)) values.add(m[1]);
    for (const m of source.matchAll(/intent === "([a-zA-Z-]+)"/g)) values.add(m[1]);
  }
  // Fields whose names are built at run time.
  for (const n of ["goal1Title", "goal1Activities", "goal1Evidence", "goal1Module", "goal2Title", "goal3Title", `opensOn:${SAMPLE_SLUG}`, `dueOn:${SAMPLE_SLUG}`, `required:${SAMPLE_SLUG}`]) names.add(n);
  for (const v of [`up:${SAMPLE_SLUG}`, `down:${SAMPLE_SLUG}`, `remove:${SAMPLE_SLUG}`, "approve", "revise"]) values.add(v);
  // Fields a user should not be able to set at all.
  for (const n of ["role", "userId", "fellowId", "mentorId", "status", "grade", "points", "cohortId"]) names.add(n);
  return { names: [...names].sort(), values: [...values].sort() };
}

const tokens: Record<string, string> = {};

beforeAll(async () => {
  await useSampleContent();
  // The sample module open in the demo cohort, so module and assignment actions reach their services.
  getDb().insert(schema.cohortModules).values({ id: "fuzz-schedule", cohortId: "demo-cohort-2026", moduleSlug: SAMPLE_SLUG, position: 99, opensOn: "2020-01-01", dueOn: null, required: false }).run();
});

afterAll(() => {
  const { sqlite } = getConnection();
  expect(sqlite.pragma("integrity_check", { simple: true })).toBe("ok");
  expect(sqlite.pragma("foreign_key_check")).toEqual([]);
});

function sessionCookie(actor: string | null) {
  if (!actor) return "";
  tokens[actor] ??= createSession(actor).token;
  return `fellowship_session=${tokens[actor]}`;
}

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom("", " ", "0", "-1", "1.25", "12", "999999999999", "2026-02-30", "2026-11-01", "NaN", "null", "true", "on", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u0000", "\u202e", "demo-fellow", "demo-mentor", "coordinator", "approved", "x".repeat(5000)),
  fc.string({ unit: "grapheme", minLength: 2000, maxLength: 12000 }),
);

/** A random form: some known fields (with random or plausible values), sometimes repeated, sometimes a file. */
function formArbitrary(names: string[], values: string[]) {
  const field = fc.record({
    name: fc.oneof(fc.constantFrom(...names), fc.string({ maxLength: 12 })),
    value: fc.oneof(text, fc.constantFrom(...values)),
    repeat: fc.nat({ max: 2 }),
    file: fc.boolean().map((b) => b && Math.random() < 0.1),
  });
  return fc.record({ intent: fc.option(fc.constantFrom(...values), { nil: undefined }), fields: fc.array(field, { maxLength: 14 }), multipart: fc.boolean() });
}

async function run(action: Action, target: Target, sample: { intent?: string; fields: Array<{ name: string; value: string; repeat: number; file: boolean }>; multipart: boolean }) {
  const form = new FormData();
  if (sample.intent) form.append("intent", sample.intent);
  for (const f of sample.fields) {
    for (let i = 0; i <= f.repeat; i++) {
      if (f.file) form.append(f.name, new File([f.value], `${f.value.slice(0, 20)}.pdf`, { type: "application/pdf" }));
      else form.append(f.name, f.value);
    }
  }
  const hasFile = sample.fields.some((f) => f.file);
  const body = sample.multipart || hasFile ? form : new URLSearchParams([...form].map(([k, v]) => [k, typeof v === "string" ? v : v.name]));
  const request = new Request(`http://localhost/${target.route}`, { method: "POST", body, headers: { Cookie: sessionCookie(target.actor) } });
  let status: number;
  try {
    const result = await action({ request, params: target.params ?? {}, context: { clientAddress: "203.0.113.9" } });
    status = result instanceof Response ? result.status : ((result as { init?: { status?: number } } | null)?.init?.status ?? 200);
  } catch (thrown) {
    if (!(thrown instanceof Response)) throw thrown;
    status = thrown.status;
  }
  expect([200, 204, 302, 303, 400, 404, 409, 413, 429]).toContain(status);
}

describe("fuzzing every action", () => {
  const { names, values } = vocabulary();
  it("covers every route that has an action", () => {
    const withActions = fs.readdirSync(ROUTES_DIR).filter((f) => /export async function action/.test(fs.readFileSync(path.join(ROUTES_DIR, f), "utf8")));
    expect(TARGETS.map((t) => `${t.route}.tsx`).sort()).toEqual(withActions.sort());
    expect(TARGETS.reduce((n, t) => n + t.runs, 0)).toBeGreaterThanOrEqual(10_000);
  });

  for (const target of TARGETS) {
    it(`${target.route}: ${target.runs} random forms, no server error`, { timeout: 120_000 }, async () => {
      const { action } = (await import(/* @vite-ignore */ path.join(ROUTES_DIR, `${target.route}.tsx`))) as { action: Action };
      await fc.assert(fc.asyncProperty(formArbitrary(names, values), (sample) => run(action, target, sample)), { numRuns: target.runs, seed: 20261127 });
    });
  }
});
