import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isCrossSiteRequest, newNonce, newRequestId } from "./security.js";

const req = (method, headers) => ({ method, host: "lms.example.org", protocol: "https", headers });

describe("the cross-site check", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossSiteRequest(req("GET", { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("refuses a POST from another origin, a cross-site fetch, a foreign Referer or an opaque origin", () => {
    expect(isCrossSiteRequest(req("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteRequest(req("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteRequest(req("POST", { "sec-fetch-site": "same-site", origin: "https://lms.example.org" }))).toBe(true);
    expect(isCrossSiteRequest(req("POST", { referer: "https://evil.example/form" }))).toBe(true);
    expect(isCrossSiteRequest(req("POST", { origin: "null" }))).toBe(true);
    expect(isCrossSiteRequest(req("DELETE", { origin: "http://lms.example.org" }))).toBe(true);
  });

  it("accepts a POST from this site", () => {
    expect(isCrossSiteRequest(req("POST", { origin: "https://lms.example.org", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteRequest(req("POST", { referer: "https://lms.example.org/login" }))).toBe(false);
    expect(isCrossSiteRequest(req("POST", {}))).toBe(false);
  });
});

describe("the content security policy", () => {
  it("allows scripts only with the nonce and forbids framing", () => {
    const csp = contentSecurityPolicy("abc123");
    expect(csp).toContain("script-src 'self' 'nonce-abc123'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("nonces and request references", () => {
  it("are fresh every time, past many refills of the random pool", () => {
    const nonces = Array.from({ length: 2000 }, newNonce);
    const ids = Array.from({ length: 2000 }, newRequestId);
    expect(new Set(nonces).size).toBe(2000);
    expect(new Set(ids).size).toBe(2000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{12}$/);
  });
});
