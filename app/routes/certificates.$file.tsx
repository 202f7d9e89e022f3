import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateFor } from "~/domain/certificates/certificates.server";
import { certificatePdf } from "~/domain/certificates/documents.server";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";

/** `/certificates/<code>.pdf`: for the fellow it belongs to and coordinators; 404 for anyone else. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const match = /^([a-z2-7]+)\.pdf$/.exec(params.file ?? "");
  const cert = (match && certificateFor(user, match[1])) || notFound();
  const pdf = await certificatePdf(cert);
  return new Response(Buffer.from(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="certificate-${cert.code.slice(0, 8)}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
