import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { catalogs, flatCatalogs } from "./i18n.server";
import { i18nOptions, LOCALES, type Locale } from "./config";
import { createTranslator, flattenCatalog } from "./translator";

const PLURAL = /_(zero|one|two|few|many|other)$/;
const COUNTS = [0, 1, 2, 3, 4, 5, 11, 12, 21, 22, 25, 101, 1.5];

function i18next(locale: Locale, resources: Record<string, Record<string, unknown>>) {
  const instance = createInstance();
  void instance.init(i18nOptions(locale, Object.fromEntries(Object.entries(resources).map(([l, c]) => [l, { translation: c }]))));
  return instance.getFixedT(locale);
}

/** Values for every `{{name}}` a text uses, of the kinds pages pass. */
function sampleValues(text: string): Record<string, unknown> {
  const names = [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1].trim());
  return Object.fromEntries(names.map((n, i) => [n, i % 3 === 0 ? `ნინო ${n}` : i % 3 === 1 ? 42 : "Ərəstun"]));
}

describe("the React translator resolves exactly as i18next does", () => {
  for (const locale of LOCALES) {
    it(`every key of the ${locale} catalog, with and without counts and values`, () => {
      const reference = i18next(locale, catalogs);
      const ours = createTranslator(locale, flatCatalogs);
      const keys = new Set(Object.keys(flatCatalogs[locale]).map((k) => k.replace(PLURAL, "")));
      let compared = 0;
      for (const key of keys) {
        const text = flatCatalogs[locale][key] ?? flatCatalogs[locale][`${key}_other`] ?? "";
        const values = sampleValues(text);
        expect(ours(key), key).toBe(reference(key));
        expect(ours(key, values), key).toBe(reference(key, values));
        for (const count of COUNTS) {
          expect(ours(key, { ...values, count }), `${key} count=${count}`).toBe(reference(key, { ...values, count }));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(1000);
    });
  }

  it("falls back to English for a key a catalog lacks, and returns the key when no catalog has it", () => {
    const en = { a: { b: "Hello {{name}}", n_one: "{{count}} day", n_other: "{{count}} days" } };
    const ru = { a: { c: "Привет" } };
    const reference = i18next("ru", { en, ru });
    const ours = createTranslator("ru", { en: flattenCatalog(en), ru: flattenCatalog(ru) });
    for (const [key, options] of [
      ["a.b", { name: "Ani" }],
      ["a.b", {}],
      ["a.b", { name: null }],
      ["a.c", undefined],
      ["a.n", { count: 5 }],
      ["a.n", { count: 1 }],
      ["missing.key", undefined],
    ] as const) {
      expect(ours(key, options as Record<string, unknown> | undefined)).toBe(reference(key, options as Record<string, unknown> | undefined));
    }
  });

  it("records each entry it used, with the key's other plural forms", () => {
    const used: string[] = [];
    const t = createTranslator("ru", flatCatalogs, (lng, key) => used.push(`${lng}:${key}`));
    t("app.name");
    t("modules.minutes", { count: 5 });
    expect(used).toContain("ru:app.name");
    const forms = used.filter((u) => u.startsWith("ru:modules.minutes_"));
    expect(forms.length).toBeGreaterThanOrEqual(3);
  });
});
