import { createContext, useContext } from "react";

/**
 * Per-request facts the server knows while rendering: the CSP nonce, the
 * reference id for errors, and a module's body HTML — which travels in the
 * page once and never a second time inside the route's data.
 */
export const RequestInfoContext = createContext<{ requestId?: string; nonce?: string; moduleBody?: string }>({});

export function useRequestInfo() {
  return useContext(RequestInfoContext);
}
