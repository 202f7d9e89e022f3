import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { createTranslationStore, PAGE_TRANSLATIONS_ID, readPageTranslations, TranslationProvider } from "~/lib/i18n/react";
import { registerServiceWorker } from "~/lib/offline";

function hydrate() {
  // The page carries the translations it shows; hydrate from exactly those.
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
}

// This module script is async: should it run before the parser has reached the
// page's translations, wait for the document rather than hydrate without them.
if (document.getElementById(PAGE_TRANSLATIONS_ID) || document.readyState !== "loading") hydrate();
else document.addEventListener("DOMContentLoaded", hydrate, { once: true });

// Offline reading (public/sw.js) in production builds only: under Vite's dev server it would cache dev modules.
if (import.meta.env.PROD) {
  if (document.readyState === "complete") registerServiceWorker();
  else window.addEventListener("load", registerServiceWorker, { once: true });
}
