import az from "~/locales/az.json?url";
import en from "~/locales/en.json?url";
import hy from "~/locales/hy.json?url";
import ka from "~/locales/ka.json?url";
import ru from "~/locales/ru.json?url";
import type { Locale } from "./config";
import { flattenCatalog, type FlatCatalog } from "./translator";

/**
 * Each full catalog is a content-hashed JSON file, cached for a year. Pages
 * carry only the entries they use; the browser fetches the full catalog for
 * client-side navigation and language switches.
 */
export const catalogUrls: Record<Locale, string> = { en, ka, ru, az, hy };

export async function fetchCatalog(locale: Locale): Promise<FlatCatalog> {
  const response = await fetch(catalogUrls[locale], { credentials: "same-origin" });
  if (!response.ok) throw new Error(`catalog ${locale}: ${response.status}`);
  return flattenCatalog((await response.json()) as Record<string, unknown>);
}
