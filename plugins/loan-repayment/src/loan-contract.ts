import { z } from "zod";
import { DomainError } from "@sunap/core";
import { assertRateWithinCap, dateField, DEFAULT_LEGAL_MAX_RATE, domainErrorOfZod, MAX_TERM_MONTHS, rateField, REPAYMENT_METHODS, wonField, type LoanInput } from "./loan-terms.ts";
import { DEFAULT_OVERDUE_ADDITIONAL_RATE } from "./overdue-interest.ts";
import { PREPAYMENT_METHODS } from "./prepayment.ts";
import { formatRatePercent, HUNDRED_PERCENT, toMilliPercent } from "./rate.ts";

/** A rate stored as normalised percent text (`"5.5"`): readable in the database, exact, never a float. */
const storedRate = (code = "loan.rate_invalid") => rateField(code).transform(formatRatePercent);
const storedFee = rateField("loan.fee_invalid")
  .refine((rate) => rate <= HUNDRED_PERCENT, { error: "loan.fee_invalid" })
  .transform(formatRatePercent);

/**
 * One prepayment (중도상환) as the contract remembers it: enough to replay it on the schedule.
 * `afterInstallment` is how many installments had been billed when it was made.
 */
export const LoanPrepaymentEntry = z.object(
  {
    date: dateField,
    afterInstallment: z.int({ error: "loan.prepay_after_invalid" }).min(0, { error: "loan.prepay_after_invalid" }).max(MAX_TERM_MONTHS, { error: "loan.prepay_after_invalid" }),
    method: z.enum(PREPAYMENT_METHODS, { error: "loan.prepay_method_unknown" }),
    principalWon: wonField("loan.prepay_amount_invalid").refine((amount) => amount > 0n, { error: "loan.prepay_amount_invalid" }),
    /** The fee rate actually applied (the request's, or the contract's at the time). */
    feePercent: storedFee,
  },
  { error: "input.invalid" },
);
export type LoanPrepaymentEntry = z.output<typeof LoanPrepaymentEntry>;

/**
 * A loan contract's terms as stored (jsonb) and as the create form sends them. The output is the
 * stored form: the principal a bigint, rates normalised percent text, the repayment day explicit
 * (the disbursement day unless given), so parsing the stored terms again gives the same value.
 * The legal maximum is a setting, so it is checked where the settings are known (`assertLoanWithinCap`).
 */
export const LoanContractSchema = z
  .object(
    {
      principalWon: wonField("loan.principal_invalid").refine((amount) => amount > 0n, { error: "loan.principal_not_positive" }),
      annualRatePercent: storedRate(),
      termMonths: z.int({ error: "loan.term_out_of_range" }).min(1, { error: "loan.term_out_of_range" }).max(MAX_TERM_MONTHS, { error: "loan.term_out_of_range" }),
      method: z.enum(REPAYMENT_METHODS, { error: "loan.method_unknown" }),
      disbursedOn: z.string({ error: "loan.disbursement_required" }).refine((value) => dateField.safeParse(value).success, { error: "loan.date_invalid" }),
      repaymentDay: z.int({ error: "loan.repayment_day_invalid" }).min(1, { error: "loan.repayment_day_invalid" }).max(31, { error: "loan.repayment_day_invalid" }).optional(),
      /** Overrides the plugin setting for this loan. */
      overdueAdditionalRatePercent: storedRate("loan.overdue_rate_invalid").optional(),
      /** Prepayment fee (중도상환수수료) on principal repaid early; 0 unless agreed. */
      prepaymentFeePercent: storedFee.default("0"),
      prepayments: z.array(LoanPrepaymentEntry, { error: "input.invalid" }).default([]),
    },
    { error: "input.invalid" },
  )
  .transform(({ repaymentDay, ...terms }) => ({ ...terms, repaymentDay: repaymentDay ?? Number(terms.disbursedOn.slice(8, 10)) }));
export type LoanContractTerms = z.output<typeof LoanContractSchema>;

/** Organisation-wide settings of the plugin, edited on its settings page. */
export const LoanSettingsSchema = z.object(
  {
    /** The legal maximum annual rate (이자제한법·대부업법 최고이자율); new loans above it are refused, overdue interest is capped at it. */
    legalMaxRatePercent: storedRate("loan.legal_max_invalid").default(formatRatePercent(DEFAULT_LEGAL_MAX_RATE)),
    /** Added to the contract rate on overdue amounts (연체가산금리), unless a loan sets its own. */
    overdueAdditionalRatePercent: storedRate("loan.overdue_rate_invalid").default(formatRatePercent(DEFAULT_OVERDUE_ADDITIONAL_RATE)),
    /**
     * Overdue interest of a month is billed on this day of the next month, so that the month's
     * last debit results and transfers are in the ledger first.
     */
    overdueBillingDay: z.int({ error: "loan.overdue_billing_day_invalid" }).min(1, { error: "loan.overdue_billing_day_invalid" }).max(28, { error: "loan.overdue_billing_day_invalid" }).default(5),
  },
  { error: "input.invalid" },
);
export type LoanSettings = z.output<typeof LoanSettingsSchema>;

export const DEFAULT_LOAN_SETTINGS: LoanSettings = LoanSettingsSchema.parse({});

/**
 * Parses a loan's terms; the first problem is a DomainError with the plugin's own code and the
 * field under `prefix` (`terms.annualRatePercent`), so the form shows it beside the input.
 */
export function parseLoanContract(input: unknown, prefix = "terms"): LoanContractTerms {
  const parsed = LoanContractSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const error = domainErrorOfZod(parsed.error);
  const field = error.field ? `${prefix}.${error.field}` : prefix;
  throw new DomainError(error.kind, error.code, { ...error.params, ...(error.params.field !== undefined && { field }) }, field);
}

/** A new loan's rate may not exceed the legal maximum of the settings (an existing loan keeps its rate). */
export function assertLoanWithinCap(terms: LoanContractTerms, settings: LoanSettings, field = "terms.annualRatePercent"): void {
  assertRateWithinCap(toMilliPercent(terms.annualRatePercent), toMilliPercent(settings.legalMaxRatePercent), field);
}

/** The terms as the loan mathematics takes them. */
export function loanInputOf(terms: LoanContractTerms): LoanInput {
  return {
    principalWon: terms.principalWon,
    annualRatePercent: terms.annualRatePercent,
    termMonths: terms.termMonths,
    method: terms.method,
    disbursedOn: terms.disbursedOn,
    repaymentDay: terms.repaymentDay,
  };
}

/** The additional overdue rate that applies to a loan: its own, else the setting. */
export function overdueAdditionalRateOf(terms: LoanContractTerms, settings: LoanSettings): string {
  return terms.overdueAdditionalRatePercent ?? settings.overdueAdditionalRatePercent;
}
