import { describe, expect, it } from "vitest";
import { LOCALES } from "./config";
import { catalogs, getFixedT, resolveLocale } from "./i18n.server";

const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === "object") Object.assign(out, flatten(v as Record<string, unknown>, key));
    else out[key] = String(v);
  }
  return out;
}

const english = flatten(catalogs.en);
const baseKeys = (keys: string[]) => new Set(keys.map((k) => k.replace(PLURAL, "")));

describe.each(LOCALES.filter((l) => l !== "en"))("the %s catalog", (locale) => {
  const catalog = flatten(catalogs[locale]);

  it("has every key English has, and no key English lacks", () => {
    const mine = baseKeys(Object.keys(catalog));
    const theirs = baseKeys(Object.keys(english));
    expect([...theirs].filter((k) => !mine.has(k)), "missing").toEqual([]);
    expect([...mine].filter((k) => !theirs.has(k)), "extra").toEqual([]);
  });

  it("has every plural form its language needs", () => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const plurals = [...baseKeys(Object.keys(english).filter((k) => PLURAL.test(k)))];
    for (const base of plurals) {
      for (const c of categories) expect(catalog, `${base}_${c}`).toHaveProperty([`${base}_${c}`]);
    }
  });

  it("keeps every placeholder and translates the text", () => {
    for (const [key, value] of Object.entries(catalog)) {
      const englishValue = english[key] ?? english[key.replace(PLURAL, "_other")];
      const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect(placeholders(value), key).toEqual(placeholders(englishValue));
      expect(value.trim(), key).not.toBe("");
    }
  });
});

describe("choosing the language", () => {
  const req = (headers: Record<string, string>) => new Request("http://localhost/", { headers });
  it("prefers the user's setting, then the cookie, then Accept-Language, then English", () => {
    expect(resolveLocale(req({ "Accept-Language": "ru", Cookie: "lang=az" }), "hy")).toBe("hy");
    expect(resolveLocale(req({ "Accept-Language": "ru", Cookie: "lang=az" }))).toBe("az");
    expect(resolveLocale(req({ "Accept-Language": "ka-GE,ka;q=0.9,en;q=0.5" }))).toBe("ka");
    expect(resolveLocale(req({ "Accept-Language": "de-DE" }))).toBe("en");
    expect(resolveLocale(req({ Cookie: "lang=xx" }))).toBe("en");
  });

  it("uses each language's plural rules", () => {
    expect(getFixedT("ru")("login.throttled", { count: 5 })).not.toBe(getFixedT("ru")("login.throttled", { count: 2 }));
    expect(getFixedT("en")("login.throttled", { count: 1 })).toContain("1 minute.");
  });
});
