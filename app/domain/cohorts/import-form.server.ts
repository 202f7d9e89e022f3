import {
  unstable_composeUploadHandlers as composeUploadHandlers,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import { IMPORT_MAX_BYTES } from "./limits";

/**
 * Reads the import form: the CSV comes as an uploaded file or pasted text.
 * A file is read up to the limit and no further; one too large is reported,
 * not thrown.
 */
export async function readImportForm(request: Request): Promise<{ form: FormData; text: string; tooLarge: boolean }> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await request.formData();
    return { form, text: String(form.get("csv") ?? ""), tooLarge: false };
  }
  let file: Buffer | null = null;
  let tooLarge = false;
  const files: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) return undefined;
    let size = 0;
    const chunks: Uint8Array[] = [];
    for await (const chunk of data) {
      size += chunk.length;
      if (size > IMPORT_MAX_BYTES) tooLarge = true;
      else chunks.push(chunk);
    }
    if (name === "file" && filename !== "" && !tooLarge) file = Buffer.concat(chunks);
    return "";
  };
  let form: FormData;
  try {
    form = await parseMultipartFormData(request, composeUploadHandlers(files, createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES + 1024 })));
  } catch {
    // A body no browser sends (a part without a name, say): treated as an empty form, answered with its message.
    return { form: new FormData(), text: "", tooLarge };
  }
  const uploaded = file as Buffer | null;
  const text = uploaded && uploaded.length > 0 ? uploaded.toString("utf8") : String(form.get("csv") ?? "");
  return { form, text, tooLarge };
}
