import { Typography } from "antd";
import { useTranslate } from "@refinedev/core";

/** Before/after snapshots from the audit log, pretty-printed (bigints arrive as strings in JSON). */
export function JsonView({ value }: { value: unknown }) {
  const t = useTranslate();
  if (value === null || value === undefined) return <Typography.Text type="secondary">{t("audit.noData")}</Typography.Text>;
  const text = JSON.stringify(value, (_key, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2);
  return (
    <pre
      style={{
        margin: 0,
        padding: 12,
        maxHeight: 420,
        overflow: "auto",
        background: "rgba(0,0,0,0.03)",
        border: "1px solid rgba(0,0,0,0.06)",
        borderRadius: 6,
        fontSize: 12,
        lineHeight: 1.5,
        whiteSpace: "pre-wrap",
        wordBreak: "break-all",
      }}
    >
      {text}
    </pre>
  );
}
