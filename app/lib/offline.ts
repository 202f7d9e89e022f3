/**
 * The browser's side of offline reading: registering the service worker
 * (public/sw.js) and talking to it. Everything here runs only in the browser,
 * after hydration. See docs/decisions/008-offline-reading.md.
 */

type WorkerReply =
  | { type: "saved-copy"; savedAt: string | null }
  | { type: "save-progress"; done: number; total: number }
  | { type: "save-done"; saved: number; savedAt: Record<string, string> }
  | { type: "saved-pages"; pages: Record<string, string | null> };

export function hasServiceWorker() {
  return typeof navigator !== "undefined" && "serviceWorker" in navigator;
}

export function registerServiceWorker() {
  if (!hasServiceWorker()) return;
  const wasControlled = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker
    .register("/sw.js")
    .then(async () => {
      if (wasControlled) return;
      // This page came from the network before the worker existed: keep a copy of it too.
      const registration = await navigator.serviceWorker.ready;
      registration.active?.postMessage({ type: "save-pages", paths: [window.location.pathname] });
    })
    .catch(() => {
      // Without a worker the site works as before, only not offline.
    });
}

/** Sends a message to the active worker and waits for the reply whose type is `until`. */
async function ask<T extends WorkerReply["type"]>(
  message: object,
  until: T,
  onProgress?: (reply: WorkerReply) => void,
  target?: ServiceWorker | null,
): Promise<Extract<WorkerReply, { type: T }> | null> {
  const worker = target ?? (await navigator.serviceWorker.ready).active;
  if (!worker) return null;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.type === until) {
        channel.port1.close();
        resolve(event.data as Extract<WorkerReply, { type: T }>);
      } else onProgress?.(event.data);
    };
    worker.postMessage(message, [channel.port2]);
  });
}

/** When this page was answered from a saved copy: the time it was saved; otherwise null. */
export async function savedCopyTime(): Promise<string | null> {
  const controller = hasServiceWorker() ? navigator.serviceWorker.controller : null;
  // A page the worker did not answer cannot be a saved copy.
  if (!controller) return null;
  const reply = await ask({ type: "saved-copy" }, "saved-copy", undefined, controller);
  return reply?.savedAt ?? null;
}

export async function savedPages(): Promise<Record<string, string | null>> {
  const reply = await ask({ type: "saved-pages" }, "saved-pages");
  return reply?.pages ?? {};
}

export async function savePages(paths: string[], onProgress: (done: number, total: number) => void) {
  const reply = await ask({ type: "save-pages", paths }, "save-done", (r) => {
    if (r.type === "save-progress") onProgress(r.done, r.total);
  });
  return reply ?? { type: "save-done" as const, saved: 0, savedAt: {} };
}

/** A fetch that never reached the server (no connection, or the worker could not either). */
export function isNetworkError(error: unknown) {
  if (!(error instanceof TypeError)) return false;
  if (typeof navigator !== "undefined" && navigator.onLine === false) return true;
  return /failed to fetch|networkerror|load failed/i.test(error.message);
}

const ALERT_ATTRIBUTE = "data-offline-alert";

/** A message at the end of the form: nothing was sent, and the typed text stays where it is. */
export function showFormNotSent(form: HTMLFormElement, text: string) {
  clearFormNotSent(form);
  const alert = document.createElement("p");
  alert.setAttribute("role", "alert");
  alert.setAttribute(ALERT_ATTRIBUTE, "");
  alert.className = "mt-2 rounded border border-amber-700 bg-amber-50 px-3 py-2 text-amber-950";
  alert.textContent = text;
  form.append(alert);
}

export function clearFormNotSent(form: HTMLFormElement) {
  for (const el of form.querySelectorAll(`:scope > [${ALERT_ATTRIBUTE}]`)) el.remove();
}

export function formatSavedTime(iso: string, locale: string, withDate = true) {
  const options: Intl.DateTimeFormatOptions = withDate ? { dateStyle: "medium", timeStyle: "short" } : { timeStyle: "short" };
  try {
    return new Intl.DateTimeFormat(locale, options).format(new Date(iso));
  } catch {
    return new Intl.DateTimeFormat(undefined, options).format(new Date(iso));
  }
}
