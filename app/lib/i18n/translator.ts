import { DEFAULT_LOCALE, type Locale } from "./config";

/**
 * The translator React components use, on the server and in the browser.
 *
 * It reads the same JSON catalogs as i18next and resolves keys the way our
 * i18next setup does (nested keys, `{{name}}` interpolation without escaping,
 * `_one`/`_few`/`_many`/`_other` plurals by `Intl.PluralRules`, English as the
 * fallback language); `translator.test.ts` checks every key of every catalog
 * against i18next itself. It exists because i18next's browser build alone is
 * about 15 KB gzipped, which the module page's JavaScript budget cannot carry
 * (decision 008). Server code outside React keeps using i18next.
 */

export type FlatCatalog = Record<string, string>;
export type TOptions = Record<string, unknown> & { count?: number };
export type TFunction = (key: string, options?: TOptions) => string;
/** Called with each catalog entry a render used, so the page can ship just those. */
export type KeyRecorder = (language: Locale, key: string, value: string) => void;

/** `{ a: { b: "x" } }` → `{ "a.b": "x" }`. */
export function flattenCatalog(catalog: Record<string, unknown>, prefix = "", out: FlatCatalog = {}): FlatCatalog {
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out[path] = value;
    else if (value && typeof value === "object") flattenCatalog(value as Record<string, unknown>, path, out);
  }
  return out;
}

const pluralRules = new Map<string, { rules: Intl.PluralRules; forms: Map<number, string> }>();
function pluralSuffix(language: string, count: number) {
  let plural = pluralRules.get(language);
  if (!plural) {
    plural = { rules: new Intl.PluralRules(language), forms: new Map() };
    pluralRules.set(language, plural);
  }
  // Counts repeat (sections, days, hours): the rules are asked once per count.
  let form = plural.forms.get(count);
  if (form === undefined) {
    form = plural.rules.select(count);
    if (plural.forms.size >= 1000) plural.forms.clear();
    plural.forms.set(count, form);
  }
  return form;
}

const PLACEHOLDER = /\{\{(.+?)\}\}/g;

function interpolate(text: string, options: TOptions | undefined) {
  if (!options || !text.includes("{{")) return text;
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    const key = name.trim();
    if (!(key in options)) return whole;
    const value = options[key];
    return value === null || value === undefined ? "" : String(value);
  });
}

export function createTranslator(
  language: Locale,
  catalogs: Partial<Record<Locale, FlatCatalog>>,
  record?: KeyRecorder,
): TFunction {
  const chain: Locale[] = language === DEFAULT_LOCALE ? [language] : [language, DEFAULT_LOCALE];
  return (key, options) => {
    const count = typeof options?.count === "number" ? options.count : undefined;
    for (const lng of chain) {
      const catalog = catalogs[lng];
      if (!catalog) continue;
      const candidates = count === undefined ? [key] : [`${key}_${pluralSuffix(lng, count)}`, key];
      for (const candidate of candidates) {
        const value = catalog[candidate];
        if (value === undefined) continue;
        if (record) {
          record(lng, candidate, value);
          // A count can change without a new page: ship the key's other plural forms too.
          if (count !== undefined) {
            for (const form of ["zero", "one", "two", "few", "many", "other"]) {
              const sibling = catalog[`${key}_${form}`];
              if (sibling !== undefined) record(lng, `${key}_${form}`, sibling);
            }
          }
        }
        return interpolate(value, options);
      }
    }
    return key;
  };
}
