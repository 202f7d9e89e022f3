// `npm run bench`: figures, not assertions. Needs a production build (`npm run build`).
//   1. The signed-in module page under load, beside a bare node:http server
//      returning the same HTML (the ceiling).
//   2. The coordinator's cohort overview and donor report on a cohort of
//      1,000 fellows (the `db:seed:large` database), beside the module page,
//      with the SQL statements each runs on 8 fellows and on 1,000.
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { countStatements as countQueries } from "../db/count-statements";

const PORT = 3400;
const BARE_PORT = 3401;
const LARGE_PORT = 3402;
const SLUG = process.env.BENCH_MODULE ?? "rights-based-social-work";
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const base = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fellowship-bench-"));
const servers: ChildProcess[] = [];

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

async function startServer(port: number, env: Record<string, string>) {
  const server = spawn(process.execPath, ["server.js"], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: "true", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.push(server);
  await waitFor(`http://localhost:${port}/login`);
}

async function signIn(origin: string, email: string) {
  const login = await fetch(`${origin}/login`, {
    method: "POST",
    body: new URLSearchParams({ email, password: "fellowship-demo" }),
    redirect: "manual",
  });
  if (login.status !== 302) throw new Error(`sign-in of ${email} answered ${login.status}`);
  return login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

function gz(buf: Buffer | string) {
  return zlib.gzipSync(buf).length;
}

type Row = { target: string; connections: number; rps: number; p50: number; p95: number; p99: number; errors: number };

async function measure(target: string, url: string, connections: number, headers: Record<string, string>): Promise<Row> {
  const result = await autocannon({ url, connections, duration: DURATION, headers });
  return {
    target,
    connections,
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p95: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

function printRows(rows: Row[]) {
  console.log("target                                  conns    req/s   p50 ms   p95 ms   p99 ms   errors");
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(40)}${String(r.connections).padStart(5)}${String(r.rps).padStart(9)}${String(r.p50).padStart(9)}${String(r.p95).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors).padStart(9)}`,
    );
  }
}

/** SQL statements `fn` runs on the in-process connection. */
async function countStatements(fn: () => unknown) {
  const { getConnection } = await import("../app/lib/db.server");
  return countQueries(getConnection(), fn);
}

async function switchDatabase(file: string) {
  const { closeConnection } = await import("../app/lib/db.server");
  const { resetEnvCache } = await import("../app/lib/env.server");
  closeConnection();
  process.env.DATABASE_PATH = file;
  resetEnvCache();
}

try {
  // ── 1. The module page ──────────────────────────────────────────────────
  await startServer(PORT, {});
  const cookie = await signIn(base, "fellow@demo.test");
  const url = `${base}/modules/${SLUG}`;
  const page = await fetch(url, { headers: { cookie } });
  if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}`);
  const html = await page.text();

  // JavaScript the page loads: its module script and everything it preloads.
  const scripts = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"|import\("([^"]+)"\)|<script[^>]+src="([^"]+)"/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((s, i, all) => s && all.indexOf(s) === i);
  let jsGzip = 0;
  for (const s of scripts) jsGzip += gz(Buffer.from(await (await fetch(new URL(s, base))).arrayBuffer()));
  const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  let cssGzip = 0;
  for (const s of cssLinks) cssGzip += gz(Buffer.from(await (await fetch(new URL(s, base))).arrayBuffer()));

  // SQL statements one request runs: counted in-process on the same database.
  await switchDatabase(path.join(dataDir, "fellowship.db"));
  const { buildModulePage } = await import("../app/domain/content/module-page.server");
  const { validateSessionToken } = await import("../app/domain/accounts/sessions.server");
  const token = decodeURIComponent(cookie.split("=")[1]);
  const auth = validateSessionToken(token)!;
  const perRequest = await countStatements(() => {
    validateSessionToken(token);
    buildModulePage(auth.user, SLUG, "en");
  });

  const bare = http.createServer((req, res) => {
    const body = zlib.gzipSync(html);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => bare.listen(BARE_PORT, r));

  const rows: Row[] = [];
  for (const [target, targetUrl, headers] of [
    ["module page (signed in)", url, { cookie, "accept-encoding": "gzip" }],
    ["bare node:http, same HTML", `http://localhost:${BARE_PORT}/`, { "accept-encoding": "gzip" }],
  ] as const) {
    for (const connections of [10, 50]) rows.push(await measure(target, targetUrl, connections, headers));
  }
  bare.close();

  console.log(`\nModule page /modules/${SLUG} — ${os.cpus().length} cores, ${DURATION}s per run, gzip on`);
  console.log(`HTML: ${Buffer.byteLength(html)} bytes, ${gz(html)} gzipped`);
  console.log(`JavaScript the page loads: ${scripts.length} files, ${jsGzip} bytes gzipped`);
  console.log(`CSS: ${cssGzip} bytes gzipped`);
  console.log(`SQL statements per request (session check + page): ${perRequest}`);
  console.log("");
  printRows(rows);
  for (const c of [10, 50]) {
    const app = rows.find((r) => r.target.startsWith("module") && r.connections === c)!;
    const ceiling = rows.find((r) => r.target.startsWith("bare") && r.connections === c)!;
    console.log(`ratio to the ceiling at ${c} connections: ${(app.rps / ceiling.rps).toFixed(2)}×`);
  }

  // ── 2. Coordinator pages on a cohort of 1,000 fellows ──────────────────
  const { cohortOverview } = await import("../app/domain/cohorts/overview.server");
  const { donorReport } = await import("../app/domain/cohorts/report.server");
  const filters = { sort: "name" as const, organizationId: null, mentorId: null };
  const small = {
    overview: await countStatements(() => cohortOverview("demo-cohort-2026", "en", filters)),
    report: await countStatements(() => donorReport("demo-cohort-2026")),
  };
  const largeFile = path.join(dataDir, "large.db");
  const { seedLargeCohort, LARGE_COHORT_ID, LARGE_COORDINATOR_EMAIL } = await import("../db/seed-large");
  const seeded = await seedLargeCohort(largeFile);
  await switchDatabase(largeFile);
  const large = {
    overview: await countStatements(() => cohortOverview(LARGE_COHORT_ID, "en", filters)),
    report: await countStatements(() => donorReport(LARGE_COHORT_ID)),
  };
  await startServer(LARGE_PORT, { DATABASE_PATH: largeFile });
  const largeBase = `http://localhost:${LARGE_PORT}`;
  const coordinator = await signIn(largeBase, LARGE_COORDINATOR_EMAIL);
  const fellow = await signIn(largeBase, "fellow1@large.test");
  const headers = (c: string) => ({ cookie: c, "accept-encoding": "gzip" });
  const overviewUrl = `${largeBase}/coordinator/cohorts/${LARGE_COHORT_ID}`;
  const overviewHtml = await (await fetch(overviewUrl, { headers: { cookie: coordinator } })).text();
  const largeRows: Row[] = [];
  for (const [target, targetUrl, h] of [
    ["module page (fellow)", `${largeBase}/modules/${SLUG}`, headers(fellow)],
    ["cohort overview (coordinator)", overviewUrl, headers(coordinator)],
    ["donor report (coordinator)", `${overviewUrl}/report`, headers(coordinator)],
  ] as const) {
    // One connection: what a coordinator waits for; ten: the page under load.
    for (const connections of [1, 10]) largeRows.push(await measure(target, targetUrl, connections, h));
  }
  console.log(`\nCoordinator pages on a cohort of ${seeded.counts.enrollments} fellows (${seeded.counts.submissions} submissions, ${seeded.counts.section_progress} sections read)`);
  console.log(`SQL statements — cohort overview: ${small.overview} for 8 fellows, ${large.overview} for ${seeded.counts.enrollments}; donor report: ${small.report} for 8, ${large.report} for ${seeded.counts.enrollments}`);
  console.log(`Cohort overview HTML (first page of 50 fellows): ${Buffer.byteLength(overviewHtml)} bytes, ${gz(overviewHtml)} gzipped`);
  console.log("");
  printRows(largeRows);
} finally {
  for (const s of servers) s.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
}
