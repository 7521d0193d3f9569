import { z } from "zod";
import { DomainError, daysBetween, type BusinessDate, type Won } from "@sunap/core";
import { dailyInterestWon } from "./interest.ts";
import { dateField, DEFAULT_LEGAL_MAX_RATE, parseOrThrow, rateField, wonField } from "./loan-terms.ts";
import { milliPercent, minRate, type MilliPercent, type RateInput } from "./rate.ts";

/** The additional rate on overdue amounts when none is configured: 3 percentage points over the contract rate. */
export const DEFAULT_OVERDUE_ADDITIONAL_RATE = milliPercent(3_000n);

export interface OverdueInterestInput {
  overdueAmountWon: Won | number | string;
  /** The day the amount fell due; interest counts from it, one end only (due Mar 25, paid Mar 26 → 1 day). */
  fromDate: BusinessDate;
  toDate: BusinessDate;
  contractRatePercent: RateInput;
  additionalRatePercent: RateInput;
  legalMaxPercent?: RateInput;
}

export interface OverdueInterest {
  overdueAmountWon: Won;
  fromDate: BusinessDate;
  toDate: BusinessDate;
  days: number;
  /** min(contract + additional, legal maximum). */
  appliedRateMilliPercent: MilliPercent;
  /** True when the legal maximum lowered the rate. */
  capped: boolean;
  interestWon: Won;
}

const OverdueInterestSchema = z.object(
  {
    overdueAmountWon: wonField("loan.amount_invalid"),
    fromDate: dateField,
    toDate: dateField,
    contractRatePercent: rateField(),
    additionalRatePercent: rateField(),
    legalMaxPercent: rateField().optional(),
  },
  { error: "input.invalid" },
);

/**
 * Overdue interest (연체이자) on an amount not paid when due: actual days ÷ 365 at the contract
 * rate plus the additional rate, never above the legal maximum, truncated to the won.
 */
export function overdueInterest(input: OverdueInterestInput): OverdueInterest {
  const parsed = parseOrThrow(OverdueInterestSchema, input);
  const days = daysBetween(parsed.fromDate, parsed.toDate);
  if (days < 0) throw new DomainError("INVALID", "loan.overdue_period_reversed", { from: parsed.fromDate, to: parsed.toDate }, "toDate");
  const legalMax = parsed.legalMaxPercent ?? DEFAULT_LEGAL_MAX_RATE;
  const requested = milliPercent(parsed.contractRatePercent + parsed.additionalRatePercent);
  const appliedRateMilliPercent = minRate(requested, legalMax);
  return {
    overdueAmountWon: parsed.overdueAmountWon,
    fromDate: parsed.fromDate,
    toDate: parsed.toDate,
    days,
    appliedRateMilliPercent,
    capped: appliedRateMilliPercent < requested,
    interestWon: dailyInterestWon(parsed.overdueAmountWon, appliedRateMilliPercent, days),
  };
}
