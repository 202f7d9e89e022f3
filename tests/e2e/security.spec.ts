import { request as playwrightRequest } from "@playwright/test";
import { E2E_BASE_URL } from "./env";
import { database, expect, test } from "./fixtures";

test("a cross-site POST to /login is refused with 403 and writes nothing", async ({ makeUser }) => {
  const user = await makeUser();
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const foreign: Array<Record<string, string>> = [
    { Origin: "https://evil.example" },
    { "Sec-Fetch-Site": "cross-site" },
    { Referer: "https://evil.example/page" },
  ];
  for (const headers of foreign) {
    const response = await context.post("/login", {
      form: { email: user.email, password: user.password },
      headers,
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  }
  const written = database()
    .prepare("select (select count(*) from sessions where user_id = ?) + (select count(*) from audit_events where email = ?) as n")
    .get(user.id, user.email) as { n: number };
  expect(written.n).toBe(0);
  await context.dispose();
});

test("seven quick wrong passwords for one email reach 429", async ({ makeUser }) => {
  const user = await makeUser();
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const statuses: number[] = [];
  for (let i = 0; i < 7; i++) {
    const response = await context.post("/login", { form: { email: user.email, password: `wrong guess ${i}` }, maxRedirects: 0 });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
  const last = await context.post("/login", { form: { email: user.email, password: user.password }, maxRedirects: 0 });
  expect(last.status()).toBe(429);
  expect(Number(last.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await last.text()).toContain("Too many sign-in attempts");
  await context.dispose();
});

test("Accept-Language: ka gives a Georgian page with lang=ka", async () => {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { "Accept-Language": "ka" } });
  const response = await context.get("/login");
  const html = await response.text();
  expect(html).toContain('<html lang="ka"');
  expect(html).toMatch(/<h1[^>]*>[\u10D0-\u10FF ]+<\/h1>/);
  await context.dispose();
});

test("every response carries the security headers", async () => {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  for (const url of ["/login", "/no-such-page", "/favicon.ico"]) {
    const headers = (await context.get(url)).headers();
    expect(headers["content-security-policy"], url).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
  }
  await context.dispose();
});

test("the session cookie is HttpOnly and SameSite=Lax", async () => {
  const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL });
  const response = await context.post("/login", {
    form: { email: "coordinator@demo.test", password: "fellowship-demo" },
    maxRedirects: 0,
  });
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie" && h.value.includes("session="))!.value;
  expect(cookie).toContain("HttpOnly");
  expect(cookie).toContain("SameSite=Lax");
  expect(cookie).toContain("Path=/");
  await context.dispose();
});
