// The one process that serves Fellowship LMS: the production build by default,
// or Vite's dev server with `--dev`. It applies the security headers and the
// cross-site check before Remix, runs pending migrations and seeds demo data.
import compression from "compression";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import { isCrossSiteRequest, newNonce, newRequestId, securityHeaders } from "./server/security.js";

const dev = process.argv.includes("--dev");
if (!dev) process.env.NODE_ENV ??= "production";

const viteDevServer = dev
  ? await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }))
  : undefined;

async function loadBuild() {
  return viteDevServer
    ? viteDevServer.ssrLoadModule("virtual:remix/server-build")
    : import("./build/server/index.js");
}

const startupBuild = await loadBuild();
const startup = startupBuild.entry.module.startup;
const { port, host } = await startup();

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY === "true" || process.env.TRUST_PROXY === "1") app.set("trust proxy", 1);
app.use(compression());

app.use((req, res, next) => {
  const nonce = newNonce();
  res.locals.cspNonce = nonce;
  res.locals.requestId = newRequestId();
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
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
}

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
  console.log(`Fellowship LMS is listening on http://${host ?? "localhost"}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 2000).unref();
  });
}
