import { vatOf, type BusinessDate, type Won } from "@sunap/core";
import type { Db } from "@sunap/db";
import { FIXTURE_REVENUE_ACCOUNT, issueFixtureInvoiceWithLines } from "./invoice-fixtures.ts";

export interface VatFixtureInput {
  payerId: number;
  storeId?: number | null;
  issueOn: BusinessDate;
  dueOn: BusinessDate;
  supplyWon: Won;
  number?: string;
}

/**
 * An issued invoice as the engine leaves it with a supply line (position 1) and a VAT line
 * (position 2, 10% truncated): contract, invoice, lines, and the entry naming the invoice. For
 * credit note tests, which take back line by line.
 */
export async function issueVatFixtureInvoice(db: Db, input: VatFixtureInput): Promise<{ id: number; number: string; totalWon: Won }> {
  const { id, number, totalWon } = await issueFixtureInvoiceWithLines(db, {
    ...input,
    prefix: "VX",
    contractTitle: "월 구독",
    lines: [
      { kind: "plan", labelKo: "월 이용료", labelEn: "Monthly fee", amountWon: input.supplyWon, creditAccount: FIXTURE_REVENUE_ACCOUNT },
      { kind: "vat", labelKo: "부가세", labelEn: "VAT", amountWon: vatOf(input.supplyWon), creditAccount: "vat_payable" },
    ],
  });
  return { id, number, totalWon };
}
