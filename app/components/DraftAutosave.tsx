import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useClientTranslations, useTranslation } from "~/lib/i18n/react";

type Saved = { submissionId?: string; version?: number; errorKey?: string };

/**
 * With JavaScript: saves the draft every 30 seconds and when the page is
 * hidden, shows "Saved at 14:32", and keeps an unsent copy in this browser
 * so a dropped connection never loses what was typed. Without JavaScript the
 * form's own "Save draft" button does the job.
 */
export function DraftAutosave({
  storageKey,
  textarea,
  serverBody,
  ids,
  onSaved,
  action,
}: {
  storageKey: string;
  textarea: RefObject<HTMLTextAreaElement | null>;
  serverBody: string;
  ids: { submissionId: string; version: number };
  onSaved: (ids: { submissionId: string; version: number }) => void;
  action: string;
}) {
  const { t } = useTranslation();
  useClientTranslations(["assignments.autosavedAt", "assignments.discardCopy", "assignments.restoreCopy", "assignments.unsentCopy"]); // shown only after the page is interactive
  const fetcher = useFetcher<Saved>();
  const dirty = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [unsent, setUnsent] = useState<{ body: string; at: string } | null>(null);
  const idsRef = useRef(ids);
  idsRef.current = ids;

  // An unsent copy left by an earlier visit is offered back, never applied silently.
  useEffect(() => {
    const raw = window.localStorage.getItem(storageKey);
    if (!raw) return;
    try {
      const copy = JSON.parse(raw) as { body: string; at: string };
      if (copy.body !== serverBody) setUnsent(copy);
      else window.localStorage.removeItem(storageKey);
    } catch {
      window.localStorage.removeItem(storageKey);
    }
  }, [storageKey, serverBody]);

  useEffect(() => {
    const el = textarea.current;
    if (!el) return;
    const onInput = () => {
      dirty.current = true;
      window.localStorage.setItem(storageKey, JSON.stringify({ body: el.value, at: new Date().toISOString() }));
    };
    // Text typed before the page's script arrived counts too.
    if (el.value !== serverBody) onInput();
    el.addEventListener("input", onInput);
    return () => el.removeEventListener("input", onInput);
  }, [storageKey, textarea, serverBody]);

  useEffect(() => {
    const save = () => {
      const el = textarea.current;
      if (!el || !dirty.current || !navigator.onLine || fetcher.state !== "idle") return;
      dirty.current = false;
      fetcher.submit(
        { intent: "save", autosave: "1", body: el.value, submissionId: idsRef.current.submissionId, version: String(idsRef.current.version) },
        { method: "post", action },
      );
    };
    const timer = window.setInterval(save, 30_000);
    const onHide = () => document.visibilityState === "hidden" && save();
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [action, fetcher, textarea]);

  useEffect(() => {
    const data = fetcher.data;
    if (fetcher.state !== "idle" || !data) return;
    if (data.submissionId && data.version && !data.errorKey) {
      onSaved({ submissionId: data.submissionId, version: data.version });
      setSavedAt(new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
      // The copy in this browser goes once the server has exactly that text.
      try {
        const copy = JSON.parse(window.localStorage.getItem(storageKey) ?? "null") as { body: string } | null;
        if (copy && copy.body === textarea.current?.value && !dirty.current) window.localStorage.removeItem(storageKey);
      } catch {
        window.localStorage.removeItem(storageKey);
      }
    } else {
      dirty.current = true; // try again at the next tick; the copy in this browser stays
    }
  }, [fetcher.state, fetcher.data, onSaved, storageKey, textarea]);

  return (
    <div aria-live="polite" className="mt-2 text-sm">
      {unsent ? (
        <div className="mb-2 rounded border border-amber-700 bg-amber-50 p-2">
          <p>{t("assignments.unsentCopy", { time: unsent.at.slice(0, 16).replace("T", " ") })}</p>
          <div className="mt-1 flex gap-3">
            <button
              type="button"
              className="underline"
              onClick={() => {
                if (textarea.current) textarea.current.value = unsent.body;
                dirty.current = true;
                setUnsent(null);
              }}
            >
              {t("assignments.restoreCopy")}
            </button>
            <button
              type="button"
              className="underline"
              onClick={() => {
                window.localStorage.removeItem(storageKey);
                setUnsent(null);
              }}
            >
              {t("assignments.discardCopy")}
            </button>
          </div>
        </div>
      ) : null}
      {fetcher.data?.errorKey ? <p role="alert" className="text-red-800">{t(fetcher.data.errorKey, { max: 60000 })}</p> : null}
      {savedAt ? <p className="text-slate-700">{t("assignments.autosavedAt", { time: savedAt })}</p> : null}
    </div>
  );
}
