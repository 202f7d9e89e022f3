/* Fellowship LMS service worker: offline reading of module pages.
 * Hand-written on purpose (see docs/decisions/008-offline-reading.md): pages
 * are per user, carry the time they were saved, and are wiped on sign-out. */
"use strict";

const VERSION = "v1";
const SHELL_CACHE = `fellowship-shell-${VERSION}`;
const PAGES_CACHE = `fellowship-pages-${VERSION}`;
const OUR_CACHES = new Set([SHELL_CACHE, PAGES_CACHE]);
const STRINGS_URL = "/offline.json";
const LOCALES = ["en", "ka", "ru", "az", "hy"];
/** A hanging rural connection falls back to the saved copy after this long. */
const NETWORK_TIMEOUT_MS = 4000;
const MAX_SHELL_ENTRIES = 300;
const SAVED_AT = "X-Saved-At";
const SAVED_LANG = "X-Saved-Lang";

/** Navigations answered from a saved copy, by the client they created: the page asks once. */
const answeredFromCopy = new Map();

self.addEventListener("install", (event) => {
  // Small on purpose: the strings of the offline page and the favicon.
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll([STRINGS_URL, "/favicon.ico"]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith("fellowship-") && !OUR_CACHES.has(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

/** Pages a fellow reads offline: the module list, each module, and the dashboard. */
function isSaveablePath(pathname) {
  return pathname === "/modules" || pathname === "/dashboard" || /^\/modules\/[a-z0-9-]+$/.test(pathname);
}

function pageKey(url) {
  const u = new URL(url, self.location.origin);
  return u.origin + u.pathname;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.method !== "GET") {
    // Signing in or out means the saved pages may belong to someone else: drop them at once.
    if (request.method === "POST" && /^\/log(in|out)(\.data)?$/.test(url.pathname)) {
      event.waitUntil(clearSavedPages());
    }
    // A form posted as a page must not end on the browser's own error page.
    if (request.mode === "navigate") event.respondWith(fetch(request).catch(() => notSentPage()));
    // Remix's own submissions (fetch) fail as they are, so the page can say so and keep the text.
    return;
  }

  if (url.pathname.startsWith("/assets/") || url.pathname === "/favicon.ico") {
    event.respondWith(shellFirst(request));
    return;
  }
  if (url.pathname === STRINGS_URL) {
    event.respondWith(networkThenCache(request, SHELL_CACHE));
    return;
  }
  if (url.pathname === "/__manifest") {
    event.respondWith(manifestPatches(request));
    return;
  }
  if (request.mode === "navigate") {
    if (isSaveablePath(url.pathname)) event.respondWith(savedPageNavigation(event));
    else event.respondWith(fetch(request).catch(() => offlinePage()));
  }
});

/** Content-hashed, immutable files: the cache answers first. */
async function shellFirst(request) {
  const cache = await caches.open(SHELL_CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") {
    await cache.put(request, response.clone());
    await trimShell(cache);
  }
  return response;
}

async function trimShell(cache) {
  const keys = await cache.keys();
  const extra = keys.length - MAX_SHELL_ENTRIES;
  // Oldest first: assets of earlier releases go before the current ones.
  for (let i = 0; i < extra; i++) {
    const path = new URL(keys[i].url).pathname;
    if (path !== STRINGS_URL && path !== "/favicon.ico") await cache.delete(keys[i]);
  }
}

async function networkThenCache(request, cacheName) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const hit = await cache.match(request);
    if (hit) return hit;
    throw error;
  }
}

/**
 * Remix asks /__manifest which routes the page's links lead to. Offline, a
 * saved answer is used; without one, Remix's own "reload the document" answer
 * makes a link click a full navigation, which this worker answers from the
 * saved pages.
 */
async function manifestPatches(request) {
  try {
    return await networkThenCache(request, PAGES_CACHE);
  } catch {
    return new Response(null, { status: 204, headers: { "X-Remix-Reload-Document": "yes" } });
  }
}

function timeout(ms) {
  return new Promise((resolve) => setTimeout(() => resolve("timeout"), ms));
}

/** Network first; the saved copy when the network fails or hangs; the offline page when nothing is saved. */
async function savedPageNavigation(event) {
  const request = event.request;
  const key = pageKey(request.url);
  const network = fetch(request);
  // The network's answer replaces the saved copy even when it arrives after the timeout.
  event.waitUntil(
    network.then((response) => (isStorable(response) ? storePage(key, response.clone()) : undefined)).catch(() => undefined),
  );
  const first = await Promise.race([network.catch(() => "failed"), timeout(NETWORK_TIMEOUT_MS)]);
  if (first instanceof Response) return first;
  const saved = await caches.open(PAGES_CACHE).then((cache) => cache.match(key));
  if (saved) {
    const clientId = event.resultingClientId || event.clientId;
    if (clientId) {
      answeredFromCopy.set(clientId, saved.headers.get(SAVED_AT));
      // A short memory: the page asks within moments of opening.
      if (answeredFromCopy.size > 50) answeredFromCopy.delete(answeredFromCopy.keys().next().value);
    }
    return saved;
  }
  try {
    return await network;
  } catch {
    return offlinePage();
  }
}

function isStorable(response) {
  const type = response.headers.get("Content-Type") || "";
  return response.status === 200 && response.type === "basic" && !response.redirected && type.startsWith("text/html");
}

/** Stores a page with the time it was saved, and the /assets files it needs to open offline. */
async function storePage(key, response) {
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.set(SAVED_AT, new Date().toISOString());
  const lang = /<html[^>]*\slang="([a-z]{2})"/.exec(html);
  if (lang) headers.set(SAVED_LANG, lang[1]);
  const cache = await caches.open(PAGES_CACHE);
  await cache.put(key, new Response(html, { status: 200, statusText: response.statusText, headers }));
  await storeAssets(html);
  return headers.get(SAVED_AT);
}

async function storeAssets(html) {
  const paths = new Set();
  for (const match of html.matchAll(/["'](\/assets\/[^"'?#\s]+)["']/g)) paths.add(match[1]);
  const cache = await caches.open(SHELL_CACHE);
  await Promise.all(
    [...paths].map(async (path) => {
      if (await cache.match(path)) return;
      try {
        const response = await fetch(path, { credentials: "same-origin" });
        if (response.ok) await cache.put(path, response);
      } catch {
        // The page itself is saved; a missing file is fetched on the next visit online.
      }
    }),
  );
  await trimShell(cache);
}

async function clearSavedPages() {
  await caches.delete(PAGES_CACHE);
  answeredFromCopy.clear();
}

/** "Save for offline": fetches each page as the signed-in user and stores it. */
async function savePages(paths, port) {
  let saved = 0;
  let done = 0;
  const savedAt = {};
  for (const path of paths) {
    const url = new URL(path, self.location.origin);
    if (url.origin === self.location.origin && isSaveablePath(url.pathname)) {
      try {
        const response = await fetch(url.pathname, { credentials: "same-origin", headers: { Accept: "text/html" } });
        if (isStorable(response)) {
          savedAt[url.pathname] = await storePage(pageKey(url), response);
          saved++;
        }
      } catch {
        // Counted as not saved.
      }
    }
    done++;
    if (port) port.postMessage({ type: "save-progress", done, total: paths.length });
  }
  return { saved, savedAt };
}

async function savedPages() {
  const cache = await caches.open(PAGES_CACHE);
  const out = {};
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!isSaveablePath(path)) continue;
    const response = await cache.match(request);
    out[path] = response ? response.headers.get(SAVED_AT) : null;
  }
  return out;
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  const port = event.ports && event.ports[0];
  const reply = (value) => port && port.postMessage(value);
  if (message.type === "saved-copy") {
    const id = event.source && event.source.id;
    const savedAt = id && answeredFromCopy.has(id) ? answeredFromCopy.get(id) : null;
    reply({ type: "saved-copy", savedAt });
  } else if (message.type === "save-pages" && Array.isArray(message.paths)) {
    event.waitUntil(savePages(message.paths, port).then((result) => reply({ type: "save-done", ...result })));
  } else if (message.type === "saved-pages") {
    event.waitUntil(savedPages().then((pages) => reply({ type: "saved-pages", pages })));
  }
});

/* ---------- Pages the worker writes itself, in the reader's language ---------- */

async function readerLocale() {
  try {
    if (self.cookieStore) {
      const cookie = await self.cookieStore.get("lang");
      if (cookie && LOCALES.includes(cookie.value)) return cookie.value;
    }
  } catch {
    // No cookie access: the next clue.
  }
  // The language of the newest saved page is the reader's own setting.
  const cache = await caches.open(PAGES_CACHE);
  let newest = null;
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    const at = response && response.headers.get(SAVED_AT);
    const lang = response && response.headers.get(SAVED_LANG);
    if (at && lang && (!newest || at > newest.at)) newest = { at, lang };
  }
  if (newest && LOCALES.includes(newest.lang)) return newest.lang;
  for (const language of self.navigator.languages || []) {
    const base = language.slice(0, 2).toLowerCase();
    if (LOCALES.includes(base)) return base;
  }
  return "en";
}

async function strings(locale) {
  const hit = await caches.open(SHELL_CACHE).then((cache) => cache.match(STRINGS_URL));
  const all = hit ? await hit.json() : {};
  return { ...(all.en || {}), ...(all[locale] || {}) };
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const STYLE =
  "body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#0f172a}" +
  "a{color:#1d4ed8}h1{font-size:1.5rem}li{margin:.25rem 0}";

function htmlPage(locale, title, body) {
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
  return new Response(html, {
    status: 200,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'self'; style-src 'unsafe-inline'; script-src 'none'",
      "Cache-Control": "no-store",
      "X-Offline-Page": "yes",
    },
  });
}

/** A page that was never saved, asked for offline. */
async function offlinePage() {
  const locale = await readerLocale();
  const s = await strings(locale);
  const cache = await caches.open(PAGES_CACHE);
  const items = [];
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (!/^\/modules\/[a-z0-9-]+$/.test(path)) continue;
    const response = await cache.match(request);
    const html = response ? await response.text() : "";
    const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
    const title = heading ? heading[1].replace(/<[^>]+>/g, "") : path;
    // The heading is already escaped HTML from our own server; tags are stripped above.
    items.push(`<li><a href="${escapeHtml(path)}">${title}</a></li>`);
  }
  const list = items.length
    ? `<p>${escapeHtml(s.savedHere || "")}</p><ul>${items.join("")}</ul>`
    : `<p>${escapeHtml(s.noneSaved || "")}</p>`;
  return htmlPage(
    locale,
    s.pageTitle || "",
    `<h1>${escapeHtml(s.pageTitle || "")}</h1><p>${escapeHtml(s.pageText || "")}</p>${list}<p><a href="/modules">${escapeHtml(s.toModules || "")}</a></p>`,
  );
}

/** A form posted as a whole page while the connection is down. */
async function notSentPage() {
  const locale = await readerLocale();
  const s = await strings(locale);
  return htmlPage(locale, s.notSentTitle || "", `<h1>${escapeHtml(s.notSentTitle || "")}</h1><p>${escapeHtml(s.notSentText || "")}</p>`);
}
