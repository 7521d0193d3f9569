import type { Tx } from "@sunap/db";

/**
 * When retention redacts a donor, their resident registration number goes: the tax consent row
 * stays with its dates (when it was given, on which text, when withdrawn) as the record that a
 * consent existed, but it no longer stands and no issuance list can carry the number again.
 * Receipts issued keep their serial, year and amount, which name nobody but the anonymised payer.
 */
export async function redactDonorPersonalData(tx: Tx, payerId: number): Promise<number> {
  const { count } = await tx.donorTaxConsent.updateMany({ where: { payerId, residentNumberEnc: { not: null } }, data: { residentNumberEnc: null } });
  return count;
}
