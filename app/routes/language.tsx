import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { setLocale } from "~/domain/accounts/users.server";
import { allowAnyone, getUser } from "~/lib/auth.server";
import { isLocale } from "~/lib/i18n/config";
import { localeCookie } from "~/lib/i18n/i18n.server";
import { isSecureRequest, safeRedirectPath } from "~/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  throw redirect("/");
}

/** The switcher: remembered in a cookie, and as the preference of a signed-in user. */
export async function action({ request }: ActionFunctionArgs) {
  allowAnyone(request);
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirectPath(form.get("redirectTo"), "/");
  if (!isLocale(locale)) return redirect(back);
  const user = getUser(request);
  if (user) setLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": localeCookie(locale, isSecureRequest(request)) } });
}
