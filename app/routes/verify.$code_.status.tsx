import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateStatus } from "~/domain/certificates/documents.server";
import { lookupCertificate } from "~/domain/certificates/verification.server";
import { allowAnyone } from "~/lib/auth.server";
import { clientAddress } from "~/lib/http.server";

/** The status a credential points to (credentialStatus.id): valid or revoked, as JSON. Public and rate-limited. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  allowAnyone(request);
  const found = lookupCertificate(params.code ?? "", clientAddress(context));
  const headers = { "Content-Type": "application/json", "Cache-Control": "no-store", "Access-Control-Allow-Origin": "*" };
  if (found.limited) return new Response(JSON.stringify({ error: "too many requests" }), { status: 429, headers: { ...headers, "Retry-After": String(Math.ceil(found.retryAfterMs / 1000)) } });
  if (!found.certificate) return new Response(JSON.stringify({ error: "not found" }), { status: 404, headers });
  return new Response(JSON.stringify(certificateStatus(found.certificate)), { headers });
}
