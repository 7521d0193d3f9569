import { Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router";
import { Money, useKitTranslate } from "@sunap/admin-kit";
import { strings } from "./strings.ts";

/** One row of a schedule: an installment, and its invoice once billed (loan detail only). */
export interface ScheduleTableRow {
  number: number;
  dueOn?: string;
  days?: number;
  interestBasis: "monthly" | "daily";
  principalWon: bigint;
  interestWon: bigint;
  paymentWon: bigint;
  closingPrincipalWon: bigint;
  invoice?: { id: number; number: string; openWon: bigint; status: "open" | "partially_paid" | "paid" | "credited" | "void"; overdue: boolean } | null;
}

export interface ScheduleTotalsRow {
  principalWon: bigint;
  interestWon: bigint;
  paymentWon: bigint;
}

const STATUS_COLOR = { open: "default", partially_paid: "orange", paid: "green", credited: "purple", void: "default" } as const;

/** Installments with their totals; with `withInvoices`, each row shows whether its invoice is paid. */
export function ScheduleTable({ rows, totals, withInvoices = false, testId = "loan-schedule" }: { rows: readonly ScheduleTableRow[]; totals: ScheduleTotalsRow; withInvoices?: boolean; testId?: string }) {
  const t = useKitTranslate(strings);
  const dated = rows.some((row) => row.dueOn !== undefined);
  const columns: ColumnsType<ScheduleTableRow> = [
    { dataIndex: "number", title: t("schedule.number"), align: "right", width: 64 },
    ...(dated
      ? ([
          { dataIndex: "dueOn", title: t("schedule.dueOn"), className: "nowrap" },
          {
            dataIndex: "days",
            title: t("schedule.days"),
            align: "right",
            render: (days: number | undefined, row: ScheduleTableRow) => (
              <span>
                {days ?? ""} {row.interestBasis === "daily" && <Tag color="blue">{t("schedule.daily")}</Tag>}
              </span>
            ),
          },
        ] as ColumnsType<ScheduleTableRow>)
      : []),
    { dataIndex: "principalWon", title: t("schedule.principal"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
    { dataIndex: "interestWon", title: t("schedule.interest"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
    { dataIndex: "paymentWon", title: t("schedule.payment"), align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
    { dataIndex: "closingPrincipalWon", title: t("schedule.balance"), align: "right", render: (v: bigint) => <Money amountWon={v} muted /> },
    ...(withInvoices
      ? ([
          {
            key: "invoice",
            title: t("schedule.invoice"),
            render: (_: unknown, row: ScheduleTableRow) => (row.invoice ? <Link to={`/invoices/show/${row.invoice.id}`}>{row.invoice.number}</Link> : <Typography.Text type="secondary">—</Typography.Text>),
          },
          {
            key: "status",
            title: t("schedule.status"),
            render: (_: unknown, row: ScheduleTableRow) =>
              row.invoice ? (
                <span data-testid={`installment-status-${row.number}`}>
                  <Tag color={STATUS_COLOR[row.invoice.status]}>{t(`status.${row.invoice.status}`)}</Tag>
                  {row.invoice.overdue && <Tag color="red">{t("status.overdue")}</Tag>}
                  {row.invoice.status === "partially_paid" && <Money amountWon={row.invoice.openWon} muted />}
                </span>
              ) : (
                <Tag data-testid={`installment-status-${row.number}`}>{t("status.notBilled")}</Tag>
              ),
          },
        ] as ColumnsType<ScheduleTableRow>)
      : []),
  ];
  const leading = dated ? 3 : 1;
  return (
    <Table<ScheduleTableRow>
      data-testid={testId}
      size="small"
      rowKey="number"
      columns={columns}
      dataSource={[...rows]}
      pagination={rows.length > 36 ? { pageSize: 36, showSizeChanger: false } : false}
      locale={{ emptyText: t("schedule.empty") }}
      summary={() =>
        rows.length === 0 ? null : (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={leading}>
              <Typography.Text strong>{t("schedule.total")}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={leading} align="right"><Money amountWon={totals.principalWon} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={leading + 1} align="right"><Money amountWon={totals.interestWon} strong /></Table.Summary.Cell>
            <Table.Summary.Cell index={leading + 2} align="right" ><span data-testid={`${testId}-total`}><Money amountWon={totals.paymentWon} strong /></span></Table.Summary.Cell>
            <Table.Summary.Cell index={leading + 3} colSpan={withInvoices ? 3 : 1} />
          </Table.Summary.Row>
        )
      }
    />
  );
}
