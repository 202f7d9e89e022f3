// The byte budgets of issue #10, checked against the production build the
// e2e server runs: the page of module 4 as a fellow reads it (the demo
// graduate, in Georgian, with every section read, answers and notes filled in).
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "./fixtures";

const MODULE_4 = "/modules/water-sanitation-health";
const KB = 1024;
const BUDGET = { html: 40 * KB, js: 100 * KB, css: 20 * KB };

const gzipped = (bytes: Buffer | string) => zlib.gzipSync(bytes).length;

/** The response as it travels: no decompression on the way. */
function rawGet(url: string, headers: Record<string, string>) {
  return new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, "bytes on the wire: measured once, in the with-js project");

test("module 4's page stays within its HTML, JavaScript and CSS budgets, and text never waits for a font", async ({ request }) => {
  const signIn = await request.post("/login", { form: { email: "graduate@demo.test", password: "fellowship-demo" }, maxRedirects: 0 });
  expect(signIn.status()).toBe(302);
  const response = await request.get(MODULE_4);
  expect(response.status()).toBe(200);
  const html = await response.text();
  // The full page: the module body with this reader's state, in Georgian.
  expect(html).toContain('id="module-body"');
  expect(html).toContain('lang="ka"');

  const scripts = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"|import\("([^"]+)"\)|<script[^>]+src="([^"]+)"/g)]
    .map((m) => m[1] ?? m[2] ?? m[3])
    .filter((s, i, all) => all.indexOf(s) === i);
  expect(scripts.length).toBeGreaterThan(0);
  const js = await Promise.all(scripts.map(async (s) => gzipped(await (await request.get(s)).body())));
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  expect(stylesheets.length).toBeGreaterThan(0);
  const cssTexts = await Promise.all(stylesheets.map(async (s) => (await request.get(s)).text()));

  const figures = {
    html: gzipped(html),
    js: js.reduce((a, b) => a + b, 0),
    css: cssTexts.reduce((a, text) => a + gzipped(text), 0),
  };
  test.info().annotations.push({
    type: "bytes (gzipped)",
    description: `HTML ${figures.html}, JavaScript ${figures.js} in ${scripts.length} files, CSS ${figures.css}`,
  });
  expect(figures.html, "HTML, gzipped").toBeLessThanOrEqual(BUDGET.html);
  // What the network carries: the page spliced from stretches of the body compressed once.
  const cookie = signIn.headers()["set-cookie"].split(";")[0];
  const sent = await rawGet(new URL(MODULE_4, test.info().project.use.baseURL).href, { cookie, "accept-encoding": "gzip" });
  expect(sent.headers["content-encoding"]).toBe("gzip");
  expect(Number(sent.headers["content-length"])).toBe(sent.body.length);
  expect(sent.body.length, "HTML as sent, gzip").toBeLessThanOrEqual(BUDGET.html);
  const unnonced = (page: string) => page.replace(/nonce="[^"]+"/g, 'nonce=""');
  expect(unnonced(zlib.gunzipSync(sent.body).toString())).toBe(unnonced(html));
  expect(figures.js, "JavaScript, gzipped, all files").toBeLessThanOrEqual(BUDGET.js);
  expect(figures.css, "CSS, gzipped").toBeLessThanOrEqual(BUDGET.css);

  // The translations the page hydrates from come before Remix's async module script, which may run mid-parse.
  const translationsAt = html.indexOf('id="page-translations"');
  expect(translationsAt).toBeGreaterThan(0);
  expect(html.search(/<script[^>]*type="module"/)).toBeGreaterThan(translationsAt);

  // No MDX in the browser: the body arrives as HTML, and no script evaluates code.
  expect(html).not.toMatch(/getMDXComponent|mdx-bundler/);

  // Web fonts (Georgian and Armenian subsets) swap in: text shows at once in a system font.
  const fontFaces = cssTexts.join("\n").match(/@font-face\s*{[^}]*}/g) ?? [];
  expect(fontFaces.length).toBeGreaterThan(0);
  for (const face of fontFaces) {
    expect(face, face).toMatch(/font-display:\s*swap/);
    expect(face, face).toMatch(/unicode-range:/);
  }
  expect(html).not.toMatch(/<link[^>]+rel="preload"[^>]+as="font"/);
});
