import type { AccountDefinition } from "@sunap/core";
import type { DbOrTx } from "./prisma-client.ts";

/** Makes the chart in the database match the core's and the plugins' definitions (names may change; codes stay). */
export async function syncChartOfAccounts(db: DbOrTx, accounts: readonly (AccountDefinition & { pluginId?: string })[]): Promise<void> {
  for (const account of accounts) {
    const data = { nameKo: account.name.ko, nameEn: account.name.en, type: account.type, pluginId: account.pluginId ?? null };
    await db.ledgerAccount.upsert({ where: { code: account.code }, create: { code: account.code, ...data }, update: data });
  }
}
