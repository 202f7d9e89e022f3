// Issue #8: walking every GET route as every role changes nothing in the
// database. Every loader is called in-process, with each actor's real
// session, on the route table's URLs; a digest of every table is compared
// before and after. Sessions (sliding expiry) and the audit log (rate-limit
// counts of public certificate lookups) are the two deliberate exceptions.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { createSession } from "~/domain/accounts/sessions.server";
import * as schema from "#db/schema";
import { getConnection, getDb } from "~/lib/db.server";
import { ROUTE_TABLE, type Actor } from "../e2e/route-table";
import { useSampleContent } from "../setup/sample-content";

type Loader = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<unknown>;

const IDS: Record<Exclude<Actor, "anonymous">, string> = {
  fellow: "demo-fellow",
  otherFellow: "demo-fellow-2",
  mentor: "demo-mentor",
  otherMentor: "demo-mentor-2",
  coordinator: "demo-coordinator",
};

function digest() {
  const { sqlite } = getConnection();
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").pluck().all() as string[];
  const hash = crypto.createHash("sha256");
  for (const table of tables.filter((t) => t !== "sessions" && t !== "audit_events")) {
    hash.update(table);
    for (const row of sqlite.prepare(`select * from "${table}" order by rowid`).raw().all()) hash.update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v)));
  }
  return hash.digest("hex");
}

/** The params of a flat route file name for a concrete path: `fellows.$fellowId.progress` + `/fellows/x/progress` → { fellowId: "x" }. */
function paramsFor(routeId: string, urlPath: string) {
  const segments = routeId
    .replace(/^routes\//, "")
    .replace(/\[\.([a-z]+)\]/g, ".$1-ext")
    .split(".")
    .filter((s) => s !== "_index");
  const parts = urlPath.split("?")[0].split("/").filter(Boolean);
  const params: Record<string, string> = {};
  segments.forEach((segment, i) => {
    if (segment.startsWith("$")) params[segment.slice(1).replace(/_$/, "")] = (parts[i] ?? "").replace(/\.[a-z]+$/, "");
  });
  if (routeId.endsWith("certificates.$file")) params.file = parts[1] ?? "";
  return params;
}

beforeAll(async () => {
  await useSampleContent();
  // Something for a careless loader to change: an unread notification for every signed-in actor.
  for (const id of Object.values(IDS)) {
    getDb().insert(schema.notifications).values({ id: `unread-${id}`, userId: id, kind: "comment_added", values: { module: "", name: "x" }, link: "/" }).run();
  }
});

it("every loader, as every actor, leaves the database as it was", { timeout: 60_000 }, async () => {
  const tokens = Object.fromEntries(Object.entries(IDS).map(([actor, id]) => [actor, createSession(id).token]));
  const before = digest();
  let calls = 0;
  for (const [routeId, entry] of Object.entries(ROUTE_TABLE)) {
    const file = path.resolve("app", `${routeId}.tsx`);
    // Search reads the full-text index built with the content (read-only, and absent before a build).
    if (!fs.existsSync(file) || routeId === "routes/search") continue;
    const mod = (await import(/* @vite-ignore */ file)) as { loader?: Loader };
    if (!mod.loader) continue;
    const urlPath = entry.path.replace("{graduateCode}", "a".repeat(32));
    for (const actor of Object.keys(entry.access) as Actor[]) {
      const headers: Record<string, string> = actor === "anonymous" ? {} : { Cookie: `fellowship_session=${tokens[actor]}` };
      const request = new Request(`http://localhost${urlPath}`, { headers });
      try {
        await mod.loader({ request, params: paramsFor(routeId, urlPath), context: { clientAddress: "203.0.113.50" } });
      } catch (thrown) {
        if (!(thrown instanceof Response)) throw thrown;
      }
      calls++;
    }
  }
  expect(calls).toBeGreaterThan(200);
  expect(digest()).toBe(before);
});
