import { redirect } from "@remix-run/node";
import type { Role } from "#db/enums";
import {
  SESSION_LIFETIME_MS,
  validateSessionToken,
  type Session,
  type SessionUser,
} from "~/domain/accounts/sessions.server";
import { isSecureRequest, notFound } from "./http.server";

export type { SessionUser };

/** `__Host-` pins the cookie to this host over HTTPS; plain HTTP (local use) cannot carry the prefix. */
export function sessionCookieName(request: Request) {
  return isSecureRequest(request) ? "__Host-fellowship_session" : "fellowship_session";
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index === -1) continue;
    if (part.slice(0, index).trim() === name) return decodeURIComponent(part.slice(index + 1).trim());
  }
  return null;
}

export function serializeSessionCookie(request: Request, token: string, expiresAt: Date) {
  const secure = isSecureRequest(request);
  return [
    `${sessionCookieName(request)}=${token}`,
    "Path=/",
    "HttpOnly",
    "SameSite=Lax",
    `Expires=${expiresAt.toUTCString()}`,
    `Max-Age=${Math.floor(SESSION_LIFETIME_MS / 1000)}`,
    secure ? "Secure" : "",
  ]
    .filter(Boolean)
    .join("; ");
}

export function clearSessionCookie(request: Request) {
  const secure = isSecureRequest(request);
  return `${sessionCookieName(request)}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}

const cache = new WeakMap<Request, { session: Session; user: SessionUser } | null>();

/** Who is calling, or null. Validated once per request. */
export function getAuth(request: Request): { session: Session; user: SessionUser } | null {
  if (cache.has(request)) return cache.get(request) ?? null;
  const token = readCookie(request, sessionCookieName(request));
  const result = token ? validateSessionToken(token) : null;
  cache.set(request, result);
  return result;
}

export function getUser(request: Request): SessionUser | null {
  return getAuth(request)?.user ?? null;
}

export function loginRedirect(request: Request): never {
  const url = new URL(request.url);
  // Data requests (`/path.data?_routes=…`) come back to the page they belong to.
  url.searchParams.delete("_routes");
  let pathname = url.pathname.endsWith(".data") ? url.pathname.slice(0, -5) : url.pathname;
  if (pathname === "/_root" || pathname === "") pathname = "/";
  throw redirect(`/login?redirectTo=${encodeURIComponent(pathname + url.search)}`);
}

/**
 * The one way a loader or action says who may call it: anonymous callers are
 * sent to sign in, signed-in callers of another role get 404.
 */
export function requireUser(request: Request, options: { role?: Role | Role[] } = {}): SessionUser {
  const user = getUser(request);
  if (!user) loginRedirect(request);
  if (options.role) {
    const roles = Array.isArray(options.role) ? options.role : [options.role];
    if (!roles.includes(user.role)) notFound();
  }
  return user;
}

export function requireAuth(request: Request) {
  const auth = getAuth(request);
  if (!auth) loginRedirect(request);
  return auth;
}

/** Pages for signed-out people (sign-in, reset) send signed-in callers home. */
export function requireAnonymous(request: Request) {
  if (getUser(request)) throw redirect("/");
}

/** Public pages say so explicitly, so every route names who may call it. */
export function allowAnyone(_request: Request) {}

export function homePathFor(role: Role) {
  if (role === "coordinator") return "/coordinator/people";
  if (role === "mentor") return "/mentor/fellows";
  return "/dashboard";
}
