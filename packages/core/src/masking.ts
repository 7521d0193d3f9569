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

/** Field names that always hold a person's name: the payer's, the account holder's, the depositor's. */
const PERSON_NAME_KEYS = /^(payerName|holderName|representative|depositorName|signerName)$/;
/** In a record about a payer (or their consent, payment …) these name the person too. */
const PAYER_TEXT_KEYS = { name: maskName, email: maskEmail, address: maskAddress, reference: maskName } as const;

/** `홍길동` → `홍*동`, `김철` → `김*`: the first and last letters, enough to recognise, not to identify. */
export function maskName(name: string): string {
  const letters = [...name.trim()];
  if (letters.length <= 1) return letters.length ? "*" : "";
  if (letters.length === 2) return `${letters[0]}*`;
  return `${letters[0]}${"*".repeat(letters.length - 2)}${letters.at(-1)}`;
}

/** `minji.kim@example.kr` → `m***@example.kr`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at <= 0 ? maskName(email) : `${email[0]}***${email.slice(at)}`;
}

/** `서울특별시 강남구 테헤란로 1` → `서울특별시 강남구 …`: the district, not the door. */
export function maskAddress(address: string): string {
  const words = address.trim().split(/\s+/);
  return words.length <= 2 ? "…" : `${words.slice(0, 2).join(" ")} …`;
}

export interface AuditMaskOptions {
  /** The record is about a payer: names, e-mails, addresses and transfer references are masked too. */
  payerRecord?: boolean;
}

/** A deep copy fit for the audit log: secrets dropped, personal numbers and names masked. */
export function maskForAudit(value: unknown, key = "", options: AuditMaskOptions = {}): unknown {
  if (SECRET_KEYS.test(key)) return value === undefined || value === null ? value : "[redacted]";
  if (typeof value === "string") {
    if (PERSONAL_KEYS.test(key)) return maskDigits(value);
    if (PERSON_NAME_KEYS.test(key)) return maskName(value);
    if (options.payerRecord && key in PAYER_TEXT_KEYS) return PAYER_TEXT_KEYS[key as keyof typeof PAYER_TEXT_KEYS](value);
    return value;
  }
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => maskForAudit(item, key, options));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskForAudit(v, k, options)]));
  }
  return value;
}
