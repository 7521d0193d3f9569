import { isBusinessDate } from "@sunap/core";
import { z } from "zod";

/** Field schemas shared by the royalty schemas. */
export const BusinessDateInput = z.string().refine(isBusinessDate, "YYYY-MM-DD, a real date");
export const MonthInput = z.string().refine(isMonth, "YYYY-MM, a real month");
export const LabelInput = z.object({ ko: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
export const WonInput = z.bigint().nonnegative("not negative");
/** A rate in basis points: 550 is 5.5%. Integers only, so no rate is ever a binary fraction. */
export const RateBpInput = z.int().min(0).max(10_000);

/** A month of sales: `YYYY-MM`. */
export type Month = string;

export function isMonth(value: string): value is Month {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
