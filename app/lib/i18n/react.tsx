import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { DEFAULT_LOCALE, type Locale } from "./config";
import { createTranslator, type FlatCatalog, type KeyRecorder, type TFunction } from "./translator";

/**
 * Translations for React components: `const { t, i18n } = useTranslation()`.
 *
 * The server renders with the full catalogs and records every entry it used;
 * `<PageTranslations />`, after the content and before the scripts, puts just those entries in the
 * page (a few hundred bytes instead of the whole catalog). The browser hydrates
 * from them, then fetches the full catalog when idle for client-side
 * navigation (see `entry.client.tsx`).
 */

export type TranslationSnapshot = { language: Locale; catalogs: Partial<Record<Locale, FlatCatalog>> };

export type TranslationStore = {
  get(): TranslationSnapshot;
  /** What the page was rendered with: hydration must use exactly this. */
  initial(): TranslationSnapshot;
  subscribe(listener: () => void): () => void;
  /** Switches language, with that language's full catalog. */
  setLanguage(language: Locale, catalog: FlatCatalog): void;
  /** Adds entries to a language's catalog (the full catalog arriving after hydration). */
  addCatalog(language: Locale, catalog: FlatCatalog): void;
  record?: KeyRecorder;
  /** On the server: the entries this render used, by language. */
  used?: Partial<Record<Locale, FlatCatalog>>;
};

export function createTranslationStore(initial: TranslationSnapshot, options: { recordUse?: boolean } = {}): TranslationStore {
  let snapshot = initial;
  const listeners = new Set<() => void>();
  const emit = () => listeners.forEach((l) => l());
  const used: Partial<Record<Locale, FlatCatalog>> = {};
  return {
    get: () => snapshot,
    initial: () => initial,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setLanguage(language, catalog) {
      snapshot = { language, catalogs: { ...snapshot.catalogs, [language]: catalog } };
      emit();
    },
    addCatalog(language, catalog) {
      snapshot = {
        language: snapshot.language,
        catalogs: { ...snapshot.catalogs, [language]: { ...snapshot.catalogs[language], ...catalog } },
      };
      emit();
    },
    ...(options.recordUse
      ? {
          used,
          record: (language: Locale, key: string, value: string) => {
            (used[language] ??= {})[key] = value;
          },
        }
      : {}),
  };
}

const StoreContext = createContext<TranslationStore | null>(null);

export function TranslationProvider({ store, children }: { store: TranslationStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

export function useTranslationStore() {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useTranslation needs a TranslationProvider");
  return store;
}

export function useTranslation(): { t: TFunction; i18n: { language: Locale } } {
  const store = useTranslationStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.get, store.initial);
  return useMemo(
    () => ({ t: createTranslator(snapshot.language, snapshot.catalogs, store.record), i18n: { language: snapshot.language } }),
    [snapshot, store.record],
  );
}

/**
 * Declares texts a component shows only in the browser (after hydration, or
 * offline), so the server puts them in the page's translations too.
 */
export function useClientTranslations(keys: readonly string[]) {
  const store = useTranslationStore();
  if (!store.record) return;
  const { language, catalogs } = store.get();
  const t = createTranslator(language, catalogs, store.record);
  for (const key of keys) {
    t(key);
    t(key, { count: 1 }); // records every plural form the key has
  }
}

/**
 * Once the page is hydrated and idle, the full catalog of its language, for
 * pages opened by client-side navigation (effects run after hydration, so the
 * texts never change under it).
 */
export function useFullCatalog(load: (language: Locale) => Promise<FlatCatalog>) {
  const store = useTranslationStore();
  useEffect(() => {
    const { language } = store.get();
    let cancelled = false;
    const start = () => {
      load(language)
        .then((catalog) => {
          if (!cancelled) store.addCatalog(language, catalog);
        })
        .catch(() => {
          /* Offline or failed: the page keeps what it has; the next page load tries again. */
        });
    };
    const idle = typeof window.requestIdleCallback === "function" ? window.requestIdleCallback(start, { timeout: 5000 }) : null;
    const timer = idle === null ? window.setTimeout(start, 1000) : null;
    return () => {
      cancelled = true;
      if (idle !== null) window.cancelIdleCallback(idle);
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [store, load]);
}

export const PAGE_TRANSLATIONS_ID = "page-translations";

/** JSON inside a <script> element: `<` escaped so no text can close the element. */
function scriptJson(value: unknown) {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}

/**
 * The catalog entries this page used, for hydration. Render it after all
 * visible content (the server has then rendered everything that translates)
 * and before `<Scripts>`: the module script is async and can run before the
 * parser reaches anything after it.
 */
export function PageTranslations() {
  const store = useTranslationStore();
  const [json] = useState(() =>
    store.used
      ? scriptJson({ language: store.get().language, catalogs: store.used })
      : (typeof document !== "undefined" ? document.getElementById(PAGE_TRANSLATIONS_ID)?.textContent : null) ?? "{}",
  );
  return <script id={PAGE_TRANSLATIONS_ID} type="application/json" dangerouslySetInnerHTML={{ __html: json }} />;
}

/** The entries the server put in the page, or English with nothing if absent. */
export function readPageTranslations(doc: Document): TranslationSnapshot {
  try {
    const parsed = JSON.parse(doc.getElementById(PAGE_TRANSLATIONS_ID)?.textContent ?? "{}") as Partial<TranslationSnapshot>;
    if (parsed.language && parsed.catalogs) return parsed as TranslationSnapshot;
  } catch {
    /* fall through */
  }
  return { language: DEFAULT_LOCALE, catalogs: {} };
}
