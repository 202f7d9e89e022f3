import { Form } from "@remix-run/react";
import { useTranslation } from "~/lib/i18n/react";
import { LOCALES } from "~/lib/i18n/config";

/** A plain form: works without JavaScript, and the new language loads with the next page. */
export function LanguageSwitcher({ locale, redirectTo }: { locale: string; redirectTo: string }) {
  const { t } = useTranslation();
  return (
    <Form method="post" action="/language" reloadDocument className="flex items-center gap-1">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <label htmlFor="language-switcher" className="sr-only">
        {t("language.label")}
      </label>
      <select
        id="language-switcher"
        name="locale"
        defaultValue={locale}
        className="rounded border border-slate-400 bg-white px-1 py-1"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`language.names.${l}`)}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded border border-slate-400 px-2 py-1 hover:bg-slate-100">
        {t("language.change")}
      </button>
    </Form>
  );
}
