import { createHash } from "node:crypto";
import { DomainError } from "@sunap/core";
import type { DbOrTx, Keyring } from "@sunap/db";
import { decryptEvidence, encryptEvidence } from "./evidence-cipher.ts";

export type EvidenceFileKind = "signature_image" | "certificate_signature" | "paper_scan" | "recording";

export interface StoredEvidence {
  id: number;
  kind: EvidenceFileKind;
  sha256: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date;
  redactedAt: Date | null;
}

/**
 * Where evidence files live. The metadata row (id, SHA-256, type, size) is always written in the
 * caller's transaction, so a consent and its files commit together; the bytes go wherever the
 * store keeps them — PostgreSQL (encrypted bytea) by default; an S3-compatible store would
 * upload first and keep the object key in `storage_key`.
 */
export interface EvidenceStore {
  put(tx: DbOrTx, file: { kind: EvidenceFileKind; contentType: string; bytes: Uint8Array }): Promise<StoredEvidence>;
  /** The file and its bytes; evidence.redacted once retention removed them. Checks the hash. */
  read(db: DbOrTx, id: number): Promise<StoredEvidence & { bytes: Buffer }>;
}

export class PgEvidenceStore implements EvidenceStore {
  constructor(private readonly keyring: Keyring) {}

  async put(tx: DbOrTx, file: { kind: EvidenceFileKind; contentType: string; bytes: Uint8Array }): Promise<StoredEvidence> {
    const sha256 = createHash("sha256").update(file.bytes).digest("hex");
    const { keyId, content } = encryptEvidence(this.keyring, file.bytes, sha256);
    const row = await tx.evidenceFile.create({
      data: { kind: file.kind, contentType: file.contentType, sizeBytes: file.bytes.length, sha256, storage: "postgres", keyId, content },
      select: { id: true, kind: true, sha256: true, contentType: true, sizeBytes: true, createdAt: true, redactedAt: true },
    });
    return row;
  }

  async read(db: DbOrTx, id: number): Promise<StoredEvidence & { bytes: Buffer }> {
    const row = await db.evidenceFile.findUnique({ where: { id } });
    if (!row) throw new DomainError("NOT_FOUND", "not_found", { entity: `evidence ${id}` });
    if (row.redactedAt || !row.content || !row.keyId) throw new DomainError("NOT_FOUND", "evidence.redacted");
    const bytes = decryptEvidence(this.keyring, row.keyId, row.content, row.sha256);
    if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) throw new Error(`evidence ${id}: the bytes do not match their SHA-256`);
    const { content: _content, keyId: _keyId, storage: _storage, storageKey: _storageKey, ...meta } = row;
    return { ...meta, bytes };
  }
}
