import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    cspNonce?: string;
    requestId?: string;
    clientAddress?: string;
    /** Set by the module page's loader; rendered by entry.server, not sent as data. */
    moduleBody?: string;
    reflectionDraft?: { id: string; text: string; errorKey: string };
  }
}
