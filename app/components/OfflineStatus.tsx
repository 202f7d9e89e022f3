import { useEffect, useRef, useState } from "react";
import { useClientTranslations, useTranslation } from "~/lib/i18n/react";
import { clearFormNotSent, formatSavedTime, savedCopyTime, showFormNotSent } from "~/lib/offline";

/**
 * With JavaScript, after hydration: says when the page is a saved copy or the
 * browser is offline, stops forms from failing blankly while offline, and
 * turns link clicks into whole-page loads while offline, so the service
 * worker can answer them from the saved pages. The server renders only the
 * empty live region, so hydration sees the same markup.
 */
/** Shown only in the browser, sometimes with no connection: the page must carry them. */
const CLIENT_KEYS = [
  "offline.bannerOffline",
  "offline.bannerSavedCopy",
  "offline.formNotSent",
  "offline.loadCurrent",
  "offline.connectionLostTitle",
  "offline.connectionLostText",
  "offline.tryAgain",
  "offline.toModules",
] as const;

export function OfflineStatus() {
  const { t, i18n } = useTranslation();
  useClientTranslations(CLIENT_KEYS);
  const [online, setOnline] = useState(true);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  // The connection came back while this saved copy was open: offer the current version.
  const [backOnline, setBackOnline] = useState(false);
  const fromCopy = useRef(false);
  const message = useRef(t("offline.formNotSent"));
  message.current = t("offline.formNotSent");

  useEffect(() => {
    setOnline(navigator.onLine);
    const update = () => {
      setOnline(navigator.onLine);
      if (navigator.onLine) setBackOnline(true);
    };
    window.addEventListener("online", update);
    window.addEventListener("offline", update);
    let cancelled = false;
    void savedCopyTime()
      .then((at) => {
        if (cancelled || !at) return;
        fromCopy.current = true;
        setSavedAt(at);
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      window.removeEventListener("online", update);
      window.removeEventListener("offline", update);
    };
  }, []);

  useEffect(() => {
    // Capture phase on window runs before React's own handlers on the document.
    const onSubmit = (event: SubmitEvent) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement)) return;
      clearFormNotSent(form);
      if (navigator.onLine) return;
      // Nothing navigates, so what the user typed stays in the form.
      event.preventDefault();
      event.stopPropagation();
      showFormNotSent(form, message.current);
    };
    const onClick = (event: MouseEvent) => {
      if (navigator.onLine && !fromCopy.current) return;
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || link.hasAttribute("download")) return;
      if (link.target && link.target !== "_self") return;
      const url = new URL(link.href);
      if (url.origin !== window.location.origin) return;
      if (url.pathname === window.location.pathname && url.search === window.location.search) return;
      // The browser follows the link as a whole page, which the worker answers from the saved copy.
      event.stopPropagation();
    };
    window.addEventListener("submit", onSubmit, true);
    window.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("submit", onSubmit, true);
      window.removeEventListener("click", onClick, true);
    };
  }, []);

  const text = savedAt
    ? t("offline.bannerSavedCopy", { date: formatSavedTime(savedAt, i18n.language) })
    : !online
      ? t("offline.bannerOffline")
      : null;

  return (
    // Always a live region, so the banner is announced when it appears; a status only while it says something.
    <div aria-live="polite" role={text ? "status" : undefined} className={text ? "border-b border-amber-700 bg-amber-50 px-4 py-2 text-amber-950" : undefined}>
      {text ? (
        <p className="mx-auto max-w-5xl">
          {text}
          {savedAt && online && backOnline ? (
            <>
              {" "}
              <a href={typeof window === "undefined" ? undefined : window.location.pathname} className="font-semibold underline">
                {t("offline.loadCurrent")}
              </a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
