import type { TFunction } from "./i18n/translator";
import { LOCALES } from "./i18n/config";

/** Each language named in its own script, as people look for it. */
export function localeOptions(t: TFunction) {
  return LOCALES.map((l) => ({ value: l, label: t(`language.names.${l}`), lang: l }));
}
