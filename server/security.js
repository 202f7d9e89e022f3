// Cross-cutting protections applied before any Remix loader or action runs.
// Plain JavaScript so the production server can load it without a build step.
import crypto from "node:crypto";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * True when a state-changing request comes from another site. Browsers send
 * Sec-Fetch-Site and Origin on POSTs; with neither, a foreign Referer still
 * counts as cross-site. Requests with none of them (curl, tests) are allowed:
 * they carry no ambient browser credentials worth forging.
 * @param {{ method: string, host: string | undefined, protocol: string, headers: Record<string, string | string[] | undefined> }} req
 */
export function isCrossSiteRequest(req) {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return false;
  const header = (name) => {
    const value = req.headers[name];
    return Array.isArray(value) ? value[0] : value;
  };
  const fetchSite = header("sec-fetch-site");
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return true;
  const expected = `${req.protocol}://${req.host}`;
  const origin = header("origin");
  if (origin) return origin === "null" || !sameOrigin(origin, expected);
  const referer = header("referer");
  if (referer) return !sameOrigin(referer, expected);
  return false;
}

function sameOrigin(url, expected) {
  try {
    return new URL(url).origin === new URL(expected).origin;
  } catch {
    return false;
  }
}

// Random bytes are drawn from the system's generator 4 KB at a time and each byte is used once:
// one call per few hundred requests instead of two per request (as Node does for randomUUID).
let pool = Buffer.alloc(0);
let poolAt = 0;
function randomBytes(size) {
  if (poolAt + size > pool.length) {
    pool = crypto.randomBytes(4096);
    poolAt = 0;
  }
  poolAt += size;
  return pool.subarray(poolAt - size, poolAt);
}

export function newNonce() {
  return randomBytes(16).toString("base64");
}

/** A short reference shown on error pages and written to the log beside the error. */
export function newRequestId() {
  return randomBytes(6).toString("hex");
}

/** @param {string} nonce @param {{ dev?: boolean }} [options] */
export function contentSecurityPolicy(nonce, options = {}) {
  const dev = Boolean(options.dev);
  return [
    "default-src 'self'",
    // Vite's dev client injects inline styles and opens a websocket; production needs neither.
    `script-src 'self' 'nonce-${nonce}'`,
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws: wss:" : "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** Headers every response carries. */
export function securityHeaders(nonce, options = {}) {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  };
}
