import iconv from "iconv-lite";

/**
 * Korean carriers count SMS length in bytes of EUC-KR (CP949 here, its superset covering every
 * Hangul syllable): ASCII is one byte, Hangul two. Up to 90 bytes is an SMS; longer goes as an
 * LMS (with a title), up to 2,000 bytes.
 */
export const SMS_MAX_BYTES = 90;
export const LMS_MAX_BYTES = 2_000;
export const LMS_SUBJECT_MAX_BYTES = 40;

export function cp949ByteLength(text: string): number {
  return iconv.encode(text.normalize("NFC"), "cp949").length;
}

/** True when every character has a CP949 form (an emoji, say, has none and a carrier would mangle it). */
export function isCp949Encodable(text: string): boolean {
  const normalized = text.normalize("NFC");
  return iconv.decode(iconv.encode(normalized, "cp949"), "cp949") === normalized;
}

/** `sms` up to 90 bytes, `lms` up to 2,000, undefined beyond (no text message can carry it). */
export function textMessageType(body: string): "sms" | "lms" | undefined {
  const bytes = cp949ByteLength(body);
  if (bytes <= SMS_MAX_BYTES) return "sms";
  if (bytes <= LMS_MAX_BYTES) return "lms";
  return undefined;
}
