import { Button, DatePicker, Form, Input, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { EyeOutlined, PlusOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import { Money, PayerSelect, ServerTable, toBusinessDate, useServerTable } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import type { PaymentRow } from "../../api/billing-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { PaymentMethodTag, PaymentStatusTag } from "./method-tag.tsx";

interface PaymentSearch {
  payerId?: number;
  method?: string[];
  dates?: [Dayjs | string | null, Dayjs | string | null] | null;
  voided?: "true" | "false";
  reference?: string;
}

function day(value: Dayjs | string | null | undefined): string | undefined {
  return value ? (toBusinessDate(dayjs(value)) ?? undefined) : undefined;
}

/** Payments (payments.list): the page's list, and a payer's tab when `payerId` is given. */
export function PaymentsTable({ payerId }: { payerId?: number }) {
  const t = useTranslate();
  const table = useServerTable<PaymentRow, PaymentSearch>({
    queryKey: ["payments", payerId ?? null],
    fetch: (input) => trpc.payments.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    pageSize: payerId ? 10 : 20,
    syncWithLocation: payerId === undefined,
    restoreValues: (raw) => ({ ...(raw as PaymentSearch), dates: Array.isArray(raw.dates) ? [raw.dates[0] ? dayjs(raw.dates[0] as string) : null, raw.dates[1] ? dayjs(raw.dates[1] as string) : null] : null }),
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    filters: (v) => [
      { field: "payerId", operator: "eq", value: v.payerId },
      { field: "method", operator: "in", value: v.method },
      { field: "receivedOn", operator: "gte", value: day(v.dates?.[0]) },
      { field: "receivedOn", operator: "lte", value: day(v.dates?.[1]) },
      { field: "voided", operator: "eq", value: v.voided },
      { field: "reference", operator: "contains", value: v.reference },
    ],
  });
  const columns: ColumnsType<PaymentRow> = [
    { dataIndex: "id", title: t("payments.fields.id"), sorter: true, width: 80, render: (id: number) => <Link to={`/payments/show/${id}`}>#{id}</Link> },
    { dataIndex: "receivedOn", title: t("payments.fields.receivedOn"), sorter: true, className: "nowrap" },
    ...(payerId ? [] : [{ key: "payer", title: t("payments.fields.payer"), render: (_: unknown, row: PaymentRow) => <PayerLink payer={row.payer} /> }]),
    { dataIndex: "method", title: t("payments.fields.method"), sorter: true, render: (method: string) => <PaymentMethodTag method={method} /> },
    { dataIndex: "amountWon", title: t("payments.fields.amount"), sorter: true, align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
    { dataIndex: "allocatedWon", title: t("payments.fields.allocated"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
    { dataIndex: "creditWon", title: t("payments.fields.credit"), align: "right", render: (v: bigint) => (v > 0n ? <Money amountWon={v} /> : <Typography.Text type="secondary">—</Typography.Text>) },
    { dataIndex: "reference", title: t("payments.fields.reference"), sorter: true, render: (v: string) => v || "—" },
    { key: "status", title: t("payments.fields.status"), render: (_, row) => <PaymentStatusTag voided={row.voided} /> },
    { key: "actions", title: t("table.actions"), render: (_, row) => <Link to={`/payments/show/${row.id}`}><Button size="small" icon={<EyeOutlined />} data-testid={`payment-open-${row.id}`} /></Link> },
  ];
  return (
    <ServerTable<PaymentRow, PaymentSearch>
      table={table}
      columns={columns}
      testId="payments-table"
      filtersInCard={payerId === undefined}
      filters={
        <>
          {payerId === undefined && (
            <Form.Item name="payerId" label={t("payments.filters.payer")}>
              <PayerSelect style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item name="method" label={t("payments.filters.method")}>
            <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t("app.all")} options={["bank_transfer", "cash", "customer_credit"].map((m) => ({ value: m, label: t(`payments.methods.${m}`) }))} />
          </Form.Item>
          <Form.Item name="dates" label={t("payments.filters.dates")}>
            <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="voided" label={t("payments.filters.voided")}>
            <Select
              allowClear
              style={{ width: 110 }}
              placeholder={t("app.all")}
              options={[
                { value: "false", label: t("payments.status.active") },
                { value: "true", label: t("payments.status.voided") },
              ]}
            />
          </Form.Item>
          {payerId === undefined && (
            <Form.Item name="reference" label={t("payments.filters.reference")}>
              <Input allowClear style={{ width: 160 }} />
            </Form.Item>
          )}
        </>
      }
    />
  );
}

export function PaymentList() {
  const t = useTranslate();
  const { data: me } = useMe();
  return (
    <List
      title={t("payments.titles.list")}
      headerButtons={
        hasPermission(me, "payment.write") ? (
          <Link to="/payments/create">
            <Button type="primary" icon={<PlusOutlined />} data-testid="payments-create">
              {t("payments.record")}
            </Button>
          </Link>
        ) : null
      }
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <PaymentsTable />
      </Space>
    </List>
  );
}
