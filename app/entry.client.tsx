import { RemixBrowser } from "@remix-run/react";
import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
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
