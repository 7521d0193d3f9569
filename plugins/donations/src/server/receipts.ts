import { DomainError, type BusinessDate } from "@sunap/core";
import type { DbOrTx, Tx } from "@sunap/db";
import { donationReceipt, type DonationReceipt } from "../billing/receipt.ts";
import { collectedByDonor, yearSpan } from "./collections.ts";
import { loadDonationSettings, receiptOrganisation } from "./settings.ts";

/** Receipts go back to 2000 at most; a year after today's has nothing collected yet. */
export function assertReceiptYear(year: number, today: BusinessDate): void {
  if (!Number.isInteger(year) || year < 2000 || year > Number(today.slice(0, 4))) throw new DomainError("INVALID", "donations.receipt.bad_year", { year }, "year");
}

export interface IssuedReceipt {
  payerId: number;
  receipt: DonationReceipt;
  /** False when the donor's receipt for the year had been issued before (same serial). */
  firstIssue: boolean;
}

const SERIAL_LOCK = 0x0d0_4a7e;

/**
 * Issues (or re-issues) the year's receipts of the donors given — every donor with something
 * collected that year when `payerIds` is omitted — from what the ledger shows collected. A
 * donor's serial number is kept in donation_receipt_issue: a re-issue shows the same number
 * (with the total as collected now); new donors get the next numbers of the year, in donor-code
 * order. A transaction-scoped advisory lock per year keeps two issuers from taking one number.
 */
export async function issueReceipts(
  tx: Tx,
  input: { year: number; today: BusinessDate; payerIds?: readonly number[]; storeScope?: readonly number[] | null },
): Promise<IssuedReceipt[]> {
  assertReceiptYear(input.year, input.today);
  const settings = await loadDonationSettings(tx);
  const organisation = await receiptOrganisation(tx, settings);
  const collections = await collectedByDonor(tx, yearSpan(input.year), { payerIds: input.payerIds, storeScope: input.storeScope });
  if (input.payerIds?.length === 1 && collections.length === 0) {
    const payer = await tx.payer.findUnique({ where: { id: input.payerIds[0]! }, select: { payerCode: true } });
    if (!payer) throw new DomainError("NOT_FOUND", "donations.receipt.not_a_donor", { payerId: input.payerIds[0]! }, "payerId");
    throw new DomainError("INVALID", "donations.receipt.nothing_collected", { donorCode: payer.payerCode, year: input.year }, "year");
  }
  const payers = await tx.payer.findMany({ where: { id: { in: collections.map((c) => c.payerId) } }, select: { id: true, payerCode: true, name: true, address: true } });
  const payerById = new Map(payers.map((p) => [p.id, p]));
  const donors = collections
    .filter((c) => c.collectedWon > 0n)
    .map((c) => ({ ...c, payer: payerById.get(c.payerId)! }))
    .sort((a, b) => (a.payer.payerCode < b.payer.payerCode ? -1 : a.payer.payerCode > b.payer.payerCode ? 1 : 0));

  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SERIAL_LOCK}::int, ${input.year}::int)`;
  const existing = await tx.donationReceiptIssue.findMany({ where: { year: input.year } });
  const serialOf = new Map(existing.map((e) => [e.payerId, e.serial]));
  let last = existing.reduce((max, e) => Math.max(max, Number(e.serial.slice(5))), 0);

  const issued: IssuedReceipt[] = [];
  for (const donor of donors) {
    const known = serialOf.get(donor.payerId);
    const serialNumber = known ?? `${input.year}-${String(++last).padStart(6, "0")}`;
    const receipt = donationReceipt({
      serialNumber,
      year: input.year,
      issueOn: input.today,
      organisation,
      donor: { code: donor.payer.payerCode, name: donor.payer.name, address: donor.payer.address },
      payments: donor.payments,
    });
    await tx.donationReceiptIssue.upsert({
      where: { payerId_year: { payerId: donor.payerId, year: input.year } },
      create: { payerId: donor.payerId, year: input.year, serial: serialNumber, totalWon: receipt.totalWon },
      update: { totalWon: receipt.totalWon, issuedAt: new Date() },
    });
    issued.push({ payerId: donor.payerId, receipt, firstIssue: !known });
  }
  return issued;
}

/** The donors of a year with what each paid and the receipt serial, if one was issued (for the admin's list). */
export async function receiptOverview(db: DbOrTx, input: { year: number; storeScope?: readonly number[] | null }) {
  const collections = await collectedByDonor(db, yearSpan(input.year), { storeScope: input.storeScope });
  const ids = collections.map((c) => c.payerId);
  const [payers, issues] = await Promise.all([
    db.payer.findMany({ where: { id: { in: ids } }, select: { id: true, payerCode: true, name: true } }),
    db.donationReceiptIssue.findMany({ where: { year: input.year, payerId: { in: ids } } }),
  ]);
  const payerById = new Map(payers.map((p) => [p.id, p]));
  const issueByPayer = new Map(issues.map((i) => [i.payerId, i]));
  return collections.map((c) => {
    const issue = issueByPayer.get(c.payerId);
    return {
      payerId: c.payerId,
      payerCode: payerById.get(c.payerId)?.payerCode ?? "",
      name: payerById.get(c.payerId)?.name ?? "",
      payments: c.payments.length,
      collectedWon: c.collectedWon,
      serial: issue?.serial ?? null,
      issuedTotalWon: issue?.totalWon ?? null,
      issuedAt: issue?.issuedAt ?? null,
    };
  });
}
