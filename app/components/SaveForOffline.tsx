import { useEffect, useState } from "react";
import { useClientTranslations, useTranslation } from "~/lib/i18n/react";
import { formatSavedTime, hasServiceWorker, savePages, savedPages } from "~/lib/offline";

/** The pages this device keeps for offline reading, by path, with the time each was saved. */
export function useSavedPages() {
  const [pages, setPages] = useState<Record<string, string | null>>({});
  useEffect(() => {
    if (!hasServiceWorker()) return;
    let cancelled = false;
    void savedPages()
      .then((saved) => {
        if (!cancelled) setPages(saved);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, []);
  return [pages, setPages] as const;
}

/** "Saved for offline · 12 May 2026, 14:32" on a module's card, when this device has it. */
export function SavedForOffline({ savedAt }: { savedAt: string | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!savedAt) return null;
  return <p className="mt-2 text-sm text-green-800">{t("offline.savedOn", { time: formatSavedTime(savedAt, i18n.language) })}</p>;
}

/**
 * Asks the service worker to fetch and keep every open module of the
 * fellow's cohort. It needs JavaScript and a worker, so it appears only
 * after hydration, where a worker is possible.
 */
export function SaveForOffline({
  modulePaths,
  alsoSave,
  onSaved,
}: {
  modulePaths: string[];
  /** Pages saved along with the modules so a fellow can move around offline; not counted. */
  alsoSave: string[];
  onSaved: (savedAt: Record<string, string>) => void;
}) {
  const { t, i18n } = useTranslation();
  useClientTranslations(["offline.saveButton", "offline.saveHelp", "offline.saving", "offline.saved", "offline.notSaved", "offline.savedOn"]);
  const [available, setAvailable] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ saved: number; failed: number; at: string } | null>(null);

  useEffect(() => setAvailable(hasServiceWorker()), []);
  if (!available || modulePaths.length === 0) return null;

  async function save() {
    setResult(null);
    const total = modulePaths.length;
    setProgress({ done: 0, total });
    const reply = await savePages([...modulePaths, ...alsoSave], (done) => setProgress({ done: Math.min(done, total), total }));
    const saved = modulePaths.filter((p) => reply.savedAt[p]).length;
    setProgress(null);
    setResult({ saved, failed: total - saved, at: new Date().toISOString() });
    onSaved(reply.savedAt);
  }

  return (
    <div className="mb-4 rounded border border-slate-200 bg-white p-4">
      <button
        type="button"
        onClick={() => void save()}
        disabled={progress !== null}
        className="rounded bg-brand-700 px-3 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {t("offline.saveButton")}
      </button>
      <p className="mt-2 text-sm text-slate-700">{t("offline.saveHelp")}</p>
      <div aria-live="polite" role={progress || result ? "status" : undefined} className="mt-2 text-sm">
        {progress ? <p>{t("offline.saving", { done: progress.done, total: progress.total })}</p> : null}
        {result && result.saved > 0 ? (
          <p className="font-semibold text-green-800">
            {t("offline.saved", { count: result.saved, time: formatSavedTime(result.at, i18n.language, false) })}
          </p>
        ) : null}
        {result && result.failed > 0 ? <p className="font-semibold text-red-800">{t("offline.notSaved", { count: result.failed })}</p> : null}
      </div>
    </div>
  );
}
