import "@remix-run/node";
import type { Stretch } from "~/lib/spliced-gzip.server";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    requestId?: string;
    clientAddress?: string;
    /** Set by the module page's loader; spliced into the page by entry.server, not sent as data. */
    moduleBody?: Stretch[];
    reflectionDraft?: { id: string; text: string; errorKey: string };
  }
}
