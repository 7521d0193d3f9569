import { isBusinessDate } from "@sunap/core";
import { z } from "zod";

/** Field schemas shared by the donation schemas. */
export const BusinessDateInput = z.string().refine(isBusinessDate, "YYYY-MM-DD, a real date");
export const PositiveWonInput = z.bigint().positive("more than zero");
export const NameInput = z.string().trim().min(1).max(100);

export { isMonth, type Month } from "@sunap/core";
