// One line of JSON per request, written through a buffered asynchronous
// stream so logging never waits on the terminal or disk (pino, decision 008).
// Paths that carry a secret (invitation and password-reset links) are cut.
import pino from "pino";
import { pinoHttp } from "pino-http";
import { newRequestId } from "./security.js";

const SECRET_PATHS = /^\/(invite|reset-password)\/[^/?#]+/;

export function redactPath(url) {
  const path = (url ?? "").split("?")[0];
  return path.replace(SECRET_PATHS, "/$1/…");
}

export function requestLogger(destination = pino.destination({ sync: false, minLength: 4096 })) {
  const logger = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  // Lines reach the log within a second even when traffic is light…
  setInterval(() => {
    try {
      destination.flush();
    } catch {
      /* not open yet */
    }
  }, 1000).unref();
  // …and what is buffered is written when the process ends.
  process.once("exit", () => {
    try {
      destination.flushSync();
    } catch {
      /* not open yet: nothing buffered */
    }
  });
  return pinoHttp({
    logger,
    quietReqLogger: true,
    // The same reference the error page shows, so a report can be found in the log.
    genReqId: (_req, res) => (res.locals.requestId ??= newRequestId()),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? "error" : "info"),
    serializers: {
      // Method, path and status only: no query strings, cookies or addresses.
      req: (req) => ({ id: req.id, method: req.method, path: redactPath(req.url) }),
      res: (res) => ({ status: res.statusCode }),
    },
    customSuccessMessage: () => "request",
    customErrorMessage: () => "request failed",
  });
}
