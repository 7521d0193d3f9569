import { Button, DatePicker, Form, Input, Select, Space, Table, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { FilePdfOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import { InvoiceStatusTag, invoicePdfUrl, Money, PayerSelect, ServerTable, StoreSelect, toBusinessDate, useServerTable, type InvoiceRow } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePlugins } from "../payers/lookups.ts";

const STATUSES = ["open", "partially_paid", "overdue", "paid", "credited", "void"] as const;

interface InvoiceSearch {
  number?: string;
  pluginId?: string;
  status?: string[];
  due?: [Dayjs | string | null, Dayjs | string | null] | null;
  payerId?: number;
  storeId?: number;
}

function day(value: Dayjs | string | null | undefined): string | undefined {
  return value ? (toBusinessDate(dayjs(value)) ?? undefined) : undefined;
}

/** Invoices (invoices.list): the page's list, and a payer's tab when `payerId` is given. */
export function InvoicesTable({ payerId }: { payerId?: number }) {
  const t = useTranslate();
  const plugins = usePlugins();
  const table = useServerTable<InvoiceRow, InvoiceSearch>({
    queryKey: ["invoices", payerId ?? null],
    fetch: (input) => trpc.invoices.list.query(input),
    initialSorter: { field: "issueOn", order: "desc" },
    pageSize: payerId ? 10 : 20,
    syncWithLocation: payerId === undefined,
    restoreValues: (raw) => ({ ...(raw as InvoiceSearch), due: Array.isArray(raw.due) ? [raw.due[0] ? dayjs(raw.due[0] as string) : null, raw.due[1] ? dayjs(raw.due[1] as string) : null] : null }),
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    filters: (v) => [
      { field: "number", operator: "contains", value: v.number },
      { field: "pluginId", operator: "eq", value: v.pluginId },
      { field: "status", operator: "in", value: v.status },
      { field: "dueOn", operator: "gte", value: day(v.due?.[0]) },
      { field: "dueOn", operator: "lte", value: day(v.due?.[1]) },
      { field: "payerId", operator: "eq", value: v.payerId },
      { field: "storeId", operator: "eq", value: v.storeId },
    ],
  });
  const columns: ColumnsType<InvoiceRow> = [
    { dataIndex: "number", title: t("invoices.fields.number"), sorter: true, render: (n: string, row) => <Link to={`/invoices/show/${row.id}`} data-testid={`invoice-row-${row.id}`}><Typography.Text strong>{n}</Typography.Text></Link> },
    { key: "status", title: t("invoices.fields.status"), render: (_, row) => <InvoiceStatusTag status={row.status} overdue={row.overdue} /> },
    { dataIndex: "pluginId", title: t("invoices.fields.plugin"), render: (id: string) => plugins.nameOf(id) },
    {
      key: "payer",
      title: payerId ? t("invoices.fields.store") : `${t("invoices.fields.payer")} / ${t("invoices.fields.store")}`,
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          {!payerId && <PayerLink payer={row.payer} />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.store ? `${row.store.code} · ${row.store.name}` : "—"}
          </Typography.Text>
        </Space>
      ),
    },
    { key: "period", title: t("invoices.fields.period"), className: "nowrap", render: (_, row) => `${row.periodStart} ~ ${row.periodEnd}` },
    { dataIndex: "issueOn", title: t("invoices.fields.issueOn"), sorter: true, className: "nowrap" },
    { dataIndex: "dueOn", title: t("invoices.fields.dueOn"), sorter: true, className: "nowrap" },
    { dataIndex: "totalWon", title: t("invoices.fields.total"), sorter: true, align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
    { dataIndex: "openWon", title: t("invoices.fields.open"), sorter: true, align: "right", render: (v: bigint, row) => (row.status === "void" ? <Typography.Text type="secondary">—</Typography.Text> : <Money amountWon={v} muted={v === 0n} />) },
    { key: "pdf", title: t("table.actions"), render: (_, row) => <Button size="small" icon={<FilePdfOutlined />} href={invoicePdfUrl(row.id)} target="_blank" data-testid={`invoice-pdf-${row.id}`} /> },
  ];
  const pageTotal = table.rows.reduce((sum, r) => sum + r.totalWon, 0n);
  const pageOpen = table.rows.reduce((sum, r) => sum + (r.status === "void" ? 0n : r.openWon), 0n);
  const totalIndex = columns.findIndex((c) => "dataIndex" in c && c.dataIndex === "totalWon");
  return (
    <ServerTable<InvoiceRow, InvoiceSearch>
      table={table}
      columns={columns}
      testId="invoices-table"
      filtersInCard={payerId === undefined}
      summary={() =>
        table.rows.length > 0 ? (
          <Table.Summary.Row data-testid="invoices-page-total">
            <Table.Summary.Cell index={0} colSpan={totalIndex}>
              <Typography.Text type="secondary">{t("invoices.totals.page")}</Typography.Text>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={totalIndex} align="right">
              <Money amountWon={pageTotal} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={totalIndex + 1} align="right">
              <Money amountWon={pageOpen} strong />
            </Table.Summary.Cell>
            <Table.Summary.Cell index={totalIndex + 2} colSpan={columns.length - totalIndex - 2} />
          </Table.Summary.Row>
        ) : null
      }
      filters={
        <>
          <Form.Item name="number" label={t("invoices.filters.number")}>
            <Input allowClear style={{ width: 130 }} data-testid="invoices-filter-number" />
          </Form.Item>
          <Form.Item name="pluginId" label={t("invoices.filters.plugin")}>
            <Select allowClear style={{ width: 140 }} placeholder={t("app.all")} options={plugins.options} />
          </Form.Item>
          <Form.Item name="status" label={t("invoices.filters.status")}>
            <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t("app.all")} options={STATUSES.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))} data-testid="invoices-filter-status" />
          </Form.Item>
          <Form.Item name="due" label={t("invoices.fields.dueRange")}>
            <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
          </Form.Item>
          {payerId === undefined && (
            <Form.Item name="payerId" label={t("invoices.filters.payer")}>
              <PayerSelect style={{ width: 220 }} />
            </Form.Item>
          )}
          <Form.Item name="storeId" label={t("invoices.filters.store")}>
            <StoreSelect style={{ width: 180 }} />
          </Form.Item>
        </>
      }
    />
  );
}

export function InvoiceList() {
  const t = useTranslate();
  return (
    <List title={t("invoices.titles.list")} headerButtons={() => null}>
      <Space direction="vertical" style={{ width: "100%" }}>
        <InvoicesTable />
      </Space>
    </List>
  );
}
