import { CmsFileError } from "../rail-error.ts";

/** The one-letter (or digit) code a file uses for a domain value; anything else is refused. */
export function codeFor<V extends string>(codes: Record<V, string>, value: V, recordNumber: number, field: string): string {
  const code = (codes as Record<string, string | undefined>)[value];
  if (code === undefined) throw new CmsFileError("invalid_code", recordNumber, { value: String(value) }, field);
  return code;
}

/** The domain value a file's code stands for; an unknown code refuses the file. */
export function valueFor<V extends string>(codes: Record<V, string>, code: string, recordNumber: number, field: string): V {
  const entry = Object.entries(codes).find(([, c]) => c === code);
  if (!entry) throw new CmsFileError("invalid_code", recordNumber, { value: code }, field);
  return entry[0] as V;
}

/** A bank code is exactly three digits: zero-padding "4" to "004" would change what was asked. */
export function bankCode(value: string, recordNumber: number): string {
  if (!/^\d{3}$/.test(value)) throw new CmsFileError("invalid_code", recordNumber, { value: value.replace(/[^\x21-\x7e]/g, "?") }, "bankCode");
  return value;
}

/**
 * A birth date (YYMMDD, 6 digits) or a business registration number (10 digits) — never a full
 * resident registration number. Blank only where the field is optional.
 */
export function identityNumber(value: string, recordNumber: number, required: boolean): string {
  if (value === "" && !required) return value;
  if (!/^(\d{6}|\d{10})$/.test(value)) throw new CmsFileError("invalid_identity_number", recordNumber, {}, "birthOrBusinessNumber");
  return value;
}
