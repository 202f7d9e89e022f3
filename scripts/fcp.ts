// First contentful paint over a slow 3G connection, against a running server:
//   npx tsx scripts/fcp.ts http://localhost:3233 [path ...]
// Signs in as the demo fellow and loads each path cold and warm (see
// scripts/lib/slow-network.ts). Figures, not assertions.
import { SLOW_3G, formatPaintTable, measureFirstContentfulPaint } from "./lib/slow-network";

// Module 1: open for the demo cohort's fellows (module 4 opens a week after the demo starts).
const DEFAULT_PATHS = ["/dashboard", "/modules/rights-based-social-work"];

const [baseURL, ...paths] = process.argv.slice(2);
if (!baseURL || !/^https?:\/\//.test(baseURL)) {
  console.error("Usage: npx tsx scripts/fcp.ts <base URL, e.g. http://localhost:3233> [path ...]");
  process.exit(2);
}

const results = await measureFirstContentfulPaint({
  baseURL,
  email: process.env.FCP_EMAIL ?? "fellow@demo.test",
  password: process.env.FCP_PASSWORD ?? "fellowship-demo",
  paths: paths.length ? paths : DEFAULT_PATHS,
});
console.log(
  `\nFirst contentful paint over ${SLOW_3G.downloadBytesPerSecond * 8 / 1000} kbit/s down, ${SLOW_3G.uploadBytesPerSecond * 8 / 1000} kbit/s up, ${SLOW_3G.latencyMs} ms latency (Chromium, JavaScript on)`,
);
console.log(formatPaintTable(results));
