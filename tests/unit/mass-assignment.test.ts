// Issue #8, mass assignment: fellows and mentors posting fields they may not
// set (role, userId, status, mentorId, cohortId, grade, points) change nothing
// those fields name. Actions are called in-process with real sessions.
import { eq } from "drizzle-orm";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import * as schema from "#db/schema";
import { createSession } from "~/domain/accounts/sessions.server";
import { getDb } from "~/lib/db.server";
import { SAMPLE_SLUG, useSampleContent } from "../setup/sample-content";

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

const EXTRA = { role: "coordinator", userId: "demo-fellow-2", fellowId: "demo-fellow-2", status: "approved", mentorId: "demo-mentor-2", cohortId: "demo-cohort-2025", grade: "100", points: "999" };

async function post(route: string, actor: string, fields: Record<string, string>, params: Record<string, string> = {}) {
  const { action } = (await import(/* @vite-ignore */ path.resolve("app/routes", `${route}.tsx`))) as { action: Action };
  const { token } = createSession(actor);
  const request = new Request(`http://localhost/${route}`, { method: "POST", body: new URLSearchParams({ ...EXTRA, ...fields }), headers: { Cookie: `fellowship_session=${token}` } });
  try {
    return await action({ request, params, context: { clientAddress: "192.0.2.77" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const user = (id: string) => getDb().select().from(schema.users).where(eq(schema.users.id, id)).get()!;

beforeAll(async () => {
  await useSampleContent();
  getDb().insert(schema.cohortModules).values({ id: "mass-schedule", cohortId: "demo-cohort-2026", moduleSlug: SAMPLE_SLUG, position: 99, opensOn: "2020-01-01", dueOn: null, required: false }).run();
});

describe("extra fields change nothing they name", () => {
  it("a fellow's profile form cannot change their role or another person", async () => {
    const before = user("demo-fellow-2");
    await post("account", "demo-fellow-3", { intent: "profile", displayName: "Арам", locale: "ru" });
    expect(user("demo-fellow-3")).toMatchObject({ role: "fellow", displayName: "Арам" });
    expect(user("demo-fellow-2")).toEqual(before);
  });

  it("a fellow's draft stays the fellow's draft, with no mentor, status or points set by the form", async () => {
    await post("modules.$slug_.assignment", "demo-fellow-3", { intent: "save", body: "My draft.", submissionId: "", version: "0" }, { slug: SAMPLE_SLUG });
    const rows = getDb().select().from(schema.submissions).where(eq(schema.submissions.fellowId, "demo-fellow-3")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ body: "My draft.", status: "draft", mentorId: null, fellowId: "demo-fellow-3" });
    expect(getDb().select().from(schema.submissions).where(eq(schema.submissions.fellowId, "demo-fellow-2")).all()).toHaveLength(0);
  });

  it("a fellow's practice hours wait for the mentor whatever status the form claims", async () => {
    await post("practice._index", "demo-fellow-3", { intent: "log", date: "2026-03-02", hours: "2", kind: "direct_work", goalId: "", description: "Home visit." });
    const entries = getDb().select().from(schema.practiceEntries).where(eq(schema.practiceEntries.fellowId, "demo-fellow-3")).all();
    expect(entries.map((e) => e.status)).toEqual(["waiting"]);
    expect(getDb().select().from(schema.practiceEntries).where(eq(schema.practiceEntries.fellowId, "demo-fellow-2")).all()).toHaveLength(0);
  });

  it("a mentor cannot approve or record for a fellow who is not theirs by naming them in the form", async () => {
    const waiting = getDb().select().from(schema.practiceEntries).where(eq(schema.practiceEntries.fellowId, "demo-fellow-3")).all();
    // demo-fellow-3 is mentored by demo-mentor-2; demo-mentor tries.
    await post("mentor.practice", "demo-mentor", { intent: "approve", entryId: waiting[0].id });
    expect(getDb().select().from(schema.practiceEntries).where(eq(schema.practiceEntries.id, waiting[0].id)).get()?.status).toBe("waiting");
    const response = (await post("fellows.$fellowId.practice", "demo-mentor", { intent: "session", date: "2026-03-02", hours: "1", topics: "x", actions: "" }, { fellowId: "demo-fellow-3" })) as Response;
    expect(response.status).toBe(404);
    expect(getDb().select().from(schema.supervisionSessions).where(eq(schema.supervisionSessions.fellowId, "demo-fellow-3")).all()).toHaveLength(0);
  });

  it("a coordinator's organisation form keeps to organisation fields", async () => {
    await post("coordinator.organizations.$organizationId", "demo-coordinator", { name: "Tsalka Civic Forum", municipality: "Tsalka", region: "kvemo_kartli", contactName: "", contactEmail: "", contactPhone: "" }, { organizationId: "org-tsalka" });
    expect(user("demo-coordinator").role).toBe("coordinator");
    expect(user("demo-fellow-2").role).toBe("fellow");
  });
});
