import { businessDateFromDb, businessDateToDb, DomainError, type BusinessDate } from "@sunap/core";
import type { Tx } from "@sunap/db";
import type { Actor, ContractService } from "@sunap/api";
import type { DonationTerms, PledgeTerms } from "../billing-rules.ts";
import { donationsManifest } from "../manifest.ts";

export type PledgeAction = "pause" | "resume" | "cancel" | "upgrade";

/**
 * Applies one change to a pledge contract in the caller's transaction, through the contract
 * service (optimistic version check, audit with the reason). Refused for a contract of another
 * plugin, for a one-off gift, and for a change from a day whose month was already invoiced —
 * an issued invoice is corrected by voiding it, never by rewriting the terms behind it.
 */
export async function changePledge(
  tx: Tx,
  contracts: ContractService,
  input: { id: number; version: number; action: PledgeAction; effectiveOn: BusinessDate; reason?: string; storeScope: readonly number[] | null; actor: Actor },
  change: (pledge: PledgeTerms) => PledgeTerms,
) {
  const view = await contracts.get(input.id, input.storeScope, tx);
  if (view.pluginId !== donationsManifest.id) throw new DomainError("NOT_FOUND", "not_found", { entity: `pledge ${input.id}` });
  if (view.termsProblem) throw new DomainError("INVALID", "contract.invalid_terms", { field: "terms", detail: view.termsProblem }, "terms");
  const terms = view.terms as DonationTerms;
  if (terms.kind !== "pledge") throw new DomainError("INVALID", "donations.not_a_pledge", {}, "id");
  const next = change(terms);
  const invoiced = await tx.invoice.findFirst({
    where: { contractId: input.id, issueOn: { gte: businessDateToDb(input.effectiveOn) }, voidedAt: null },
    orderBy: { issueOn: "asc" },
    select: { number: true, issueOn: true },
  });
  if (invoiced) throw new DomainError("CONFLICT", "donations.pledge.already_invoiced", { number: invoiced.number, on: businessDateFromDb(invoiced.issueOn) }, fieldOf(input.action));
  const reason = input.reason?.trim() ? `${input.action}: ${input.reason.trim()}` : input.action;
  return contracts.updateTermsInTx(tx, { id: input.id, version: input.version, terms: next, reason }, input.actor);
}

function fieldOf(action: PledgeAction): string {
  return action === "pause" ? "from" : action === "upgrade" ? "effectiveOn" : "on";
}
