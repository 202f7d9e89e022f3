/** Records a user may not see answer exactly like records that do not exist. */
export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

export function isSecureRequest(request: Request) {
  return new URL(request.url).protocol === "https:";
}

/** Only same-site paths are followed after sign-in, never another host. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) {
    return fallback;
  }
  return to;
}

export function clientAddress(context: { clientAddress?: string } | undefined) {
  return context?.clientAddress ?? "unknown";
}
