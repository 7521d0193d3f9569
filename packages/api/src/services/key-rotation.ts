import { createHash } from "node:crypto";
import { rotateRows, RotationError, SANDBOX_BANK_FIELD_CONTEXT, type Db, type Keyring, type RotationOptions, type RotationResult } from "@sunap/db";
import { decryptEvidence, encryptEvidence } from "./evidence-cipher.ts";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";
import { NOTIFY_FIELD_CONTEXT } from "./notify-outbox.ts";
import { CMS_FILE_CONTEXT } from "./registration-pipeline.ts";
import { OTP_FIELD_CONTEXT } from "./otp-service.ts";

/** A token kept inside a jsonb document: the column, the keys leading to the string, and its encryption context. */
export interface EncryptedJsonField {
  column: string;
  path: readonly string[];
  context: string;
}

/**
 * Where a table keeps encrypted values, each with the encryption context its tokens are bound
 * to: whole text columns, and tokens inside jsonb documents. Every context of a table must differ.
 */
export interface EncryptedColumns {
  table: string;
  /** The table's key, walked in the database's own order: one unique column of any type (integer, text, uuid); default `id`. */
  idColumn?: string;
  /** Text columns holding one token each: column → context. */
  columns?: Record<string, string>;
  /** Tokens stored inside jsonb columns. */
  jsonFields?: readonly EncryptedJsonField[];
}

/** Every encrypted value of the core's tables (plugins declare theirs on their server half). */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumns[] = [
  { table: "payer", columns: { birth_date_enc: PAYER_FIELD_CONTEXT.birthDate, business_number_enc: PAYER_FIELD_CONTEXT.businessNumber, phone_enc: PAYER_FIELD_CONTEXT.phone } },
  { table: "payer_account", columns: { account_number_enc: PAYER_FIELD_CONTEXT.accountNumber } },
  { table: "notify_message", columns: { recipient_enc: NOTIFY_FIELD_CONTEXT.recipient, secret_enc: NOTIFY_FIELD_CONTEXT.secret } },
  { table: "cms_file", columns: { content_enc: CMS_FILE_CONTEXT } },
  { table: "otp_challenge", columns: { phone_enc: OTP_FIELD_CONTEXT.phone } },
  { table: "sandbox_bank_submission", columns: { content_enc: SANDBOX_BANK_FIELD_CONTEXT.file } },
  { table: "sandbox_bank_result_file", columns: { content_enc: SANDBOX_BANK_FIELD_CONTEXT.file } },
  {
    table: "sandbox_bank_registration",
    idColumn: "lookup_key",
    columns: { account_number_enc: SANDBOX_BANK_FIELD_CONTEXT.accountNumber, birth_or_business_number_enc: SANDBOX_BANK_FIELD_CONTEXT.birthOrBusinessNumber },
  },
];

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** One place a token can be: a text column, or a string inside a jsonb column. */
interface Slot {
  context: string;
  column: string;
  path?: readonly string[];
}

interface PreparedTable {
  table: string;
  keyColumn: string;
  /** The key column's SQL type as the database declares it, so a bound key compares as that type. */
  keyType: string;
  slots: Slot[];
}

/**
 * Checks a declaration against the database before anything is written: the table, its key and
 * every column exist, token columns are text and JSON columns jsonb, and no context repeats. A
 * plugin's typo stops the run with its name, instead of leaving values on the old key unnoticed.
 */
async function prepare(db: Db, declaration: EncryptedColumns): Promise<PreparedTable> {
  const { table, idColumn = "id", columns = {}, jsonFields = [] } = declaration;
  const found = await db.$queryRaw<{ column: string; type: string }[]>`
    SELECT a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS "type"
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relname = ${table} AND a.attnum > 0 AND NOT a.attisdropped`;
  if (found.length === 0) throw new Error(`rotate-keys: table ${table} does not exist`);
  const typeOf = new Map(found.map((f) => [f.column, f.type]));
  const keyType = typeOf.get(idColumn);
  if (!keyType) throw new Error(`rotate-keys: ${table} has no key column ${idColumn}`);
  // Keyset paging skips rows that share a key: the key must be unique on its own (and indexed, so paging is cheap).
  const [{ unique }] = await db.$queryRaw<[{ unique: boolean }]>`
    SELECT EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
                    WHERE n.nspname = current_schema() AND c.relname = ${table} AND i.indisunique AND i.indnkeyatts = 1 AND i.indpred IS NULL AND a.attname = ${idColumn}) AS "unique"`;
  if (!unique) throw new Error(`rotate-keys: ${table}.${idColumn} is not a unique key; declare the table's primary key as idColumn`);
  const slots: Slot[] = [
    ...Object.entries(columns).map(([column, context]) => ({ column, context })),
    ...jsonFields.map((field) => ({ column: field.column, path: field.path, context: field.context })),
  ];
  for (const slot of slots) {
    const type = typeOf.get(slot.column);
    const expected = slot.path ? ["jsonb"] : ["text", "character varying"];
    if (!type || !expected.some((e) => type.startsWith(e))) throw new Error(`rotate-keys: ${table}.${slot.column} is ${type ?? "missing"}; expected ${expected.join(" or ")}`);
    if (slot.path && slot.path.length === 0) throw new Error(`rotate-keys: ${table}.${slot.column} has a JSON field with an empty path`);
  }
  const contexts = slots.map((s) => s.context);
  const repeated = contexts.find((c, i) => contexts.indexOf(c) !== i);
  if (repeated) throw new Error(`rotate-keys: ${table} declares the context ${repeated} twice; each value needs its own`);
  if (slots.length === 0) throw new Error(`rotate-keys: ${table} declares no encrypted value`);
  return { table, keyColumn: idColumn, keyType, slots };
}

/**
 * Re-encrypts every token of one table still on an old key. Keyset paging on the table's key in
 * the database's order (its index and collation, whatever the key's type); the generic rotation
 * sees each row's position in the walk, so it never compares keys itself. Each save is one
 * conditional UPDATE per row (on the old tokens), durable on its own: a re-run resumes by skipping
 * what is already on the active key.
 */
async function rotateTable(db: Db, keyring: Keyring, prepared: PreparedTable, options: RotationOptions): Promise<RotationResult> {
  const { table, keyColumn, keyType, slots } = prepared;
  const key = quote(keyColumn);
  const castKey = (placeholder: string) => `${placeholder}::${keyType}`;
  // $1 is the page size, then one text[] parameter per JSON path, then the key the page starts after.
  const jsonSlots = slots.filter((s) => s.path);
  const paths = jsonSlots.map((s) => [...s.path!]);
  const readOf = (slot: Slot, i: number) => `${slot.path ? `${quote(slot.column)} #>> $${2 + jsonSlots.indexOf(slot)}::text[]` : quote(slot.column)} AS "t${i}"`;
  const select = `SELECT ${key} AS "k", ${slots.map(readOf).join(", ")} FROM ${quote(table)}`;
  const firstPage = `${select} ORDER BY ${key} LIMIT $1`;
  const nextPage = `${select} WHERE ${key} > ${castKey(`$${2 + paths.length}`)} ORDER BY ${key} LIMIT $1`;

  let position = 0;
  let lastKey: unknown;
  const keyAt = new Map<number, unknown>();
  const slotOf = new Map(slots.map((s) => [s.context, s]));

  const rotation = rotateRows<number>(
    {
      async fetchBatch(after, limit) {
        const rows =
          after === undefined ? await db.$queryRawUnsafe<Record<string, unknown>[]>(firstPage, limit, ...paths) : await db.$queryRawUnsafe<Record<string, unknown>[]>(nextPage, limit, ...paths, lastKey);
        keyAt.clear();
        return rows.map((row) => {
          position += 1;
          keyAt.set(position, row.k);
          lastKey = row.k;
          return { id: position, tokens: Object.fromEntries(slots.map((slot, i) => [slot.context, row[`t${i}`] as string | null])) };
        });
      },
      async saveRow(at, next, previous) {
        const params: unknown[] = [keyAt.get(at)];
        const bind = (value: unknown) => `$${params.push(value)}`;
        // Several tokens in one jsonb column are set one inside the other, in one assignment.
        const assignments = new Map<string, string>();
        const guards: string[] = [];
        for (const context of Object.keys(next)) {
          const slot = slotOf.get(context)!;
          const column = quote(slot.column);
          if (slot.path) {
            const path = bind([...slot.path]);
            assignments.set(slot.column, `jsonb_set(${assignments.get(slot.column) ?? column}, ${path}::text[], to_jsonb(${bind(next[context])}::text), false)`);
            guards.push(`${column} #>> ${path}::text[] = ${bind(previous[context])}`);
          } else {
            assignments.set(slot.column, bind(next[context]));
            guards.push(`${column} = ${bind(previous[context])}`);
          }
        }
        const sets = [...assignments].map(([column, value]) => `${quote(column)} = ${value}`);
        const count = await db.$executeRawUnsafe(`UPDATE ${quote(table)} SET ${sets.join(", ")} WHERE ${key} = ${castKey("$1")} AND ${guards.join(" AND ")}`, ...params);
        return count === 1;
      },
    },
    keyring,
    options,
  );
  try {
    return await rotation;
  } catch (error) {
    // Name the row by its key, not by its position in the walk.
    if (error instanceof RotationError) throw new RotationError(`${table}.${keyColumn}=${String(keyAt.get(error.rowId as number))}`, error.context, error.failure);
    throw error;
  }
}

/**
 * Re-encrypts every personal value still on an old key under the active one, table by table,
 * then the consent evidence files. Saves are conditional on the old token, so a value the app
 * rewrote meanwhile is never clobbered. Table, column and path names come from declarations in
 * code, never from input, and are checked against the database first.
 */
export async function rotatePersonalDataKeys(
  db: Db,
  keyring: Keyring,
  onProgress?: (table: string, progress: RotationResult) => void,
  tables: readonly EncryptedColumns[] = ENCRYPTED_COLUMNS,
  options: { batchSize?: number } = {},
): Promise<Record<string, RotationResult>> {
  const prepared: PreparedTable[] = [];
  for (const declaration of tables) prepared.push(await prepare(db, declaration));
  const results: Record<string, RotationResult> = {};
  for (const table of prepared) {
    results[table.table] = await rotateTable(db, keyring, table, { batchSize: options.batchSize, onBatch: (p) => onProgress?.(table.table, p) });
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
    if (rows.length === 0) {
      onBatch(result); // also when there was nothing, so progress names every table
      break;
    }
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
