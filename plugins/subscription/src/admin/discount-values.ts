import type { Dayjs } from "dayjs";
import { toBusinessDate } from "@sunap/admin-kit";
import type { Discount } from "../billing/subscription.ts";

/** What the discount fields hold. */
export interface DiscountValues {
  /** Empty: no discount. */
  kind?: "fixed" | "percent" | "";
  amountWon?: bigint | null;
  percent?: number | null;
  periods?: number | null;
  startsOn?: Dayjs | null;
  labelKo?: string;
  labelEn?: string;
}

/** The form's discount as the server's Discount input; undefined when no kind is chosen. */
export function discountInput(values: DiscountValues | undefined): Discount | undefined {
  if (!values?.kind) return undefined;
  const common = {
    periods: values.periods ?? null,
    startsOn: toBusinessDate(values.startsOn) ?? undefined,
    label: values.labelKo?.trim() && values.labelEn?.trim() ? { ko: values.labelKo.trim(), en: values.labelEn.trim() } : undefined,
  };
  return values.kind === "fixed" ? { kind: "fixed", amountWon: values.amountWon ?? 0n, ...common } : { kind: "percent", percent: values.percent ?? 0, ...common };
}
