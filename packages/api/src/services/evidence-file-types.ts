import { DomainError } from "@sunap/core";

/**
 * What an uploaded evidence file is, by its first bytes (the name and the declared type are
 * not trusted). Scans: PDF, JPEG, PNG up to 10 MB; recordings: MP3, M4A, WAV up to 20 MB.
 */
export type EvidenceCategory = "scan" | "recording" | "signature";

export const EVIDENCE_LIMITS: Record<EvidenceCategory, { maxBytes: number; allowed: string }> = {
  scan: { maxBytes: 10 * 1024 * 1024, allowed: "PDF, JPEG, PNG" },
  recording: { maxBytes: 20 * 1024 * 1024, allowed: "MP3, M4A, WAV" },
  signature: { maxBytes: 200 * 1024, allowed: "PNG" },
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The content type the bytes really are, or null when they are none of the known ones. */
export function sniffContentType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WAVE"), 8)) return "audio/wav";
  if (startsWith(bytes, ascii("ftyp"), 4) && ["M4A ", "M4B ", "mp42", "isom", "mp41", "iso2"].some((brand) => startsWith(bytes, ascii(brand), 8))) return "audio/mp4";
  if (startsWith(bytes, ascii("ID3"))) return "audio/mpeg";
  // An MPEG audio frame header: 11 sync bits, then a layer other than "reserved".
  if (bytes.length >= 2 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0) return "audio/mpeg";
  return null;
}

const TYPES_OF: Record<EvidenceCategory, readonly string[]> = {
  scan: ["application/pdf", "image/jpeg", "image/png"],
  recording: ["audio/mpeg", "audio/mp4", "audio/wav"],
  signature: ["image/png"],
};

/** Decodes base64 (the transport of uploads), strictly: anything else is evidence.not_base64. */
export function decodeBase64(text: string, field: string): Buffer {
  const clean = text.replace(/^data:[^;,]+;base64,/, "").replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) throw new DomainError("INVALID", "evidence.not_base64", {}, field);
  return Buffer.from(clean, "base64");
}

/** Checks size and type of an uploaded file; returns its real content type. */
export function checkEvidenceFile(bytes: Uint8Array, category: EvidenceCategory, field: string): string {
  const limit = EVIDENCE_LIMITS[category];
  if (bytes.length === 0) throw new DomainError("INVALID", "evidence.empty", {}, field);
  if (bytes.length > limit.maxBytes) throw new DomainError("INVALID", "evidence.too_large", { maxMb: Math.round(limit.maxBytes / 1024 / 1024) }, field);
  const type = sniffContentType(bytes);
  if (!type || !TYPES_OF[category].includes(type)) throw new DomainError("INVALID", "evidence.wrong_type", { allowed: limit.allowed }, field);
  return type;
}
