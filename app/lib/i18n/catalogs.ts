import type { Locale } from "./config";

/**
 * Each catalog is its own chunk: the browser loads only the reader's
 * language (and English for fallback), once, from an immutable URL.
 */
const loaders: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  en: () => import("../../locales/en.json"),
  ka: () => import("../../locales/ka.json"),
  ru: () => import("../../locales/ru.json"),
  az: () => import("../../locales/az.json"),
  hy: () => import("../../locales/hy.json"),
};

export async function loadCatalog(locale: Locale) {
  return (await loaders[locale]()).default;
}
