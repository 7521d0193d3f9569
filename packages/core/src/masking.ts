/**
 * Masks keep the last four digits, the same ones search uses: `110-***-*7890`.
 * Separators stay where they were so the shape is recognisable.
 */
export function maskDigits(value: string, keepLast = 4): string {
  const totalDigits = value.replace(/\D/g, "").length;
  let seen = 0;
  return value.replace(/\d/g, (digit) => {
    seen += 1;
    return seen > totalDigits - keepLast ? digit : "*";
  });
}

/** Field names whose values never reach the audit log or a log line at all. */
const SECRET_KEYS = /pass(word)?|token|secret|otp|csrf|signature/i;
/** Field names holding personal numbers: kept only masked. */
const PERSONAL_KEYS = /phone|mobile|account(Number|No)|settlementAccount|businessNumber|birth|resident|rrn|personalId/i;

/** A deep copy fit for the audit log: secrets dropped, personal numbers masked. */
export function maskForAudit(value: unknown, key = ""): unknown {
  if (SECRET_KEYS.test(key)) return value === undefined || value === null ? value : "[redacted]";
  if (typeof value === "string") return PERSONAL_KEYS.test(key) ? maskDigits(value) : value;
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => maskForAudit(item, key));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskForAudit(v, k)]));
  }
  return value;
}
