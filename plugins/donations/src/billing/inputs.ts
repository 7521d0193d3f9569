import { isBusinessDate } from "@sunap/core";
import { z } from "zod";

/** Field schemas shared by the donation schemas. */
export const BusinessDateInput = z.string().refine(isBusinessDate, "YYYY-MM-DD, a real date");
export const PositiveWonInput = z.bigint().positive("more than zero");
export const NameInput = z.string().trim().min(1).max(100);

/** A month: `YYYY-MM`. */
export type Month = string;

export function isMonth(value: string): value is Month {
  return /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}
