import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDownloadableFile, readStoredFile } from "~/domain/assignments/files.server";
import { requireUser } from "~/lib/auth.server";
import { notFound } from "~/lib/http.server";

/**
 * An attachment, only through this route: the fellow who uploaded it, the
 * mentor the submission is assigned to, coordinators; 404 for anyone else.
 * Always a download, never rendered by the browser.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = requireUser(request);
  const file = getDownloadableFile(user, params.submissionId ?? "", params.fileId ?? "") ?? notFound();
  const bytes = readStoredFile(file.storedName);
  const ascii = file.name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(bytes, {
    headers: {
      "Content-Type": file.mime,
      "Content-Length": String(bytes.length),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(file.name)}`,
      // The site's CSP comes with every response; this adds a second policy that sandboxes the file.
      "Content-Security-Policy": "sandbox",
      "Cache-Control": "private, no-store",
    },
  });
}

/** RFC 5987 value characters: encodeURIComponent leaves ' ( ) * unescaped, which the RFC does not allow. */
function encodeRfc5987(value: string) {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
