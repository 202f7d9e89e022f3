import type { LoaderFunctionArgs } from "@remix-run/node";
import { allowAnyone } from "~/lib/auth.server";
import { LOCALES } from "~/lib/i18n/config";
import { catalogs } from "~/lib/i18n/i18n.server";

/**
 * The words of the pages the service worker writes itself (offline, not
 * sent), in every language, from the same catalogs as the app. The worker
 * keeps a copy when it installs.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  const body = Object.fromEntries(LOCALES.map((locale) => [locale, catalogs[locale].offline]));
  return new Response(JSON.stringify(body), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
