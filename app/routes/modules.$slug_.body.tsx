import type { LoaderFunctionArgs } from "@remix-run/node";
import { buildModulePage } from "~/domain/content/module-page.server";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";
import { resolveLocale } from "~/lib/i18n/i18n.server";
import { stretchesBody } from "~/lib/spliced-gzip.server";

/** The module body alone, for client-side navigation: the same access rules as the page. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const { body } = buildModulePage(user, params.slug ?? "", resolveLocale(request, user.locale));
  if (body === null) notFound();
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8", "Cache-Control": "private, no-cache" });
  return new Response(stretchesBody(request, body, headers), { headers });
}
