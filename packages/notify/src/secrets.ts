/**
 * A secret (an OTP code) inside a rendered body. What is stored and shown is the masked body,
 * with each secret replaced by as many `*`; the spans say where to put the secrets back, and
 * are only ever stored encrypted.
 */
export interface SecretSpan {
  /** Offset (UTF-16 code units) in the masked body. */
  at: number;
  value: string;
}

export const SECRET_MASK_CHAR = "*";

export function maskSecretValue(value: string): string {
  return SECRET_MASK_CHAR.repeat(value.length);
}

/** Where two renderings, one with secrets and one masked, differ: exactly the secret spans. */
export function secretSpans(body: string, maskedBody: string): SecretSpan[] {
  if (body.length !== maskedBody.length) throw new Error("the masked body must be as long as the body");
  const spans: SecretSpan[] = [];
  let start = -1;
  for (let i = 0; i <= body.length; i++) {
    const differs = i < body.length && body[i] !== maskedBody[i];
    if (differs && start < 0) start = i;
    if (!differs && start >= 0) {
      spans.push({ at: start, value: body.slice(start, i) });
      start = -1;
    }
  }
  return spans;
}

/** The body as sent: the masked body with its secrets put back. Throws if the spans do not fit it. */
export function revealSecrets(maskedBody: string, spans: readonly SecretSpan[]): string {
  let result = maskedBody;
  for (const span of spans) {
    const slot = result.slice(span.at, span.at + span.value.length);
    if (slot !== maskSecretValue(span.value)) throw new Error("a secret span does not match the masked body");
    result = result.slice(0, span.at) + span.value + result.slice(span.at + span.value.length);
  }
  return result;
}

/** The spans as one string, for an encrypted column. */
export function serializeSecrets(spans: readonly SecretSpan[]): string {
  return JSON.stringify({ v: 1, spans });
}

export function parseSecrets(text: string): SecretSpan[] {
  const parsed = JSON.parse(text) as { v?: unknown; spans?: unknown };
  if (parsed.v !== 1 || !Array.isArray(parsed.spans)) throw new Error("unknown secret format");
  return parsed.spans.map((span: unknown) => {
    const { at, value } = span as { at?: unknown; value?: unknown };
    if (typeof at !== "number" || !Number.isInteger(at) || at < 0 || typeof value !== "string") throw new Error("malformed secret span");
    return { at, value };
  });
}

/**
 * For lists of messages: runs of ten or more digits (dashes allowed between them) — account
 * numbers, phone numbers — shown with only their last four, as masks elsewhere show them.
 * Amounts (grouped with commas), dates and short codes stay readable.
 */
export function maskLongNumbers(text: string): string {
  return text.replace(/\d+(?:-\d+)*/g, (run) => {
    const digits = run.replace(/\D/g, "").length;
    if (digits < 10) return run;
    let seen = 0;
    return run.replace(/\d/g, (digit) => (++seen > digits - 4 ? digit : "*"));
  });
}
