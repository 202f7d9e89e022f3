// The one entry that serves Fellowship LMS: the production build by default,
// or Vite's dev server with `--dev`.
//
// In production the first process applies pending migrations, seeds demo data
// and prints the sign-ins once, then starts one worker per CPU core
// (`WEB_CONCURRENCY` overrides; 1 serves from this process). The workers share
// the port and the same SQLite file in WAL mode; everything they must agree on
// (sessions, sign-in throttling, rate limits) lives in the database.
import cluster from "node:cluster";
import fs from "node:fs";
import os from "node:os";
import zlib from "node:zlib";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { requestLogger } from "./server/logging.js";
import { isCrossSiteRequest, newNonce, newRequestId, securityHeaders } from "./server/security.js";

const dev = process.argv.includes("--dev");
if (!dev) process.env.NODE_ENV ??= "production";
const concurrency = process.env.WEB_CONCURRENCY;
if (concurrency !== undefined && concurrency !== "" && !/^[1-9][0-9]*$/.test(concurrency)) {
  console.error(`WEB_CONCURRENCY must be a whole number of workers (1 or more), not "${concurrency}".`);
  process.exit(1);
}
const workerCount = dev ? 1 : Number(concurrency || os.availableParallelism());

if (cluster.isPrimary) {
  const build = dev ? null : await import("./build/server/index.js");
  if (workerCount > 1 && build) {
    await build.entry.module.startup();
    build.entry.module.shutdown(); // the workers open their own connections
    superviseWorkers(workerCount, build.entry.module.serverSettings());
  } else {
    await serve(build);
  }
} else {
  await serve(await import("./build/server/index.js"), { worker: true });
}

function superviseWorkers(count, { port, host }) {
  let stopping = false;
  let listening = 0;
  const starts = [];
  for (let i = 0; i < count; i++) cluster.fork();
  cluster.on("listening", () => {
    if (++listening === count) console.log(`Fellowship LMS is listening on http://${host ?? "localhost"}:${port} (${count} workers)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that dies is replaced; one that keeps dying stops the server rather than loop.
    const now = Date.now();
    starts.push(now);
    while (starts.length && now - starts[0] > 60_000) starts.shift();
    if (starts.length > 10) {
      console.error("Workers keep exiting; stopping.");
      process.exit(1);
    }
    console.error(`Worker ${worker.process.pid} exited (${signal ?? code}); starting another.`);
    cluster.fork();
  });
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
}

async function serve(productionBuild, { worker = false } = {}) {
  const viteDevServer = dev
    ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
    : undefined;
  const loadBuild = () => (viteDevServer ? viteDevServer.ssrLoadModule("virtual:remix/server-build") : productionBuild);
  const startupBuild = await loadBuild();
  const { port, host } = worker ? startupBuild.entry.module.serverSettings() : await startupBuild.entry.module.startup();

  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1") app.set("trust proxy", 1);
  if (process.env.REQUEST_LOG !== "off") app.use(requestLogger());

  app.use((req, res, next) => {
    const nonce = newNonce();
    res.locals.cspNonce = nonce;
    res.locals.requestId ??= newRequestId();
    res.set("X-Request-Id", res.locals.requestId);
    res.set(securityHeaders(nonce, { dev }));
    if (isCrossSiteRequest({ method: req.method, host: req.get("host"), protocol: req.protocol, headers: req.headers })) {
      res.status(403).type("text/plain").send("Cross-site request refused.");
      return;
    }
    next();
  });

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    // Hashed assets: compressed once at build time (brotli and gzip), cached for a year.
    app.use(
      "/assets",
      expressStaticGzip("build/client/assets", {
        enableBrotli: true,
        orderPreference: ["br", "gz"],
        serveStatic: { immutable: true, maxAge: "1y" },
      }),
    );
    // Figures of the modules, copied there by the content build.
    app.use("/content", express.static("build/client/content", { maxAge: "1h" }));
    // The few files at the root (favicon, service worker), without a disk lookup for every page.
    const rootFiles = new Set(fs.readdirSync("build/client").filter((f) => fs.statSync(`build/client/${f}`).isFile()).map((f) => `/${f}`));
    const rootStatic = express.static("build/client", {
      maxAge: "1h",
      // The service worker is checked on every visit, so a new one takes over at once.
      setHeaders: (res, file) => file.endsWith("sw.js") && res.set("Cache-Control", "no-cache"),
    });
    app.use((req, res, next) => (rootFiles.has(req.path) ? rootStatic(req, res, next) : next()));
  }

  // Pages are compressed per response: brotli where the browser offers it, else gzip. Level 5
  // of either costs about half of gzip's default 6 on a module page, and brotli 5 is smaller.
  app.use(compression({ level: 5, brotli: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } } }));
  app.all(
    "*",
    createRequestHandler({
      build: viteDevServer ? () => loadBuild() : startupBuild,
      getLoadContext: (req, res) => ({
        cspNonce: res.locals.cspNonce,
        requestId: res.locals.requestId,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown",
      }),
    }),
  );

  const server = app.listen(port, host, () => {
    if (!worker) console.log(`Fellowship LMS is listening on http://${host ?? "localhost"}:${port}`);
  });

  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      setTimeout(() => process.exit(0), 2000).unref();
    });
  }
}
