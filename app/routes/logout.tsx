import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { signOut } from "~/domain/accounts/sign-in.server";
import { allowAnyone, clearSessionCookie, getAuth } from "~/lib/auth.server";
import { flashCookie } from "~/lib/flash.server";
import { clientAddress } from "~/lib/http.server";

export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  // Signing out changes state, so it is a POST; a GET just goes home.
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  allowAnyone(request);
  const auth = getAuth(request);
  if (auth) signOut(auth.session.id, auth.user.id, clientAddress(context));
  const headers = new Headers();
  headers.append("Set-Cookie", clearSessionCookie(request));
  headers.append("Set-Cookie", flashCookie(request, { key: "logout.done" }));
  return redirect("/login", { headers });
}
