import iconv from "iconv-lite";

/**
 * CP949 (the EUC-KR superset Windows and the banks use): ASCII is one byte, every Hangul
 * syllable two. Fixed-width fields are measured in these bytes.
 */
const ENCODING = "cp949";

/** The bytes of `text`, or undefined when a character has no CP949 form (an emoji, say). */
export function encodeCp949(text: string): Buffer | undefined {
  const normalized = text.normalize("NFC");
  const bytes = iconv.encode(normalized, ENCODING);
  // iconv substitutes "?" for what it cannot encode: a round trip shows it.
  return iconv.decode(bytes, ENCODING) === normalized ? bytes : undefined;
}

/** The text of `bytes`, or undefined when they are not valid CP949 (including a split character). */
export function decodeCp949(bytes: Uint8Array): string | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = iconv.decode(buffer, ENCODING);
  if (text.includes("\uFFFD")) return undefined;
  return iconv.encode(text, ENCODING).equals(buffer) ? text : undefined;
}

/**
 * The longest prefix of `text` whose CP949 form fits in `maxBytes`, cut between characters,
 * never inside one. Undefined when some character cannot be encoded at all.
 */
export function encodeCp949Prefix(text: string, maxBytes: number): Buffer | undefined {
  const parts: Buffer[] = [];
  let used = 0;
  for (const char of text.normalize("NFC")) {
    const bytes = encodeCp949(char);
    if (!bytes) return undefined;
    if (used + bytes.length > maxBytes) break;
    parts.push(bytes);
    used += bytes.length;
  }
  return Buffer.concat(parts, used);
}

/**
 * Where a UTF-8 file gives itself away: a byte-order mark, or Hangul that decodes as valid
 * UTF-8 (CP949 Hangul almost never does). Returns the byte offset of the first sign, if any.
 */
export function utf8HangulOffset(bytes: Uint8Array): number | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 0;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  const index = text.search(/[\u1100-\u11FF\u3131-\u318E\uAC00-\uD7A3]/);
  return index < 0 ? undefined : Buffer.byteLength(text.slice(0, index), "utf8");
}
