import { Typography } from "antd";
import { formatWon } from "@sunap/core";
import { useLocale } from "../locale/locale-context.tsx";

/** `1,234,567원` in Korean, `₩1,234,567` in English; bigint all the way. */
export function useFormatWon(): (amountWon: bigint) => string {
  const locale = useLocale();
  return (amountWon: bigint) => formatWon(amountWon, locale);
}

export function Money({ amountWon, strong, muted }: { amountWon: bigint | null | undefined; strong?: boolean; muted?: boolean }) {
  const format = useFormatWon();
  if (amountWon === null || amountWon === undefined) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text strong={strong} type={muted ? "secondary" : amountWon < 0n ? "danger" : undefined} style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>
      {format(amountWon)}
    </Typography.Text>
  );
}

/** A debit/credit cell: the absolute amount, or nothing when the line is on the other side. */
export function SideAmount({ amountWon, side }: { amountWon: bigint; side: "debit" | "credit" }) {
  const format = useFormatWon();
  const show = side === "debit" ? amountWon > 0n : amountWon < 0n;
  if (!show) return null;
  return <span style={{ fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" }}>{format(amountWon < 0n ? -amountWon : amountWon)}</span>;
}
