import { micromark } from "micromark";
import { gfm, gfmHtml } from "micromark-extension-gfm";

/**
 * Markdown written by fellows and mentors, rendered on the server. micromark
 * escapes raw HTML and drops dangerous link protocols by default; links get
 * rel="noopener nofollow" so they carry no authority or window access.
 */
export function renderMarkdown(source: string): string {
  const html = micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
  return html.replace(/<a href="/g, '<a rel="noopener nofollow" href="');
}
