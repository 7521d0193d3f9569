/** Money is bigint won: KRW has no minor unit, so one won is the smallest amount. */
export type Won = bigint;

/** PostgreSQL BIGINT bounds: amounts outside them cannot be stored. */
export const MAX_WON = 9_223_372_036_854_775_807n;
export const MIN_WON = -9_223_372_036_854_775_808n;

export type MoneyLocale = "ko" | "en";

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `1,234,567원` in Korean, `₩1,234,567` in English; negatives keep their sign in front. */
export function formatWon(amountWon: Won, locale: MoneyLocale = "ko"): string {
  const negative = amountWon < 0n;
  const grouped = groupThousands((negative ? -amountWon : amountWon).toString());
  const sign = negative ? "-" : "";
  return locale === "ko" ? `${sign}${grouped}원` : `${sign}₩${grouped}`;
}

export type ParseWonResult =
  | { ok: true; amountWon: Won }
  | { ok: false; code: "money.empty" | "money.not_a_number" | "money.fraction" | "money.negative" | "money.overflow" };

/**
 * Parses what a person typed: digits with optional thousands separators, a leading ₩ or
 * a trailing 원, and a minus sign only where `allowNegative` says so. Fractions are refused,
 * never rounded: a won has no smaller unit.
 */
export function parseWon(input: string, options: { allowNegative?: boolean; max?: Won } = {}): ParseWonResult {
  const text = input.trim().replace(/^₩\s*/, "").replace(/\s*원$/, "").trim();
  if (text === "") return { ok: false, code: "money.empty" };
  const match = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, code: "money.not_a_number" };
  const [, minus, whole = "", fraction] = match;
  if (fraction !== undefined && /[1-9]/.test(fraction)) return { ok: false, code: "money.fraction" };
  const magnitude = BigInt(whole.replaceAll(",", ""));
  const amountWon = minus ? -magnitude : magnitude;
  if (amountWon < 0n && !options.allowNegative) return { ok: false, code: "money.negative" };
  const max = options.max ?? MAX_WON;
  if (amountWon > max || amountWon < MIN_WON) return { ok: false, code: "money.overflow" };
  return { ok: true, amountWon };
}

export function sumWon(amounts: Iterable<Won>): Won {
  let total = 0n;
  for (const amount of amounts) total += amount;
  return total;
}
