// `npm run bench`: the signed-in module page under load, beside a bare
// node:http server returning the same HTML (the ceiling). Prints figures; asserts nothing.
// Needs a production build (`npm run build`).
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";

const PORT = 3400;
const BARE_PORT = 3401;
const SLUG = process.env.BENCH_MODULE ?? "rights-based-social-work";
const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const base = `http://localhost:${PORT}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "fellowship-bench-"));

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

const server = spawn(process.execPath, ["server.js"], {
  env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), DATA_DIR: dataDir, DEMO_DATA: "true" },
  stdio: ["ignore", "ignore", "inherit"],
});

function gz(buf: Buffer | string) {
  return zlib.gzipSync(buf).length;
}

try {
  await waitFor(`${base}/login`);
  const login = await fetch(`${base}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "fellow@demo.test", password: "fellowship-demo" }),
    redirect: "manual",
  });
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
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

  // SQL statements one request runs: counted in-process on a copy of the same database.
  process.env.DATABASE_PATH = path.join(dataDir, "fellowship.db");
  const { getConnection } = await import("../app/lib/db.server");
  const { buildModulePage } = await import("../app/domain/content/module-page.server");
  const { validateSessionToken } = await import("../app/domain/accounts/sessions.server");
  const { sqlite } = getConnection();
  const prepare = sqlite.prepare.bind(sqlite);
  let statements = 0;
  (sqlite as unknown as { prepare: typeof prepare }).prepare = ((source: string) => {
    statements++;
    return prepare(source);
  }) as typeof prepare;
  const token = decodeURIComponent(cookie.split("=")[1]);
  const auth = validateSessionToken(token)!;
  statements = 0;
  validateSessionToken(token);
  buildModulePage(auth.user, SLUG, "en");
  const perRequest = statements;

  const bare = http.createServer((req, res) => {
    const body = zlib.gzipSync(html);
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip", "Content-Length": body.length });
    res.end(body);
  });
  await new Promise<void>((r) => bare.listen(BARE_PORT, r));

  type Row = { target: string; connections: number; rps: number; p50: number; p95: number; p99: number; errors: number };
  const rows: Row[] = [];
  for (const [target, targetUrl, headers] of [
    ["module page (signed in)", url, { cookie, "accept-encoding": "gzip" }],
    ["bare node:http, same HTML", `http://localhost:${BARE_PORT}/`, { "accept-encoding": "gzip" }],
  ] as const) {
    for (const connections of [10, 50]) {
      const result = await autocannon({ url: targetUrl, connections, duration: DURATION, headers });
      rows.push({
        target,
        connections,
        rps: Math.round(result.requests.average),
        p50: result.latency.p50,
        p95: (result.latency as unknown as Record<string, number>).p95 ?? result.latency.p97_5,
        p99: result.latency.p99,
        errors: result.errors + result.non2xx,
      });
    }
  }
  bare.close();

  console.log(`\nModule page /modules/${SLUG} — ${os.cpus().length} cores, ${DURATION}s per run, gzip on`);
  console.log(`HTML: ${Buffer.byteLength(html)} bytes, ${gz(html)} gzipped`);
  console.log(`JavaScript the page loads: ${scripts.length} files, ${jsGzip} bytes gzipped`);
  console.log(`CSS: ${cssGzip} bytes gzipped`);
  console.log(`SQL statements per request (session check + page): ${perRequest}`);
  console.log("");
  console.log("target                        conns    req/s   p50 ms   p95 ms   p99 ms   errors");
  for (const r of rows) {
    console.log(
      `${r.target.padEnd(30)}${String(r.connections).padStart(5)}${String(r.rps).padStart(9)}${String(r.p50).padStart(9)}${String(r.p95).padStart(9)}${String(r.p99).padStart(9)}${String(r.errors).padStart(9)}`,
    );
  }
  for (const c of [10, 50]) {
    const app = rows.find((r) => r.target.startsWith("module") && r.connections === c)!;
    const ceiling = rows.find((r) => r.target.startsWith("bare") && r.connections === c)!;
    console.log(`ratio to the ceiling at ${c} connections: ${(app.rps / ceiling.rps).toFixed(2)}×`);
  }
} finally {
  server.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
}
