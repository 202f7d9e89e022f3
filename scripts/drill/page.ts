// Reading what the server answered, the way a browser user would see it: the
// assignment form's hidden fields and text, and whether a POST ended in the
// app's "saved"/"submitted" redirect.

/** The editor as the page renders it; null when the page shows no form (the attempt is locked). */
export type Editor = { submissionId: string; version: string; body: string };

function decodeEntities(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const lower = e.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[lower] ?? "";
  });
}

function attributes(tag: string) {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)="([^"]*)"/g)) attrs.set(m[1], decodeEntities(m[2]));
  return attrs;
}

export function readEditor(html: string): Editor | null {
  const hidden = new Map<string, string>();
  for (const m of html.matchAll(/<input\b[^>]*>/g)) {
    const attrs = attributes(m[0]);
    const name = attrs.get("name");
    if (attrs.get("type") === "hidden" && name) hidden.set(name, attrs.get("value") ?? "");
  }
  const textarea = html.match(/<textarea\b[^>]*\bname="body"[^>]*>([\s\S]*?)<\/textarea>/);
  if (!hidden.has("version") || !hidden.has("submissionId") || !textarea) return null;
  // The HTML parser drops one newline right after <textarea>, and React adds one when the text starts with it.
  const body = decodeEntities(textarea[1]).replace(/^\n/, "");
  return { submissionId: hidden.get("submissionId")!, version: hidden.get("version")!, body };
}

/**
 * The message the user is shown after a POST, or null when the answer was not
 * the app's success: a 302 back to the assignment page carrying a flash
 * cookie (`assignments.savedAt` for a draft, `assignments.submitted` for a
 * submission). Errors (conflict, locked, missing statement) re-render the page
 * with a 4xx status instead, and say nothing was saved.
 */
export function acknowledgement(res: Response, expectedPath: string): string | null {
  if (res.status !== 302 || res.headers.get("location") !== expectedPath) return null;
  for (const cookie of res.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const eq = pair.indexOf("=");
    if (pair.slice(0, eq).trim() !== "flash") continue;
    try {
      const flash = JSON.parse(Buffer.from(pair.slice(eq + 1), "base64url").toString("utf8"));
      return typeof flash?.key === "string" ? flash.key : null;
    } catch {
      return null;
    }
  }
  return null;
}
