import { formatWon, type ChargeLine, type Won } from "@sunap/core";

/**
 * The adjustment once the real report replaces an estimate: for each kind of line (royalty,
 * minimum top-up, each fee, VAT) and account, actual − estimated, as a line `<kind>_true_up`
 * — positive when the store owes more, negative when it paid too much. Kinds that did not change
 * give no line; VAT comes last. The estimated invoice plus the adjustment equal the actual charges, kind by kind.
 */
export function trueUp(estimatedCharges: readonly ChargeLine[], actualCharges: readonly ChargeLine[]): ChargeLine[] {
  const groups = new Map<string, { sample: ChargeLine; estimatedWon: Won; actualWon: Won }>();
  const add = (line: ChargeLine, side: "estimatedWon" | "actualWon") => {
    const key = `${line.kind}\u0000${line.creditAccount}`;
    const group = groups.get(key) ?? { sample: line, estimatedWon: 0n, actualWon: 0n };
    group[side] += line.amountWon;
    groups.set(key, group);
  };
  actualCharges.forEach((line) => add(line, "actualWon"));
  estimatedCharges.forEach((line) => add(line, "estimatedWon"));

  return [...groups.values()]
    .filter((g) => g.actualWon !== g.estimatedWon)
    .sort((a, b) => Number(a.sample.kind === "vat") - Number(b.sample.kind === "vat"))
    .map(({ sample, estimatedWon, actualWon }) => ({
      kind: `${sample.kind}_true_up`,
      label: { ko: `${labelOf(sample).ko} 정산`, en: `${labelOf(sample).en} true-up` },
      amountWon: actualWon - estimatedWon,
      creditAccount: sample.creditAccount,
      basis: {
        ko: `실제 ${formatWon(actualWon, "ko")} − 추정 청구 ${formatWon(estimatedWon, "ko")}`,
        en: `Actual ${formatWon(actualWon, "en")} − estimated ${formatWon(estimatedWon, "en")}`,
      },
    }));
}

/** VAT lines are labelled per item; the true-up sums them into one. */
function labelOf(line: ChargeLine): { ko: string; en: string } {
  if (line.kind === "vat") return { ko: "부가세", en: "VAT" };
  if (line.kind === "royalty") return { ko: "로열티", en: "Royalty" };
  return line.label;
}
