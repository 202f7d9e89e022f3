// A slow mobile connection in Chromium, and what the browser itself measures
// of a page loaded over it. Used by tests/e2e/slow-network.spec.ts and by
// scripts/fcp.ts (which the bench can call); figures are reported, never asserted.
import { chromium, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from "./chromium";

/**
 * The "slow 3G" profile issue #10 asks for: about 400 kbit/s each way and a
 * 400 ms round trip, the rural mobile connection fellows read modules on.
 * Throughputs are in bytes per second, as the Chrome DevTools Protocol takes them.
 * Chromium adds the latency once to every request (not to every packet), so a
 * page's requests each wait at least 400 ms before their first byte.
 */
export const SLOW_3G = {
  latencyMs: 400,
  downloadBytesPerSecond: 400_000 / 8,
  uploadBytesPerSecond: 400_000 / 8,
} as const;

export type NetworkProfile = { latencyMs: number; downloadBytesPerSecond: number; uploadBytesPerSecond: number };

/** What the browser measured of one page load; times in ms from the start of the navigation. */
export type PaintFigures = {
  /** First contentful paint; null if the browser recorded none. */
  fcpMs: number | null;
  domContentLoadedMs: number;
  loadMs: number;
  /** Bytes over the wire (headers and compressed bodies) for the document and every resource it loaded; 0 for what came from the cache. */
  transferredBytes: number;
};

// The CDP session must stay attached: detaching it lifts the throttling.
const sessions = new WeakMap<Page, CDPSession>();

/** Throttles every request of this page (Chromium only) until the page closes. */
export async function throttle(page: Page, profile: NetworkProfile = SLOW_3G): Promise<CDPSession> {
  const session = sessions.get(page) ?? (await page.context().newCDPSession(page));
  sessions.set(page, session);
  await session.send("Network.enable");
  await session.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: profile.latencyMs,
    downloadThroughput: profile.downloadBytesPerSecond,
    uploadThroughput: profile.uploadBytesPerSecond,
  });
  return session;
}

/** The figures of the document now in the page, read from its Performance API. */
async function readFigures(page: Page): Promise<PaintFigures & { hasPaint: boolean }> {
  // Runs through the DevTools protocol, so it works in a page that may not run scripts of its own.
  return page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const fcp = performance.getEntriesByName("first-contentful-paint")[0];
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    return {
      hasPaint: Boolean(fcp),
      fcpMs: fcp ? Math.round(fcp.startTime) : null,
      domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd),
      loadMs: Math.round(nav.loadEventEnd),
      transferredBytes: resources.reduce((sum, r) => sum + r.transferSize, nav.transferSize),
    };
  });
}

/**
 * Opens `url` in `page` over the throttled network and returns what the browser
 * measured: paint and navigation timing, and the bytes transferred for the
 * document and everything it loaded until the network went quiet.
 */
export async function measurePaint(page: Page, url: string, profile: NetworkProfile = SLOW_3G): Promise<PaintFigures> {
  await throttle(page, profile);
  await page.goto(url, { waitUntil: "load" });
  // Module scripts and prefetches may still arrive after `load`; count them too.
  await page.waitForLoadState("networkidle");
  let figures = await readFigures(page);
  // A loaded page has normally painted already; give the compositor a few frames if not.
  for (let tries = 0; !figures.hasPaint && tries < 20; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    figures = await readFigures(page);
  }
  const { hasPaint: _hasPaint, ...result } = figures;
  return result;
}

export type PageFigures = { path: string; cold: PaintFigures; warm: PaintFigures };

/**
 * Signs in on a normal connection, then loads each path over the slow network
 * twice: cold (a fresh browser context holding only the session cookie, empty
 * cache) and warm (a second visit in the same context: the content-hashed,
 * immutable assets come from the cache; the personal HTML does not).
 */
export async function measureFirstContentfulPaint(options: {
  baseURL: string;
  email: string;
  password: string;
  paths: string[];
  profile?: NetworkProfile;
  javaScriptEnabled?: boolean;
}): Promise<PageFigures[]> {
  const { baseURL, email, password, paths, profile = SLOW_3G, javaScriptEnabled = true } = options;
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const contexts: BrowserContext[] = [];
  try {
    const login = await browser.newContext({ baseURL });
    contexts.push(login);
    // The login form's own POST, without a browser page: no Origin header, so it passes the cross-site check.
    const response = await login.request.post("/login", { form: { email, password }, maxRedirects: 0 });
    if (response.status() !== 302) throw new Error(`signing in as ${email} answered ${response.status()}, not a redirect`);
    const storageState = await login.storageState();

    const results: PageFigures[] = [];
    for (const path of paths) {
      const context = await browser.newContext({ baseURL, storageState, javaScriptEnabled });
      contexts.push(context);
      const cold = await measurePaint(await context.newPage(), path, profile);
      const warm = await measurePaint(await context.newPage(), path, profile);
      results.push({ path, cold, warm });
      await context.close();
    }
    return results;
  } finally {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser.close();
  }
}

/** The figures as a plain-text table, one row per page and visit. */
export function formatPaintTable(results: PageFigures[]): string {
  const header = `${"page".padEnd(44)}${"visit".padEnd(7)}${"FCP ms".padStart(9)}${"DCL ms".padStart(9)}${"load ms".padStart(9)}${"bytes".padStart(10)}`;
  const rows = results.flatMap(({ path, cold, warm }) =>
    ([["cold", cold], ["warm", warm]] as const).map(
      ([visit, f]) =>
        `${path.padEnd(44)}${visit.padEnd(7)}${String(f.fcpMs ?? "—").padStart(9)}${String(f.domContentLoadedMs).padStart(9)}${String(f.loadMs).padStart(9)}${String(f.transferredBytes).padStart(10)}`,
    ),
  );
  return [header, ...rows].join("\n");
}
