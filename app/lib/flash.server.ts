import { isSecureRequest } from "./http.server";

/** A message shown once after a redirect ("Saved", "Signed out"): an i18n key and its values. */
export type Flash = { key: string; values?: Record<string, string> };

const COOKIE = "flash";

export function flashCookie(request: Request, flash: Flash) {
  const value = Buffer.from(JSON.stringify(flash), "utf8").toString("base64url");
  const secure = isSecureRequest(request) ? "; Secure" : "";
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=60${secure}`;
}

export function clearFlashCookie() {
  return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}

export function readFlash(request: Request): Flash | null {
  const header = request.headers.get("Cookie") ?? "";
  const match = header.split(";").map((p) => p.trim()).find((p) => p.startsWith(`${COOKIE}=`));
  if (!match) return null;
  try {
    const parsed = JSON.parse(Buffer.from(match.slice(COOKIE.length + 1), "base64url").toString("utf8"));
    // Only messages from the flash-able parts of the catalogs are shown.
    if (typeof parsed?.key !== "string" || !/^[a-z][A-Za-z]*\.[A-Za-z]+$/.test(parsed.key)) return null;
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(parsed.values ?? {})) {
      if (typeof v === "string") values[k] = v.slice(0, 200);
    }
    return { key: parsed.key, values };
  } catch {
    return null;
  }
}

/** A redirect that shows a message on the next page. */
export function redirectWithFlash(request: Request, to: string, flash: Flash, headers?: HeadersInit) {
  const h = new Headers(headers);
  h.append("Set-Cookie", flashCookie(request, flash));
  h.set("Location", to);
  return new Response(null, { status: 302, headers: h });
}
