import { vatOf, type Won } from "@sunap/core";

/** What the helper needs of an invoice line: its position, account and what is left of it. */
export interface AutoVatLine {
  position: number;
  creditAccount: string;
  leftWon: Won;
}

export const VAT_ACCOUNT = "vat_payable";

/**
 * VAT taken back with the supply, the way invoices are built: 10% of the supply entered, truncated
 * to the won (`vatOf`), spread over the invoice's VAT lines in order up to what each has left.
 */
export function autoVatAmounts(lines: readonly AutoVatLine[], amounts: Readonly<Record<string, Won | null | undefined>>): Map<number, Won> {
  const supplyWon = lines.filter((l) => l.creditAccount !== VAT_ACCOUNT).reduce((sum, l) => sum + (amounts[String(l.position)] ?? 0n), 0n);
  let vatWon = vatOf(supplyWon);
  const result = new Map<number, Won>();
  for (const line of lines.filter((l) => l.creditAccount === VAT_ACCOUNT)) {
    const take = vatWon < line.leftWon ? vatWon : line.leftWon;
    result.set(line.position, take);
    vatWon -= take;
  }
  return result;
}
