/** Logs an unexpected error with the reference id the user sees on the error page. */
export function logServerError(error: unknown, requestId: string | undefined) {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`[error ref=${requestId ?? "none"}] ${detail}`);
}
