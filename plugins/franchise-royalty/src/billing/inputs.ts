import { isBusinessDate, isMonth, type Month } from "@sunap/core";
import { z } from "zod";

/** Field schemas shared by the royalty schemas. */
export const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
export const MonthInput = z.string().refine(isMonth, "input.month");
export const LabelInput = z.object({ ko: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
export const WonInput = z.bigint().nonnegative("money.negative");
/** A rate in basis points: 550 is 5.5%. Integers only, so no rate is ever a binary fraction. */
export const RateBpInput = z.int().min(0).max(10_000);

export { isMonth, type Month };
