import fs from "node:fs";
import { expect, signIn, test } from "./fixtures";

type Locale = { locale: string; bodyTranslated: boolean; frontmatter: { title: string }; keyTerms: Array<{ term: string }>; html: string };
const index: Array<{ slug: string }> = JSON.parse(fs.readFileSync("build/content/index.json", "utf8"));
const modules = index.map(({ slug }) => ({
  slug,
  locales: JSON.parse(fs.readFileSync(`build/content/${slug}.json`, "utf8")).locales as Record<string, Locale>,
}));

test("every module renders in every language it has, without console errors", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "coordinator@demo.test");
  for (const mod of modules) {
    for (const [locale, version] of Object.entries(mod.locales)) {
      await page.context().addCookies([{ name: "lang", value: locale, domain: "localhost", path: "/" }]);
      const response = await page.goto(`/modules/${mod.slug}`);
      expect(response?.status(), `${mod.slug} in ${locale}`).toBe(200);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(version.frontmatter.title);
      await expect(page.locator("article")).toHaveAttribute("lang", version.bodyTranslated ? locale : "en");
      await expect(page.locator("#module-body h2").first()).toBeVisible();
    }
  }
});

for (const locale of ["ka", "hy"]) {
  const full = modules.find((m) => m.locales[locale]?.bodyTranslated);
  test(`glossary and search work in ${locale}`, async ({ page }) => {
    test.skip(!full, `no module is fully translated into ${locale} yet`);
    const version = full!.locales[locale];
    await signIn(page, "mentor@demo.test");
    await page.context().addCookies([{ name: "lang", value: locale, domain: "localhost", path: "/" }]);
    await page.goto("/glossary");
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const terms = await page.locator(`dl [lang="${locale}"] dt`).allTextContents();
    expect(terms).toEqual(expect.arrayContaining(version.keyTerms.map((k) => k.term)));
    const collator = new Intl.Collator(locale, { sensitivity: "base" });
    expect(terms).toEqual([...terms].sort(collator.compare));

    // A word from the translated text, in its own script.
    const word = version.html
      .replace(/<[^>]+>/g, " ")
      .split(/\s+/)
      .find((w) => /^[\u10D0-\u10FF\u0531-\u058F]{7,}$/u.test(w))!;
    await page.goto(`/search?q=${encodeURIComponent(word)}`);
    const hit = page.locator(`ol li[lang="${locale}"]`).first();
    await expect(hit.locator("mark").first()).toBeVisible();
  });
}
