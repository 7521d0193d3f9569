import { createHash } from "node:crypto";
import { rotateRows, type Db, type Keyring, type RotationResult } from "@sunap/db";
import { decryptEvidence, encryptEvidence } from "./evidence-cipher.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";
import { CMS_FILE_CONTEXT } from "./registration-pipeline.ts";

/** A table's encrypted columns, each with the encryption context its tokens are bound to. */
export interface EncryptedColumns {
  table: string;
  /** The table's integer key column; default `id`. */
  idColumn?: string;
  columns: Record<string, string>;
}

/** Every encrypted column of the core's tables (plugins declare theirs on their server half). */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumns[] = [
  { table: "payer", columns: { birth_date_enc: PAYER_FIELD_CONTEXT.birthDate, business_number_enc: PAYER_FIELD_CONTEXT.businessNumber, phone_enc: PAYER_FIELD_CONTEXT.phone } },
  { table: "payer_account", columns: { account_number_enc: PAYER_FIELD_CONTEXT.accountNumber } },
  { table: "notify_message", columns: { recipient_enc: NOTIFY_FIELD_CONTEXT.recipient, secret_enc: NOTIFY_FIELD_CONTEXT.secret } },
  { table: "cms_file", columns: { content_enc: CMS_FILE_CONTEXT } },
];

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/**
 * Re-encrypts every personal column still on an old key under the active one, table by table.
 * Saves are conditional on the old token, so a value the app rewrote meanwhile is never clobbered.
 * Table and column names come from the constant above, never from input.
 */
export async function rotatePersonalDataKeys(db: Db, keyring: Keyring, onProgress?: (table: string, progress: RotationResult) => void, tables: readonly EncryptedColumns[] = ENCRYPTED_COLUMNS): Promise<Record<string, RotationResult>> {
  const results: Record<string, RotationResult> = {};
  for (const { table, columns, idColumn = "id" } of tables) {
    const id = quote(idColumn);
    const columnOf = new Map(Object.entries(columns).map(([column, context]) => [context, column]));
    const selectList = Object.keys(columns).map(quote).join(", ");
    results[table] = await rotateRows<number>(
      {
        async fetchBatch(afterId, limit) {
          const rows = await db.$queryRawUnsafe<Record<string, string | number | null>[]>(
            `SELECT ${id} AS "id", ${selectList} FROM ${quote(table)} WHERE ${id} > $1 ORDER BY ${id} LIMIT $2`,
            afterId ?? 0,
            limit,
          );
          return rows.map((row) => ({ id: Number(row.id), tokens: Object.fromEntries(Object.entries(columns).map(([column, context]) => [context, row[column] as string | null])) }));
        },
        async saveRow(id, next, previous) {
          const contexts = Object.keys(next);
          const sets = contexts.map((context, i) => `${quote(columnOf.get(context)!)} = $${i + 2}`);
          const guards = contexts.map((context, i) => `${quote(columnOf.get(context)!)} = $${contexts.length + i + 2}`);
          const count = await db.$executeRawUnsafe(
            `UPDATE ${quote(table)} SET ${sets.join(", ")} WHERE ${id} = $1 AND ${guards.join(" AND ")}`,
            id,
            ...contexts.map((c) => next[c]),
            ...contexts.map((c) => previous[c]),
          );
          return count === 1;
        },
      },
      keyring,
      { onBatch: (p) => onProgress?.(table, p) },
    );
  }
  results.evidence_file = await rotateEvidenceFiles(db, keyring, (p) => onProgress?.("evidence_file", p));
  return results;
}

const EVIDENCE_BATCH = 50;

/**
 * Consent evidence files (signatures, scans, recordings) still on an old key, re-encrypted under
 * the active one through `sunap_reencrypt_evidence()`, the one way the database lets evidence
 * bytes change besides redaction. Each file is decrypted and its SHA-256 checked before it is
 * written again; a file changed meanwhile (rotated or redacted by someone else) is left alone.
 */
async function rotateEvidenceFiles(db: Db, keyring: Keyring, onBatch: (progress: RotationResult) => void): Promise<RotationResult> {
  const result: RotationResult = { rowsScanned: 0, rowsUpdated: 0, rowsChangedMeanwhile: 0, valuesByKeyId: {}, rotatedByKeyId: {} };
  let afterId = 0;
  for (;;) {
    const rows = await db.$queryRaw<{ id: number; keyId: string | null; content: Uint8Array | null; sha256: string }[]>`
      SELECT "id", "key_id" AS "keyId", "content", "sha256" FROM "evidence_file"
       WHERE "id" > ${afterId} AND "storage" = 'postgres' AND "redacted_at" IS NULL AND "content" IS NOT NULL AND "key_id" IS NOT NULL
       ORDER BY "id" LIMIT ${EVIDENCE_BATCH}`;
    if (rows.length === 0) break;
    afterId = rows.at(-1)!.id;
    for (const row of rows) {
      const oldKeyId = row.keyId!;
      result.rowsScanned += 1;
      result.valuesByKeyId[oldKeyId] = (result.valuesByKeyId[oldKeyId] ?? 0) + 1;
      if (oldKeyId === keyring.activeKeyId) continue;
      const bytes = decryptEvidence(keyring, oldKeyId, row.content!, row.sha256);
      if (createHash("sha256").update(bytes).digest("hex") !== row.sha256) throw new Error(`evidence ${row.id}: the bytes do not match their SHA-256; not re-encrypted`);
      const next = encryptEvidence(keyring, bytes, row.sha256);
      const [{ done }] = await db.$queryRaw<[{ done: boolean }]>`SELECT sunap_reencrypt_evidence(${row.id}::int, ${oldKeyId}, ${next.keyId}, ${Buffer.from(next.content)}) AS done`;
      if (done) {
        result.rowsUpdated += 1;
        result.rotatedByKeyId[oldKeyId] = (result.rotatedByKeyId[oldKeyId] ?? 0) + 1;
      } else {
        result.rowsChangedMeanwhile += 1;
      }
    }
    onBatch(result);
  }
  return result;
}
