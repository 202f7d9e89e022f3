import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { fetchCatalog } from "~/lib/i18n/catalogs";
import { createTranslationStore, readPageTranslations, TranslationProvider } from "~/lib/i18n/react";
import { registerServiceWorker } from "~/lib/offline";

// The page carries the translations it shows; hydrate from those at once.
const translations = createTranslationStore(readPageTranslations(document));

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <TranslationProvider store={translations}>
        <RemixBrowser />
      </TranslationProvider>
    </StrictMode>,
  );
});

// Offline reading (public/sw.js) in production builds only: under Vite's dev server it would cache dev modules.
if (import.meta.env.PROD) {
  if (document.readyState === "complete") registerServiceWorker();
  else window.addEventListener("load", registerServiceWorker, { once: true });
}

// The full catalog, for pages opened by client-side navigation, once the page is idle.
const whenIdle: (callback: () => void) => void =
  typeof window.requestIdleCallback === "function" ? (cb) => window.requestIdleCallback(cb, { timeout: 5000 }) : (cb) => setTimeout(cb, 1000);
whenIdle(() => {
  const { language } = translations.get();
  fetchCatalog(language)
    .then((catalog) => translations.addCatalog(language, catalog))
    .catch(() => {
      /* Offline or failed: the page keeps what it has; the next page load tries again. */
    });
});
