import { createContext, useContext } from "react";

/** Per-request facts the server knows while rendering: the CSP nonce and the reference id for errors. */
export const RequestInfoContext = createContext<{ requestId?: string; nonce?: string }>({});

export function useRequestInfo() {
  return useContext(RequestInfoContext);
}
