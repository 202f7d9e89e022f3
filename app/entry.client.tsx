import { RemixBrowser } from "@remix-run/react";
import { createInstance } from "i18next";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { loadCatalog } from "~/lib/i18n/catalogs";
import { DEFAULT_LOCALE, i18nOptions, isLocale } from "~/lib/i18n/config";
import { registerServiceWorker } from "~/lib/offline";

async function hydrate() {
  const lang = document.documentElement.lang;
  const locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const [catalog, fallback] = await Promise.all([
    loadCatalog(locale),
    locale === DEFAULT_LOCALE ? undefined : loadCatalog(DEFAULT_LOCALE),
  ]);
  const resources = { [locale]: { translation: catalog } } as Record<string, { translation: object }>;
  if (fallback) resources[DEFAULT_LOCALE] = { translation: fallback };
  const i18n = createInstance();
  await i18n.use(initReactI18next).init(i18nOptions(locale, resources));

  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <RemixBrowser />
        </I18nextProvider>
      </StrictMode>,
    );
  });
  // Offline reading (public/sw.js) in production builds only: under Vite's dev server it would cache dev modules.
  if (import.meta.env.PROD) {
    if (document.readyState === "complete") registerServiceWorker();
    else window.addEventListener("load", registerServiceWorker, { once: true });
  }
}

void hydrate();
