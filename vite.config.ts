import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    tailwindcss(),
    remix({
      ignoredRouteFiles: ["**/*.test.{ts,tsx}"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        // Off on purpose: the whole route manifest is one small immutable file (about 2 KB gzipped),
        // so client navigation needs no extra round trip to discover routes on a slow network, and
        // the server does not compute a partial manifest for every page (decision 008).
        v3_lazyRouteDiscovery: false,
      },
    }),
    tsconfigPaths(),
  ],
  build: {
    // Fonts stay files: the CSP allows fonts from 'self' only, and a phone downloads only the scripts it needs.
    assetsInlineLimit: (file) => (/\.woff2?$/.test(file) ? false : undefined),
  },
  optimizeDeps: {
    exclude: ["@node-rs/argon2", "better-sqlite3"],
  },
  server: { watch: { ignored: ["**/data/**", "**/tests/.tmp/**"] } },
});
