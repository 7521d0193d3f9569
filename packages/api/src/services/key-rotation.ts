import { rotateRows, type Db, type Keyring, type RotationResult } from "@sunap/db";
import { PAYER_FIELD_CONTEXT } from "./payer-service.ts";

/**
 * Re-encrypts every personal column still on an old key under the active one, table by table.
 * Saves are conditional on the old token, so a value the app rewrote meanwhile is never clobbered.
 */
export async function rotatePersonalDataKeys(db: Db, keyring: Keyring, onProgress?: (table: string, progress: RotationResult) => void): Promise<Record<string, RotationResult>> {
  const payers = await rotateRows<number>(
    {
      async fetchBatch(afterId, limit) {
        const rows = await db.payer.findMany({ where: afterId === undefined ? {} : { id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit, select: { id: true, birthDateEnc: true, businessNumberEnc: true, phoneEnc: true } });
        return rows.map((r) => ({ id: r.id, tokens: { [PAYER_FIELD_CONTEXT.birthDate]: r.birthDateEnc, [PAYER_FIELD_CONTEXT.businessNumber]: r.businessNumberEnc, [PAYER_FIELD_CONTEXT.phone]: r.phoneEnc } }));
      },
      async saveRow(id, next, previous) {
        const column = { [PAYER_FIELD_CONTEXT.birthDate]: "birthDateEnc", [PAYER_FIELD_CONTEXT.businessNumber]: "businessNumberEnc", [PAYER_FIELD_CONTEXT.phone]: "phoneEnc" } as const;
        const data = Object.fromEntries(Object.entries(next).map(([context, token]) => [column[context as keyof typeof column], token]));
        const where = Object.fromEntries(Object.entries(previous).map(([context, token]) => [column[context as keyof typeof column], token]));
        const { count } = await db.payer.updateMany({ where: { id, ...where }, data });
        return count === 1;
      },
    },
    keyring,
    { onBatch: (p) => onProgress?.("payer", p) },
  );
  const accounts = await rotateRows<number>(
    {
      async fetchBatch(afterId, limit) {
        const rows = await db.payerAccount.findMany({ where: afterId === undefined ? {} : { id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit, select: { id: true, accountNumberEnc: true } });
        return rows.map((r) => ({ id: r.id, tokens: { [PAYER_FIELD_CONTEXT.accountNumber]: r.accountNumberEnc } }));
      },
      async saveRow(id, next, previous) {
        const token = next[PAYER_FIELD_CONTEXT.accountNumber];
        if (!token) return true;
        const { count } = await db.payerAccount.updateMany({ where: { id, accountNumberEnc: previous[PAYER_FIELD_CONTEXT.accountNumber] }, data: { accountNumberEnc: token } });
        return count === 1;
      },
    },
    keyring,
    { onBatch: (p) => onProgress?.("payer_account", p) },
  );
  return { payer: payers, payer_account: accounts };
}
