import { z } from "zod";
import { DomainError, isBusinessDate, issueMessage, MAX_WON, parseWon, type BusinessDate, type Won } from "@sunap/core";
import { formatRatePercent, milliPercent, parseRatePercent, toMilliPercent, type MilliPercent, type RateInput } from "./rate.ts";

export const REPAYMENT_METHODS = ["equal-installment", "equal-principal", "bullet"] as const;
export type RepaymentMethod = (typeof REPAYMENT_METHODS)[number];

export const REPAYMENT_METHOD_LABELS: Record<RepaymentMethod, { ko: string; en: string }> = {
  "equal-installment": { ko: "원리금균등분할상환", en: "Equal installments" },
  "equal-principal": { ko: "원금균등분할상환", en: "Equal principal" },
  bullet: { ko: "만기일시상환", en: "Bullet (principal at maturity)" },
};

export const MAX_TERM_MONTHS = 600;
/** The legal maximum annual rate (이자제한법·대부업법 최고이자율), 20% a year unless configured otherwise. */
export const DEFAULT_LEGAL_MAX_RATE = milliPercent(20_000n);

/** What a loan officer enters; amounts as bigint, safe integer or digits, rates as percent text. */
export interface LoanInput {
  principalWon: Won | number | string;
  annualRatePercent: RateInput;
  termMonths: number;
  method: RepaymentMethod;
  disbursedOn?: BusinessDate;
  /** Day of the month installments fall due, 1–31; defaults to the disbursement day. */
  repaymentDay?: number;
}

/** The same terms, checked and normalised. */
export interface LoanTerms {
  principalWon: Won;
  annualRateMilliPercent: MilliPercent;
  termMonths: number;
  method: RepaymentMethod;
  disbursedOn?: BusinessDate;
  repaymentDay?: number;
}

/** A won amount: bigint, a safe integer, or digits as typed (`10,000,000`, `₩5000`). Messages are catalogue codes. */
export function wonField(code: string) {
  return z.union([z.bigint(), z.int(), z.string()], { error: code }).transform((value, ctx): Won => {
    if (typeof value !== "string") {
      const amount = BigInt(value);
      if (amount < 0n) ctx.issues.push({ code: "custom", message: "money.negative", input: value });
      else if (amount > MAX_WON) ctx.issues.push({ code: "custom", message: "money.overflow", input: value });
      else return amount;
      return z.NEVER;
    }
    const parsed = parseWon(value);
    if (parsed.ok) return parsed.amountWon;
    ctx.issues.push({ code: "custom", message: parsed.code, input: value });
    return z.NEVER;
  });
}

/** A rate: percent as text with at most three decimals, or a milli-percent bigint. JS numbers are refused (binary floats). */
export function rateField(code = "loan.rate_invalid") {
  return z.union([z.string(), z.bigint()], { error: code }).transform((value, ctx): MilliPercent => {
    if (typeof value === "bigint") {
      if (value >= 0n) return milliPercent(value);
      ctx.issues.push({ code: "custom", message: code, input: value });
      return z.NEVER;
    }
    const parsed = parseRatePercent(value);
    if (parsed.ok) return parsed.rate;
    ctx.issues.push({ code: "custom", message: parsed.code === "loan.rate_too_precise" ? parsed.code : code, input: value });
    return z.NEVER;
  });
}

export const dateField = z.string({ error: "loan.date_invalid" }).refine(isBusinessDate, { error: "loan.date_invalid" });

/** The zod schema of a loan's terms: each message is a catalogue code, each path the field at fault. */
export const LoanTermsSchema = z.object(
  {
    principalWon: wonField("loan.principal_invalid").refine((amount) => amount > 0n, { error: "loan.principal_not_positive" }),
    annualRatePercent: rateField(),
    termMonths: z.int({ error: "loan.term_out_of_range" }).min(1, { error: "loan.term_out_of_range" }).max(MAX_TERM_MONTHS, { error: "loan.term_out_of_range" }),
    method: z.enum(REPAYMENT_METHODS, { error: "loan.method_unknown" }),
    disbursedOn: dateField.optional(),
    repaymentDay: z.int({ error: "loan.repayment_day_invalid" }).min(1, { error: "loan.repayment_day_invalid" }).max(31, { error: "loan.repayment_day_invalid" }).optional(),
  },
  { error: "input.invalid" },
);

/** The first problem of a failed parse as a DomainError naming its field. */
export function domainErrorOfZod(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") ?? "";
  if (!issue) return new DomainError("INVALID", "input.invalid", { detail: "input" });
  // The schema's own code, or the catalogue's word for zod's kind of issue: never zod's English text.
  const said = issueMessage(issue);
  return new DomainError("INVALID", said.code, { field, ...said.params }, field || undefined);
}

/** Parses with a schema whose messages are catalogue codes, throwing the first problem as a DomainError. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw domainErrorOfZod(result.error);
  return result.data;
}

/** Refuses a contract rate above the legal maximum (a loan is never created over the cap). */
export function assertRateWithinCap(rate: MilliPercent, legalMax: MilliPercent, field = "annualRatePercent"): void {
  if (rate > legalMax) {
    throw new DomainError("INVALID", "loan.rate_over_cap", { rate: formatRatePercent(rate), cap: formatRatePercent(legalMax) }, field);
  }
}

/**
 * Checks a loan's terms (principal > 0, rate 0–cap with at most three decimals, term 1–600
 * months, method, dates) and returns them normalised; the first problem is thrown as a
 * DomainError naming the field.
 */
export function validateLoanTerms(input: LoanInput, options: { legalMaxPercent?: RateInput } = {}): LoanTerms {
  const parsed = parseOrThrow(LoanTermsSchema, input);
  const legalMax = options.legalMaxPercent === undefined ? DEFAULT_LEGAL_MAX_RATE : toMilliPercent(options.legalMaxPercent);
  assertRateWithinCap(parsed.annualRatePercent, legalMax);
  const terms: LoanTerms = {
    principalWon: parsed.principalWon,
    annualRateMilliPercent: parsed.annualRatePercent,
    termMonths: parsed.termMonths,
    method: parsed.method,
  };
  if (parsed.disbursedOn !== undefined) terms.disbursedOn = parsed.disbursedOn;
  if (parsed.repaymentDay !== undefined) terms.repaymentDay = parsed.repaymentDay;
  return terms;
}
