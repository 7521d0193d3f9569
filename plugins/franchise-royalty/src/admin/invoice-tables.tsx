import { Link } from "react-router";
import { Space, Table, Tag, Typography } from "antd";
import { InvoiceStatusTag, Money, useKitTranslate, useLocale } from "@sunap/admin-kit";
import type { ChargeLine } from "@sunap/core";
import type { StatementInvoice } from "../server/statement.ts";
import { strings } from "./strings.ts";

/** Estimate and true-up flags of a royalty invoice, and its credit notes (a lower true-up). */
export function InvoiceFlags({ invoice }: { invoice: Pick<StatementInvoice, "estimated" | "periodKey"> & Partial<Pick<StatementInvoice, "creditNotes">> }) {
  const t = useKitTranslate(strings);
  return (
    <Space size={2}>
      {invoice.estimated && <Tag color="orange">{t("flag.estimated")}</Tag>}
      {invoice.periodKey.endsWith(":true-up") && <Tag color="blue">{t("flag.trueUp")}</Tag>}
      {invoice.creditNotes?.map((note) => (
        <Tag key={note.id} color="purple" data-testid={`royalty-credit-note-${note.id}`}>
          {t("flag.creditNote", { number: note.number })} −<Money amountWon={note.totalWon} />
        </Tag>
      ))}
    </Space>
  );
}

/** Charge lines with how each was computed. */
export function ChargeLinesTable({ lines, testId }: { lines: readonly ChargeLine[]; testId?: string }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  return (
    <Table<ChargeLine>
      size="small"
      pagination={false}
      rowKey={(_, index) => String(index)}
      dataSource={[...lines]}
      data-testid={testId}
      columns={[
        { title: t("lines.item"), render: (_, line) => line.label[locale] },
        { title: t("lines.amount"), align: "right", render: (_, line) => <Money amountWon={line.amountWon} /> },
        { title: t("lines.basis"), render: (_, line) => <Typography.Text type="secondary">{line.basis?.[locale] ?? ""}</Typography.Text> },
      ]}
    />
  );
}

/** Invoices with their lines in an expandable row, status, and tax invoice number. */
export function RoyaltyInvoicesTable({ invoices, loading, pagination, testId }: { invoices: readonly StatementInvoice[]; loading?: boolean; pagination?: false | { current: number; pageSize: number; total: number; onChange: (page: number) => void }; testId: string }) {
  const t = useKitTranslate(strings);
  return (
    <Table<StatementInvoice>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={[...invoices]}
      data-testid={testId}
      pagination={pagination ?? false}
      locale={{ emptyText: t("invoices.empty") }}
      expandable={{ expandedRowRender: (invoice) => <ChargeLinesTable lines={invoice.lines} /> }}
      columns={[
        { title: t("invoices.number"), dataIndex: "number", render: (number: string, invoice) => <Link to={`/invoices/show/${invoice.id}`}>{number}</Link> },
        { title: t("invoices.period"), render: (_, invoice) => (<Space>{invoice.periodKey.replace(":true-up", "")}<InvoiceFlags invoice={invoice} /></Space>) },
        { title: t("invoices.issueOn"), dataIndex: "issueOn" },
        { title: t("invoices.dueOn"), dataIndex: "dueOn" },
        { title: t("invoices.total"), align: "right", render: (_, invoice) => <Money amountWon={invoice.totalWon} /> },
        { title: t("invoices.open"), align: "right", render: (_, invoice) => <Money amountWon={invoice.openWon} /> },
        { title: t("invoices.status"), render: (_, invoice) => <InvoiceStatusTag status={invoice.status} overdue={invoice.overdue} /> },
        { title: t("invoices.taxInvoice"), render: (_, invoice) => invoice.taxInvoice?.providerRef ?? <Typography.Text type="secondary">—</Typography.Text> },
      ]}
    />
  );
}
