import { addDays, formatWon, type ChargeLine, type CoreAccountCode } from "@sunap/core";
import type { Installment } from "./loan-schedule.ts";
import type { OverdueInterest } from "./overdue-interest.ts";
import type { PrepaymentResult } from "./prepayment.ts";
import { formatRatePercent, type MilliPercent } from "./rate.ts";

/**
 * Where a loan's charge lines post. Principal repaid reduces the loan (an asset), it is not
 * revenue. Overdue interest is damages for late payment (지연손해금), not the price of the
 * money lent, so it goes to late-fee income beside other industries' late fees; the prepayment
 * fee compensates lost interest and goes to interest income.
 */
export const LOAN_ACCOUNTS = {
  principal: "loans_receivable",
  interest: "interest_income",
  overdueInterest: "late_fee_income",
  prepaymentFee: "interest_income",
} as const satisfies Record<string, CoreAccountCode>;

const TRUNCATED = { ko: "원 미만 절사", en: "truncated to the won" };

const NO_NOTE = { ko: "", en: "" };

function interestBasis(principalWon: bigint, rate: MilliPercent, days: number | undefined, daily: boolean, note = NO_NOTE) {
  const ratePercent = formatRatePercent(rate);
  const amountKo = formatWon(principalWon, "ko");
  const amountEn = formatWon(principalWon, "en");
  return daily
    ? { ko: `${amountKo} × 연 ${ratePercent}% × ${days}일 ÷ 365 (${TRUNCATED.ko}${note.ko})`, en: `${amountEn} × ${ratePercent}% a year × ${days} days ÷ 365 (${TRUNCATED.en}${note.en})` }
    : { ko: `${amountKo} × 연 ${ratePercent}% ÷ 12 (${TRUNCATED.ko}${note.ko})`, en: `${amountEn} × ${ratePercent}% a year ÷ 12 (${TRUNCATED.en}${note.en})` };
}

/** Lines with a zero amount are left out: the ledger refuses zero lines. */
function nonZero(lines: ChargeLine[]): ChargeLine[] {
  return lines.filter((line) => line.amountWon !== 0n);
}

/** The charge lines of one installment: its principal (credit loans receivable) and its interest (credit interest income). */
export function installmentCharges(installment: Installment): ChargeLine[] {
  const n = installment.number;
  return nonZero([
    {
      kind: "principal",
      label: { ko: `원금 (${n}회차)`, en: `Principal (installment ${n})` },
      amountWon: installment.principalWon,
      creditAccount: LOAN_ACCOUNTS.principal,
      basis: {
        ko: `대출잔액 ${formatWon(installment.openingPrincipalWon, "ko")} → ${formatWon(installment.closingPrincipalWon, "ko")}`,
        en: `Balance ${formatWon(installment.openingPrincipalWon, "en")} → ${formatWon(installment.closingPrincipalWon, "en")}`,
      },
    },
    {
      kind: "interest",
      label: { ko: `이자 (${n}회차)`, en: `Interest (installment ${n})` },
      amountWon: installment.interestWon,
      creditAccount: LOAN_ACCOUNTS.interest,
      basis: interestBasis(installment.openingPrincipalWon, installment.annualRateMilliPercent, installment.days, installment.interestBasis === "daily"),
    },
  ]);
}

/**
 * The charge line of overdue interest (연체이자), credited to late-fee income. Given the installment,
 * the label names it and the last overdue day (the day before `toDate`, which is not counted).
 */
export function overdueInterestCharges(overdue: OverdueInterest, installment?: number): ChargeLine[] {
  const capped = overdue.capped ? { ko: ", 법정 최고금리 적용", en: ", capped at the legal maximum" } : NO_NOTE;
  const basis = interestBasis(overdue.overdueAmountWon, overdue.appliedRateMilliPercent, overdue.days, true, capped);
  const lastDay = addDays(overdue.toDate, -1);
  const label =
    installment === undefined
      ? { ko: `연체이자 (${overdue.fromDate}~${overdue.toDate})`, en: `Overdue interest (${overdue.fromDate} to ${overdue.toDate})` }
      : { ko: `연체이자 (${installment}회차, ${overdue.fromDate}~${lastDay})`, en: `Overdue interest (installment ${installment}, ${overdue.fromDate} to ${lastDay})` };
  return nonZero([
    {
      kind: "overdue_interest",
      label,
      amountWon: overdue.interestWon,
      creditAccount: LOAN_ACCOUNTS.overdueInterest,
      basis: { ko: `연체금액 ${basis.ko}`, en: `Overdue ${basis.en}` },
    },
  ]);
}

/** The charge lines of a prepayment: the principal repaid, its accrued interest and the fee. */
export function prepaymentCharges(prepayment: PrepaymentResult): ChargeLine[] {
  const rate = prepayment.schedule.terms.annualRateMilliPercent;
  return nonZero([
    {
      kind: "principal",
      label: { ko: `중도상환 원금 (${prepayment.date})`, en: `Principal prepaid (${prepayment.date})` },
      amountWon: prepayment.principalWon,
      creditAccount: LOAN_ACCOUNTS.principal,
    },
    {
      kind: "interest",
      label: { ko: "중도상환 경과이자", en: "Interest accrued on the prepaid principal" },
      amountWon: prepayment.accruedInterestWon,
      creditAccount: LOAN_ACCOUNTS.interest,
      basis: interestBasis(prepayment.principalWon, rate, prepayment.accruedDays, true),
    },
    {
      kind: "prepayment_fee",
      label: { ko: "중도상환수수료", en: "Prepayment fee" },
      amountWon: prepayment.feeWon,
      creditAccount: LOAN_ACCOUNTS.prepaymentFee,
    },
  ]);
}
