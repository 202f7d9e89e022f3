import { createContext, useContext } from "react";

/**
 * Per-request facts the server knows while rendering: the CSP nonce, the
 * reference id for errors, and where a module's body goes: the server renders
 * a placeholder that entry.server replaces with the body, so the body travels
 * in the page once, never a second time inside the route's data, and never
 * through React.
 */
export const RequestInfoContext = createContext<{ requestId?: string; nonce?: string; moduleBody?: string }>({});

export function useRequestInfo() {
  return useContext(RequestInfoContext);
}
