import { DomainError } from "@sunap/core";
import type { Actor, ContractService, ContractView } from "@sunap/api";
import type { Db } from "@sunap/db";
import { PLUGIN_ID } from "./sales-reports.ts";

/** The terms as the form sent them, with the store code set to the contract's store. */
function withStoreCode(terms: unknown, storeCode: string): unknown {
  return terms !== null && typeof terms === "object" && !Array.isArray(terms) ? { ...terms, storeCode } : terms;
}

/**
 * Creates a store's royalty terms, billed to its franchisee: the payer must be a business payer of
 * that store, the store open, and the store without other active royalty terms (checked under a
 * lock on the store, so two clicks cannot create two).
 */
export async function createRoyaltyContract(db: Db, contracts: ContractService, input: { storeId: number; payerId: number; terms: unknown }, actor: Actor): Promise<ContractView> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`royalty-store:${input.storeId}`}))`;
    const store = await tx.store.findUnique({ where: { id: input.storeId } });
    if (!store) throw new DomainError("INVALID", "contract.unknown_store", { storeId: input.storeId }, "storeId");
    const payer = await tx.payer.findUnique({ where: { id: input.payerId } });
    if (!payer) throw new DomainError("INVALID", "contract.unknown_payer", { payerId: input.payerId }, "payerId");
    if (payer.kind !== "business" || payer.storeId !== input.storeId) {
      throw new DomainError("INVALID", "royalty.contract.payer_not_franchisee", { payer: payer.name, storeCode: store.code }, "payerId");
    }
    const active = await tx.contract.findFirst({ where: { pluginId: PLUGIN_ID, storeId: input.storeId, status: "active" }, select: { id: true } });
    if (active) throw new DomainError("CONFLICT", "royalty.contract.store_has_terms", { storeCode: store.code, contractId: active.id }, "storeId");
    return contracts.createInTx(tx, { pluginId: PLUGIN_ID, payerId: input.payerId, storeId: input.storeId, terms: withStoreCode(input.terms, store.code) }, actor);
  });
}

/** New terms for a royalty contract: the store code is kept to the contract's store whatever the form sent. */
export async function updateRoyaltyTerms(db: Db, contracts: ContractService, input: { id: number; version: number; terms: unknown; reason?: string }, actor: Actor): Promise<ContractView> {
  return db.$transaction(async (tx) => {
    const contract = await tx.contract.findUnique({ where: { id: input.id }, include: { store: true } });
    if (!contract || contract.pluginId !== PLUGIN_ID) throw new DomainError("NOT_FOUND", "not_found", { entity: `royalty contract ${input.id}` });
    const storeCode = contract.store?.code;
    return contracts.updateTermsInTx(tx, { ...input, terms: storeCode ? withStoreCode(input.terms, storeCode) : input.terms }, actor);
  });
}
