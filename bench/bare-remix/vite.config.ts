// The bench's comparison page: a bare Remix 2.17 app (same framework, same
// future flags as the real one) whose single page renders a module body with
// no loader, session, database or translations. `npm run bench` builds it.
import { vitePlugin as remix } from "@remix-run/dev";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const root = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  logLevel: "warn",
  plugins: [
    remix({
      appDirectory: path.join(root, "app"),
      buildDirectory: path.join(root, "build"),
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
});
