import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import type { Upload } from "./files.server";
import { MAX_FILE_BYTES, MAX_FILES_PER_ATTEMPT } from "./limits";

/**
 * Reads a form that may carry attachments. Each file is read up to its limit
 * and no further; an oversized one is reported, not thrown, so the text the
 * fellow typed in the same form comes back with the message.
 */
export async function readAssignmentForm(request: Request): Promise<{ form: FormData; uploads: Upload[] }> {
  const uploads: Upload[] = [];
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    return { form: await request.formData(), uploads };
  }
  const files: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return undefined; // a text field: the next handler takes it
    let size = 0;
    let tooLarge = false;
    const chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      size += chunk.length;
      if (size > MAX_FILE_BYTES) tooLarge = true;
      else chunks.push(chunk);
    }
    if (name === "attachments" && filename !== "" && uploads.length < MAX_FILES_PER_ATTEMPT * 2) {
      uploads.push({ name: filename, bytes: tooLarge ? null : Buffer.concat(chunks), tooLarge });
    }
    return "";
  };
  try {
    const form = await parseMultipartFormData(
      request,
      composeUploadHandlers(files, createMemoryUploadHandler({ maxPartSize: 1024 * 1024 })),
    );
    return { form, uploads };
  } catch {
    // A body no browser sends (a part without a name, a text part over 1 MB): an empty form, answered with form errors.
    return { form: new FormData(), uploads: [] };
  }
}
