import { createInstance, type TFunction } from "i18next";
import Negotiator from "negotiator";
import az from "~/locales/az.json";
import en from "~/locales/en.json";
import hy from "~/locales/hy.json";
import ka from "~/locales/ka.json";
import ru from "~/locales/ru.json";
import { flattenCatalog, type FlatCatalog } from "./translator";
import { DEFAULT_LOCALE, LOCALE_COOKIE, LOCALES, i18nOptions, isLocale, type Locale } from "./config";

export const catalogs: Record<Locale, Record<string, unknown>> = { en, ka, ru, az, hy };
/** The catalogs as `key.path → text`, for the translator React renders with. */
export const flatCatalogs = Object.fromEntries(LOCALES.map((l) => [l, flattenCatalog(catalogs[l])])) as Record<Locale, FlatCatalog>;

const instances = new Map<Locale, ReturnType<typeof createInstance>>();

export function getI18n(locale: Locale) {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createInstance();
    const resources = Object.fromEntries(
      LOCALES.map((l) => [l, { translation: catalogs[l] }]),
    );
    void instance.init(i18nOptions(locale, resources));
    instances.set(locale, instance);
  }
  return instance;
}

export function getFixedT(locale: Locale): TFunction {
  return getI18n(locale).getFixedT(locale);
}

export function readLocaleCookie(request: Request): Locale | null {
  const header = request.headers.get("Cookie") ?? "";
  for (const part of header.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === LOCALE_COOKIE && isLocale(value)) return value;
  }
  return null;
}

export function localeFromAcceptLanguage(request: Request): Locale | null {
  const header = request.headers.get("Accept-Language");
  if (!header) return null;
  const best = new Negotiator({ headers: { "accept-language": header } }).language([...LOCALES]);
  return isLocale(best) ? best : null;
}

/** The user's preference, else the switcher's cookie, else Accept-Language, else English. */
export function resolveLocale(request: Request, userLocale?: Locale | null): Locale {
  return (
    userLocale ?? readLocaleCookie(request) ?? localeFromAcceptLanguage(request) ?? DEFAULT_LOCALE
  );
}

export function localeCookie(locale: Locale, secure: boolean) {
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? "; Secure" : ""}`;
}
