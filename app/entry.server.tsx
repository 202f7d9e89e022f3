import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { isLocale, DEFAULT_LOCALE } from "~/lib/i18n/config";
import { flatCatalogs } from "~/lib/i18n/i18n.server";
import { createTranslationStore, TranslationProvider } from "~/lib/i18n/react";
import { RequestInfoContext } from "~/lib/request-info";
import { logServerError } from "~/lib/errors.server";
import { stretchesBody } from "~/lib/spliced-gzip.server";

export { serverSettings, shutdown, startup } from "~/lib/startup.server";

const ABORT_DELAY = 5_000;
// Where the module page's body goes; React escapes every text it renders, so no reader's text can make this.
const MODULE_BODY = "<!--module-body-->";

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext?.cspNonce;
  const requestId = loadContext?.requestId;
  const rootData = remixContext.staticHandlerContext.loaderData?.root as
    | { locale?: string }
    | undefined;
  const locale = isLocale(rootData?.locale) ? rootData.locale : DEFAULT_LOCALE;
  // Full catalogs on the server; the page gets only the entries this render uses.
  const translations = createTranslationStore(
    { language: locale, catalogs: { [locale]: flatCatalogs[locale], [DEFAULT_LOCALE]: flatCatalogs[DEFAULT_LOCALE] } },
    { recordUse: true },
  );

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    // Cleared once the page is whole: a pending timer would keep the request's render alive for
    // seconds (about 2,000 renders at once under load, and long garbage-collection pauses).
    const timer = setTimeout(() => abort(), ABORT_DELAY + 1000);
    const chunks: Buffer[] = [];
    // The page is rendered whole, then sent as one piece: pages here never
    // wait on slow data, and one write lets compression run once instead of
    // once per small chunk React emits (a module page is about 60 of them).
    const page = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        callback();
      },
      final(callback) {
        try {
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          const html = Buffer.concat(chunks);
          const body = loadContext?.moduleBody;
          const at = body ? html.indexOf(MODULE_BODY) : -1;
          resolve(
            new Response(
              // A module page: the body's stretches go where the placeholder is, most of them compressed once.
              body && at >= 0 ? stretchesBody(request, [html.subarray(0, at), ...body, html.subarray(at + MODULE_BODY.length)], responseHeaders) : html,
              { headers: responseHeaders, status: responseStatusCode },
            ),
          );
          callback();
        } catch (error) {
          // Remix answers with the error page; without this the request would wait forever.
          reject(error);
          callback(error as Error);
        }
      },
    });
    // React ends its destination after each flush once all is written; ending twice makes Node
    // build an error (with its stack) for nothing.
    const end = page.end.bind(page);
    page.end = ((...args: Parameters<typeof end>) => (page.writableEnded ? page : end(...args))) as typeof page.end;
    const { pipe, abort } = renderToPipeableStream(
      <TranslationProvider store={translations}>
        <RequestInfoContext.Provider value={{ requestId, nonce, moduleBody: loadContext?.moduleBody ? MODULE_BODY : undefined }}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestInfoContext.Provider>
      </TranslationProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          clearTimeout(timer);
          pipe(page);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logServerError(error, requestId);
        },
      },
    );
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logServerError(error, (context as AppLoadContext | undefined)?.requestId);
};
