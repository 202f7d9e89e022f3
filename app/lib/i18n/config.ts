import type { InitOptions, Resource } from "i18next";
import { LOCALES, type Locale } from "#db/enums";

export { LOCALES, type Locale };
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "lang";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The same options on the server and in the browser, so both render the same text. */
export function i18nOptions(locale: Locale, resources: Resource): InitOptions {
  return {
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes.
    returnNull: false,
    // Catalogs are loaded before hydration; never suspend rendering for them
    // (a suspended hydration root surfaced as React error #345 in tests).
    react: { useSuspense: false },
  };
}
