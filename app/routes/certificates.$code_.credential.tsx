import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateFor } from "~/domain/certificates/certificates.server";
import { CREDENTIAL_MEDIA_TYPE } from "~/domain/certificates/credential.server";
import { certificateCredential } from "~/domain/certificates/documents.server";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";

/** The Open Badges 3.0 credential (VC-JWT) of a certificate: for its fellow and coordinators. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const cert = certificateFor(user, params.code ?? "") ?? notFound();
  const jwt = await certificateCredential(cert);
  return new Response(jwt, {
    headers: {
      "Content-Type": CREDENTIAL_MEDIA_TYPE,
      "Content-Disposition": `attachment; filename="certificate-${cert.code.slice(0, 8)}.jwt"`,
      "Cache-Control": "private, no-store",
    },
  });
}
