import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState, type RefObject } from "react";
import { useClientTranslations, useTranslation } from "~/lib/i18n/react";

/**
 * With JavaScript: saves a whole form as a draft (intent=save) 30 seconds
 * after the last change and when the page is hidden. The form's hidden
 * version fields come back with the revalidated page, so the next save is
 * checked against what this save wrote. Without JavaScript nothing happens:
 * the form's own "Save as draft" button is there.
 */
export function FormAutosave({ form, enabled }: { form: RefObject<HTMLFormElement | null>; enabled: boolean }) {
  const { t } = useTranslation();
  useClientTranslations(["assignments.autosavedAt"]); // shown only after the page is interactive
  const fetcher = useFetcher<{ errorKey?: string }>();
  const dirty = useRef(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);

  useEffect(() => {
    const el = form.current;
    if (!el || !enabled) return;
    const mark = () => {
      dirty.current = true;
    };
    const save = () => {
      if (!dirty.current || !navigator.onLine || fetcher.state !== "idle") return;
      dirty.current = false;
      const data = new FormData(el);
      data.set("intent", "save");
      data.set("autosave", "1");
      fetcher.submit(data, { method: "post", action: el.getAttribute("action") ?? undefined, preventScrollReset: true });
    };
    const timer = window.setInterval(save, 30_000);
    const onHide = () => document.visibilityState === "hidden" && save();
    el.addEventListener("input", mark);
    el.addEventListener("change", mark);
    document.addEventListener("visibilitychange", onHide);
    return () => {
      window.clearInterval(timer);
      el.removeEventListener("input", mark);
      el.removeEventListener("change", mark);
      document.removeEventListener("visibilitychange", onHide);
    };
  }, [enabled, fetcher, form]);

  useEffect(() => {
    if (fetcher.state !== "idle" || fetcher.data === undefined) return;
    if (fetcher.data?.errorKey) dirty.current = true;
    else setSavedAt(new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }));
  }, [fetcher.state, fetcher.data]);

  if (!enabled) return null;
  return (
    <p aria-live="polite" className="mt-2 text-sm text-slate-700">
      {fetcher.data?.errorKey ? <span className="font-semibold text-red-800">{t(fetcher.data.errorKey)}</span> : null}
      {savedAt && !fetcher.data?.errorKey ? t("assignments.autosavedAt", { time: savedAt }) : null}
    </p>
  );
}
