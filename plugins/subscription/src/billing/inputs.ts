import { isBusinessDate } from "@sunap/core";
import { z } from "zod";

/** Field schemas shared by the subscription schemas. */
export const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
export const LabelInput = z.object({ ko: z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
export const WonInput = z.bigint().nonnegative("money.negative");
