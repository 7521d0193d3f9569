import { Space, Tag } from "antd";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";

export type InvoiceStatus = "open" | "partially_paid" | "paid" | "credited" | "void";

const COLORS: Record<InvoiceStatus, string | undefined> = { open: "blue", partially_paid: "gold", paid: "green", credited: "purple", void: undefined };

/** The invoice's status as the ledger says (open, partially paid, paid, credited in full by credit notes, void), with an "overdue" tag past its due date. */
export function InvoiceStatusTag({ status, overdue }: { status: InvoiceStatus; overdue?: boolean }) {
  const t = useKitTranslate(kitStrings);
  return (
    <Space size={2} data-testid="invoice-status">
      <Tag color={COLORS[status]}>{t(`invoices.status.${status}`)}</Tag>
      {overdue && <Tag color="red">{t("invoices.status.overdue")}</Tag>}
    </Space>
  );
}
