// Serves the bare Remix build the way the real server does (Express,
// compression, immutable assets): one process, or one per core with
// WEB_CONCURRENCY, for the bench's comparison.
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";
import cluster from "node:cluster";
import path from "node:path";
import { fileURLToPath } from "node:url";

const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY) || 1);

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const root = path.dirname(fileURLToPath(import.meta.url));
  const build = await import(path.join(root, "build/server/index.js"));
  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
  app.all("*", createRequestHandler({ build, mode: "production" }));
  app.listen(Number(process.env.PORT ?? 3403));
}
