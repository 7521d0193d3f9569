import { describe, expect, it } from "vitest";
import type { ChargeLine } from "@sunap/core";
import { trueUpCreditLines } from "./true-up-credit.ts";

const invoiceLines = [
  { position: 1, kind: "royalty", labelKo: "로열티 (추정 매출)", labelEn: "Royalty (estimated sales)", amountWon: 1_050_000n, creditAccount: "revenue_royalty" },
  { position: 2, kind: "marketing_fund", labelKo: "광고분담금", labelEn: "Marketing fund", amountWon: 300_000n, creditAccount: "franchise_fees" },
  { position: 3, kind: "vat", labelKo: "부가세 (로열티)", labelEn: "VAT (royalty)", amountWon: 105_000n, creditAccount: "vat_payable" },
  { position: 4, kind: "vat", labelKo: "부가세 (광고분담금)", labelEn: "VAT (fund)", amountWon: 30_000n, creditAccount: "vat_payable" },
];
const line = (kind: string, amountWon: bigint, creditAccount: string, ko: string): ChargeLine => ({ kind, label: { ko, en: ko }, amountWon, creditAccount });

describe("trueUpCreditLines", () => {
  it("takes each lower line back from the invoice lines of its kind and account; VAT across the VAT lines in order", () => {
    const lines = trueUpCreditLines([line("royalty_true_up", -150_000n, "revenue_royalty", "로열티 정산"), line("vat_true_up", -110_000n, "vat_payable", "부가세 정산")], invoiceLines, new Map());
    expect(lines.map((l) => [l.invoiceLinePosition, l.labelKo, l.amountWon])).toEqual([
      [1, "로열티 정산", 150_000n],
      [3, "부가세 정산", 105_000n],
      [4, "부가세 정산", 5_000n],
    ]);
  });

  it("leaves a line that went up to the engine's true-up invoice, and counts what earlier notes took", () => {
    const lines = trueUpCreditLines([line("minimum_royalty_true_up", 20_000n, "revenue_royalty", "최저 로열티 정산"), line("vat_true_up", -10_000n, "vat_payable", "부가세 정산")], invoiceLines, new Map([[3, 100_000n]]));
    expect(lines.map((l) => [l.invoiceLinePosition, l.amountWon])).toEqual([
      [3, 5_000n],
      [4, 5_000n],
    ]);
  });
});
