import { isBusinessDate } from "@sunap/core";
import { z } from "zod";

/** Field schemas shared by the donation schemas. */
export const BusinessDateInput = z.string().refine(isBusinessDate, "input.date");
export const PositiveWonInput = z.bigint().positive("input.more_than_zero");
export const NameInput = z.string().trim().min(1).max(100);

export { isMonth, type Month } from "@sunap/core";
