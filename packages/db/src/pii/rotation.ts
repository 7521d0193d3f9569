import { decryptField, encryptField, FieldCipherError, keyIdOf } from "./field-cipher.ts";
import type { Keyring } from "./keyring.ts";

/**
 * Key rotation: add a new key to SUNAP_ENCRYPTION_KEYS, make it SUNAP_ENCRYPTION_ACTIVE_KEY
 * (new writes use it at once, old values still decrypt), run `rotate-keys` until it reports
 * nothing left on the old id, and only then remove the old key.
 */

/** The token re-encrypted under the active key, or the same token when it already is. */
export function rotateValue(keyring: Keyring, token: string, context: string): string {
  if (keyIdOf(token) === keyring.activeKeyId) return token;
  return encryptField(keyring, decryptField(keyring, token, context), context);
}

export type RowId = number | bigint | string;

/** One row's encrypted values, keyed by their encryption context (e.g. `payer.phone`); null for an empty column. */
export interface RotationRow<Id extends RowId> {
  id: Id;
  tokens: Readonly<Record<string, string | null | undefined>>;
}

export interface RotationSource<Id extends RowId> {
  /** Rows with id greater than `afterId` (all rows when undefined), ascending by id, at most `limit`. */
  fetchBatch(afterId: Id | undefined, limit: number): Promise<readonly RotationRow<Id>[]>;
  /**
   * Stores the re-encrypted tokens of one row (only those that changed). `previous` holds the
   * tokens they replace so the update can be conditional (`… WHERE id = $1 AND phone_enc = $old`):
   * return false when the row changed meanwhile — the application wrote a fresh value with the
   * active key, and overwriting it with the old value re-encrypted would lose that update.
   */
  saveRow(id: Id, newTokens: Record<string, string>, previous: Record<string, string>): Promise<boolean | void>;
}

export interface RotationOptions {
  batchSize?: number;
  /** Called after each batch, e.g. for the CLI to print progress. */
  onBatch?: (progress: RotationResult) => void;
}

export interface RotationResult {
  rowsScanned: number;
  rowsUpdated: number;
  /** Rows whose conditional save found them changed meanwhile; a re-run picks them up if still on an old key. */
  rowsChangedMeanwhile: number;
  /** Non-null values seen, by the key id they were encrypted with before this run. */
  valuesByKeyId: Record<string, number>;
  /** Values re-encrypted by this run, by their old key id. */
  rotatedByKeyId: Record<string, number>;
}

/** Names the row and column a value could not be rotated in; the value itself is never included. */
export class RotationError extends Error {
  constructor(
    readonly rowId: RowId,
    readonly context: string,
    readonly failure: FieldCipherError,
  ) {
    super(`Cannot rotate ${context} of row ${String(rowId)}: ${failure.message}`, { cause: failure });
    this.name = "RotationError";
  }
}

/**
 * Re-encrypts every value of one table still on an old key, batch by batch (keyset pagination
 * on id). Idempotent: values already on the active key are left alone and their rows are not
 * written, so a re-run after a crash only does what is left; each saved row is durable on its own.
 */
export async function rotateRows<Id extends RowId>(source: RotationSource<Id>, keyring: Keyring, options: RotationOptions = {}): Promise<RotationResult> {
  const batchSize = options.batchSize ?? 500;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError("batchSize must be a positive integer");
  const result: RotationResult = { rowsScanned: 0, rowsUpdated: 0, rowsChangedMeanwhile: 0, valuesByKeyId: {}, rotatedByKeyId: {} };
  let afterId: Id | undefined;

  for (;;) {
    const rows = await source.fetchBatch(afterId, batchSize);
    for (const row of rows) {
      // A source that ignores afterId would loop forever; ids must strictly increase.
      if (afterId !== undefined && !(row.id > afterId)) throw new Error(`rotateRows: fetchBatch returned id ${String(row.id)} after ${String(afterId)}; ids must be ascending and greater than afterId`);
      afterId = row.id;
      result.rowsScanned += 1;

      const newTokens: Record<string, string> = {};
      const previous: Record<string, string> = {};
      const rotatedFrom: string[] = [];
      for (const [context, token] of Object.entries(row.tokens)) {
        if (token === null || token === undefined) continue;
        try {
          const keyId = keyIdOf(token);
          result.valuesByKeyId[keyId] = (result.valuesByKeyId[keyId] ?? 0) + 1;
          if (keyId === keyring.activeKeyId) continue;
          newTokens[context] = rotateValue(keyring, token, context);
          previous[context] = token;
          rotatedFrom.push(keyId);
        } catch (error) {
          if (error instanceof FieldCipherError) throw new RotationError(row.id, context, error);
          throw error;
        }
      }
      if (rotatedFrom.length === 0) continue;

      const saved = await source.saveRow(row.id, newTokens, previous);
      if (saved === false) {
        result.rowsChangedMeanwhile += 1;
        continue;
      }
      result.rowsUpdated += 1;
      for (const keyId of rotatedFrom) result.rotatedByKeyId[keyId] = (result.rotatedByKeyId[keyId] ?? 0) + 1;
    }
    options.onBatch?.(result);
    if (rows.length < batchSize) return result;
  }
}
