import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicJwks } from "~/domain/certificates/credential.server";
import { allowAnyone } from "~/lib/auth.server";

/** The public key that signs certificate credentials, for verifiers. */
export async function loader({ request }: LoaderFunctionArgs) {
  allowAnyone(request);
  return new Response(JSON.stringify(await publicJwks()), {
    headers: { "Content-Type": "application/jwk-set+json", "Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*" },
  });
}
