import { Button, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { FilePdfOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { coreClient } from "../api/clients.ts";
import { Money } from "../format/money.tsx";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import { ServerTable } from "../server-table/server-table.tsx";
import { useServerTable } from "../server-table/use-server-table.ts";
import { InvoiceStatusTag } from "./invoice-status-tag.tsx";
import { invoiceDetailPath, invoicePdfUrl } from "./invoice-links.ts";
import type { InvoiceRow } from "./invoice-types.ts";

/** A contract's invoices (invoices.list by contract), newest first, each linked to its detail page and PDF. */
export function ContractInvoices({ contractId, pageSize = 10 }: { contractId: number; pageSize?: number }) {
  const t = useKitTranslate(kitStrings);
  const table = useServerTable<InvoiceRow>({
    queryKey: ["invoices", "contract", contractId],
    fetch: (input) => coreClient.invoices.list.query(input),
    initialSorter: { field: "issueOn", order: "desc" },
    pageSize,
    permanentFilters: [{ field: "contractId", operator: "eq", value: contractId }],
  });
  const columns: ColumnsType<InvoiceRow> = [
    { dataIndex: "number", title: t("invoices.fields.number"), sorter: true, render: (number: string, row) => <Link to={invoiceDetailPath(row.id)} data-testid={`invoice-link-${row.id}`}>{number}</Link> },
    { key: "period", title: t("invoices.fields.period"), className: "nowrap", render: (_, row) => `${row.periodStart} ~ ${row.periodEnd}` },
    { dataIndex: "issueOn", title: t("invoices.fields.issueOn"), sorter: true, className: "nowrap" },
    { dataIndex: "dueOn", title: t("invoices.fields.dueOn"), sorter: true, className: "nowrap" },
    { dataIndex: "totalWon", title: t("invoices.fields.total"), sorter: true, align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
    { dataIndex: "openWon", title: t("invoices.fields.open"), sorter: true, align: "right", render: (v: bigint, row) => (row.status === "void" ? <Typography.Text type="secondary">—</Typography.Text> : <Money amountWon={v} muted={v === 0n} />) },
    { key: "status", title: t("invoices.fields.status"), render: (_, row) => <InvoiceStatusTag status={row.status} overdue={row.overdue} /> },
    {
      key: "actions",
      title: t("table.actions"),
      render: (_, row) => (
        <Space>
          <Link to={invoiceDetailPath(row.id)}>
            <Button size="small">{t("invoices.show")}</Button>
          </Link>
          <Button size="small" icon={<FilePdfOutlined />} href={invoicePdfUrl(row.id)} target="_blank" data-testid={`invoice-pdf-${row.id}`}>
            {t("invoices.pdf")}
          </Button>
        </Space>
      ),
    },
  ];
  return <ServerTable<InvoiceRow, Record<string, unknown>> table={table} columns={columns} testId="contract-invoices" emptyText={t("invoices.empty")} size="small" />;
}
