import pino, { type Logger } from "pino";

/**
 * JSON logs. Query strings are cut from logged URLs (tRPC GET inputs may hold search terms
 * such as a phone number) and cookies and auth headers never reach a log line.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "sunap" },
    redact: { paths: ["req.headers.cookie", "req.headers.authorization", "req.headers[\"x-csrf-token\"]", "res.headers[\"set-cookie\"]"], remove: true },
    serializers: {
      req: (req: { method?: string; url?: string; ip?: string }) => ({ method: req.method, url: req.url?.split("?")[0], ip: req.ip }),
    },
  });
}
