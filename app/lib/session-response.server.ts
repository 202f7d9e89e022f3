import { redirect } from "@remix-run/node";
import { serializeSessionCookie } from "./auth.server";
import { flashCookie, type Flash } from "./flash.server";

/** Redirect after a new session was created: sets the session cookie, and a flash if given. */
export function redirectSignedIn(request: Request, to: string, token: string, expiresAt: Date, flash?: Flash) {
  const headers = new Headers();
  headers.append("Set-Cookie", serializeSessionCookie(request, token, expiresAt));
  if (flash) headers.append("Set-Cookie", flashCookie(request, flash));
  return redirect(to, { headers });
}
