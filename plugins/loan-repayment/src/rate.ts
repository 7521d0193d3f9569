/**
 * An annual rate as a whole number of thousandths of a percent: 5.5% is 5_500n, 19.999% is
 * 19_999n. Rates have at most three decimals, so this is exact; the brand keeps a plain
 * bigint (which could be mistaken for percent) from being passed where a rate is expected.
 */
export type MilliPercent = bigint & { readonly __unit: "milli-percent" };

/** One percent, in milli-percent; 100% = 100_000n. */
export const MILLI_PER_PERCENT = 1_000n;
export const HUNDRED_PERCENT = 100_000n as MilliPercent;

export function milliPercent(value: bigint): MilliPercent {
  if (value < 0n) throw new RangeError("A rate cannot be negative");
  return value as MilliPercent;
}

/** A rate as given: percent as text (`"5.5"`), or an exact milli-percent value. Never a JS number. */
export type RateInput = string | MilliPercent;

export type ParseRateResult = { ok: true; rate: MilliPercent } | { ok: false; code: "loan.rate_invalid" | "loan.rate_too_precise" };

const RATE_PATTERN = /^(\d{1,3})(?:\.(\d+))?$/;

/** Parses `"5.5"`, `"5.500"`, `"19.999"`, `"0"`; refuses signs, exponents and a fourth decimal. */
export function parseRatePercent(text: string): ParseRateResult {
  const match = RATE_PATTERN.exec(text.trim().replace(/%$/, ""));
  if (!match) return { ok: false, code: "loan.rate_invalid" };
  const [, whole = "0", decimals = ""] = match;
  if (decimals.replace(/0+$/, "").length > 3) return { ok: false, code: "loan.rate_too_precise" };
  const thousandths = (decimals + "000").slice(0, 3);
  return { ok: true, rate: milliPercent(BigInt(whole) * MILLI_PER_PERCENT + BigInt(thousandths)) };
}

/** `RateInput` to milli-percent, throwing on text that is not a rate (validation reports it better). */
export function toMilliPercent(rate: RateInput): MilliPercent {
  if (typeof rate === "bigint") return milliPercent(rate);
  const parsed = parseRatePercent(rate);
  if (!parsed.ok) throw new RangeError(`Not a rate: ${rate}`);
  return parsed.rate;
}

/** `5500n` → `"5.5"`: the shortest exact decimal, as a loan officer writes it. */
export function formatRatePercent(rate: MilliPercent): string {
  const whole = rate / MILLI_PER_PERCENT;
  const decimals = (rate % MILLI_PER_PERCENT).toString().padStart(3, "0").replace(/0+$/, "");
  return decimals ? `${whole}.${decimals}` : whole.toString();
}

export function minRate(a: MilliPercent, b: MilliPercent): MilliPercent {
  return a < b ? a : b;
}
