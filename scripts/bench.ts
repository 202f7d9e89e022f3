// `npm run bench`: figures, not assertions. Needs a production build (`npm run build`).
// `npm run bench -- --module-only` stops after part 1.
//   1. The signed-in page of module 4 under load, with gzip, beside
//      - a bare Remix 2.17 page (bench/bare-remix: same framework and future
//        flags, one route rendering the same module body, no loader work),
//        served by one process the way remix-serve runs an app, and the same
//        bare page on one worker per core, for comparison;
//      - a raw node:http server returning the module page's HTML, gzipped once
//        (the ceiling: no work per request at all).
//      Plus the page's bytes (HTML, JavaScript, CSS), the SQL statements one
//      request runs, and first contentful paint over a slow 3G connection.
//   2. The coordinator's cohort overview and donor report on a cohort of
//      1,000 fellows (the `db:seed:large` database), beside the module page,
//      with the SQL statements each runs on 8 fellows and on 1,000.
import autocannon from "autocannon";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { countStatements as countQueries } from "../db/count-statements";
import { stretchesText } from "../app/lib/spliced-gzip.server";
import { SLOW_3G, formatPaintTable, measureFirstContentfulPaint } from "./lib/slow-network";

const PORT = 3400;
const BARE_PORT = 3401;
const LARGE_PORT = 3402;
const BARE_REMIX_PORT = 3403;
const BARE_REMIX_CLUSTER_PORT = 3404;
// Module 4: open to the demo graduate (her 2025 cohort has every module open), read in Georgian.
const SLUG = process.env.BENCH_MODULE ?? "water-sanitation-health";
const READER = process.env.BENCH_READER ?? "graduate@demo.test";
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
// V8 keeps compiling a server's hot code for the first 20–30 s under load: with
// 1 s of warm-up, `--trace-opt` counted 353 optimised compilations in the next
// 5 s, 138, 31, 17, 7, 4, 4, 1 in the 5 s after each. So each target is loaded
// this long before its first measured run, and 1 s before each later run.
const WARMUP = Number(process.env.BENCH_WARMUP_SECONDS ?? 25);
const base = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fellowship-bench-"));
const servers: ChildProcess[] = [];
const bareRemixDir = path.resolve("bench/bare-remix");

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

async function startServer(port: number, env: Record<string, string>, script = "server.js", ready = "/login") {
  const server = spawn(process.execPath, [script], {
    env: { ...process.env, NODE_ENV: "production", PORT: String(port), DATA_DIR: dataDir, DEMO_DATA: "true", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  servers.push(server);
  await waitFor(`http://localhost:${port}${ready}`);
  return server;
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

const warmedUp = new Set<string>();

async function measure(target: string, url: string, connections: number, headers: Record<string, string>): Promise<Row> {
  // Measure the server in its steady state, not its JIT compiling its code;
  // at least 10 connections, so every worker gets its share of the warm-up.
  if (warmedUp.has(target)) await autocannon({ url, connections, duration: 1, headers });
  else await autocannon({ url, connections: Math.max(connections, 10), duration: WARMUP, headers });
  warmedUp.add(target);
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
  console.log("target                                        conns    req/s   p50 ms   p95 ms   p99 ms   errors");
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(46)}${String(r.connections).padStart(5)}${String(r.rps).padStart(9)}${String(r.p50).padStart(9)}${String(r.p95).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors).padStart(9)}`,
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

/** Bytes the browser fetches for a page: its scripts (module script and preloads) and stylesheets, gzipped. */
async function pageWeight(html: string, origin: string) {
  const scripts = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"|import\("([^"]+)"\)|<script[^>]+src="([^"]+)"/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((s, i, all) => s && all.indexOf(s) === i);
  let jsGzip = 0;
  for (const s of scripts) jsGzip += gz(Buffer.from(await (await fetch(new URL(s, origin))).arrayBuffer()));
  const cssLinks = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  let cssGzip = 0;
  for (const s of cssLinks) cssGzip += gz(Buffer.from(await (await fetch(new URL(s, origin))).arrayBuffer()));
  return { scripts: scripts.length, jsGzip, cssGzip };
}

try {
  // ── 1. The module page ──────────────────────────────────────────────────
  const app = await startServer(PORT, {});
  const cookie = await signIn(base, READER);
  const url = `${base}/modules/${SLUG}`;
  const page = await fetch(url, { headers: { cookie } });
  if (page.status !== 200) throw new Error(`GET ${url} answered ${page.status}`);
  const html = await page.text();
  if (!html.includes('id="module-body"')) throw new Error(`${url} has no module body (locked?)`);
  const weight = await pageWeight(html, base);
  // What a browser that takes gzip receives: the page spliced from precompressed stretches.
  const sent = await new Promise<{ bytes: number; encoding: string }>((resolve, reject) => {
    http
      .get(url, { headers: { cookie, "accept-encoding": "gzip" } }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => resolve({ bytes, encoding: String(res.headers["content-encoding"] ?? "none") }));
      })
      .on("error", reject);
  });
  const translationsBytes = /<script id="page-translations"[^>]*>([^<]*)<\/script>/.exec(html)?.[1].length ?? 0;

  // SQL statements one request runs: counted in-process on the same database.
  await switchDatabase(path.join(dataDir, "fellowship.db"));
  const { buildModulePage } = await import("../app/domain/content/module-page.server");
  const { validateSessionToken } = await import("../app/domain/accounts/sessions.server");
  const { unreadCount } = await import("../app/domain/notifications/notifications.server");
  const token = decodeURIComponent(cookie.split("=")[1]);
  const auth = validateSessionToken(token)!;
  const locale = auth.user.locale ?? "en";
  // On a fresh connection, so the queries prepared once per connection are counted too.
  await switchDatabase(path.join(dataDir, "fellowship.db"));
  const perRequest = await countStatements(() => {
    validateSessionToken(token);
    unreadCount(auth.user.id);
    buildModulePage(auth.user, SLUG, locale);
  });

  // The bare Remix page renders exactly this reader's module body.
  const { body } = buildModulePage(auth.user, SLUG, locale);
  fs.writeFileSync(path.join(bareRemixDir, "app/body.html"), body ? stretchesText(body) : "");
  execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build", bareRemixDir], { stdio: "ignore" });
  await startServer(BARE_REMIX_PORT, { WEB_CONCURRENCY: "1" }, path.join(bareRemixDir, "server.js"), "/");
  await startServer(BARE_REMIX_CLUSTER_PORT, { WEB_CONCURRENCY: String(os.availableParallelism()) }, path.join(bareRemixDir, "server.js"), "/");
  const bareRemixHtml = await (await fetch(`http://localhost:${BARE_REMIX_PORT}/`)).text();

  // The ceiling: the same page's bytes, compressed once, answered with no work at all.
  const compressed = zlib.gzipSync(html);
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": compressed.length });
    res.end(compressed);
  });
  await new Promise<void>((r) => bare.listen(BARE_PORT, r));

  const workers = os.availableParallelism();
  const targets = {
    app: `module page, signed in (${workers} workers)`,
    bareRemix: "bare Remix page, same body (1 process)",
    bareRemixCluster: `bare Remix page, same body (${workers} workers)`,
    ceiling: "raw node:http, same HTML pre-gzipped (1 process)",
  };
  const rows: Row[] = [];
  for (const [target, targetUrl, headers] of [
    [targets.app, url, { cookie, "accept-encoding": "gzip" }],
    [targets.bareRemix, `http://localhost:${BARE_REMIX_PORT}/`, { "accept-encoding": "gzip" }],
    [targets.bareRemixCluster, `http://localhost:${BARE_REMIX_CLUSTER_PORT}/`, { "accept-encoding": "gzip" }],
    [targets.ceiling, `http://localhost:${BARE_PORT}/`, { "accept-encoding": "gzip" }],
  ] as const) {
    for (const connections of [10, 50]) rows.push(await measure(target, targetUrl, connections, headers));
  }
  bare.close();

  // First contentful paint over slow 3G, cold (empty cache) and warm.
  const paints = await measureFirstContentfulPaint({
    baseURL: base,
    email: READER,
    password: "fellowship-demo",
    paths: ["/dashboard", `/modules/${SLUG}`],
  });

  console.log(
    `\nModule page /modules/${SLUG} as ${READER} (${locale}) — ${os.cpus().length} cores, ${DURATION}s per run after ${WARMUP}s of warm-up per target, gzip on`,
  );
  console.log(`HTML: ${Buffer.byteLength(html)} bytes, ${gz(html)} gzipped (of which the page's translations: ${translationsBytes} bytes); the bare Remix page: ${Buffer.byteLength(bareRemixHtml)} bytes`);
  console.log(`Sent to a client that takes gzip: ${sent.bytes} bytes (${sent.encoding}; spliced from stretches of the body compressed once)`);
  console.log(`JavaScript the page loads: ${weight.scripts} files, ${weight.jsGzip} bytes gzipped`);
  console.log(`CSS: ${weight.cssGzip} bytes gzipped`);
  console.log(`SQL statements per request (session, notifications, page): ${perRequest}`);
  console.log("");
  printRows(rows);
  const row = (target: string, c: number) => rows.find((r) => r.target === target && r.connections === c)!;
  for (const c of [10, 50]) {
    const a = row(targets.app, c);
    console.log(
      `at ${c} connections the module page serves ${(a.rps / row(targets.bareRemix, c).rps).toFixed(2)}× the bare Remix page (1 process), ` +
        `${(a.rps / row(targets.bareRemixCluster, c).rps).toFixed(2)}× it on ${workers} workers, ${(a.rps / row(targets.ceiling, c).rps).toFixed(2)}× the ceiling`,
    );
  }
  console.log(`p50 at 10 connections: ${row(targets.app, 10).p50} ms (target ≤ 20); p99 at 50 connections: ${row(targets.app, 50).p99} ms (target ≤ 300)`);
  console.log(
    `\nFirst contentful paint over ${(SLOW_3G.downloadBytesPerSecond * 8) / 1000} kbit/s, ${SLOW_3G.latencyMs} ms latency (Chromium, JavaScript on, as ${READER})`,
  );
  console.log(formatPaintTable(paints));
  app.kill("SIGTERM");

  if (!process.argv.includes("--module-only")) {
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
      ["module page (fellow, module 1)", `${largeBase}/modules/rights-based-social-work`, headers(fellow)],
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
  }
} finally {
  for (const s of servers) s.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
}
