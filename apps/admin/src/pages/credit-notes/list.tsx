import { Button, DatePicker, Form, Input, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { FilePdfOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import { Money, ServerTable, toBusinessDate, useServerTable } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { creditNotePdfUrl, type CreditNoteRow } from "./types.ts";

interface CreditNoteSearch {
  number?: string;
  payer?: string;
  issued?: [Dayjs | string | null, Dayjs | string | null] | null;
}

function day(value: Dayjs | string | null | undefined): string | undefined {
  return value ? (toBusinessDate(dayjs(value)) ?? undefined) : undefined;
}

/** Credit notes (creditNotes.list): server-side filters by number, payer and issue date, sorting and pages. */
export function CreditNoteList() {
  const t = useTranslate();
  const table = useServerTable<CreditNoteRow, CreditNoteSearch>({
    queryKey: ["credit-notes"],
    fetch: (input) => trpc.creditNotes.list.query(input),
    initialSorter: { field: "issueOn", order: "desc" },
    restoreValues: (raw) => ({ ...(raw as CreditNoteSearch), issued: Array.isArray(raw.issued) ? [raw.issued[0] ? dayjs(raw.issued[0] as string) : null, raw.issued[1] ? dayjs(raw.issued[1] as string) : null] : null }),
    filters: (v) => [
      { field: "number", operator: "contains", value: v.number },
      { field: "payer", operator: "contains", value: v.payer },
      { field: "issueOn", operator: "gte", value: day(v.issued?.[0]) },
      { field: "issueOn", operator: "lte", value: day(v.issued?.[1]) },
    ],
  });
  const columns: ColumnsType<CreditNoteRow> = [
    { dataIndex: "number", title: t("creditNotes.fields.number"), sorter: true, render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
    { key: "invoice", title: t("creditNotes.fields.invoice"), render: (_, row) => <Link to={`/invoices/show/${row.invoice.id}`} data-testid={`credit-note-invoice-${row.id}`}>{row.invoice.number}</Link> },
    { key: "payer", title: t("creditNotes.fields.payer"), render: (_, row) => <PayerLink payer={row.payer} /> },
    { dataIndex: "issueOn", title: t("creditNotes.fields.issueOn"), sorter: true, className: "nowrap" },
    { dataIndex: "reason", title: t("creditNotes.fields.reason") },
    { dataIndex: "totalWon", title: t("creditNotes.fields.total"), sorter: true, align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
    { dataIndex: "toCustomerCreditWon", title: t("creditNotes.fields.customerCredit"), sorter: true, align: "right", render: (v: bigint) => <Money amountWon={v} muted={v === 0n} /> },
    { key: "pdf", title: t("table.actions"), render: (_, row) => <Button size="small" icon={<FilePdfOutlined />} href={creditNotePdfUrl(row.id)} target="_blank" data-testid={`credit-note-list-pdf-${row.id}`} /> },
  ];
  return (
    <List title={t("creditNotes.titles.list")} headerButtons={() => null}>
      <ServerTable<CreditNoteRow, CreditNoteSearch>
        table={table}
        columns={columns}
        testId="credit-notes-table"
        emptyText={t("creditNotes.list.empty")}
        filters={
          <>
            <Form.Item name="number" label={t("creditNotes.fields.number")}>
              <Input allowClear style={{ width: 150 }} data-testid="credit-notes-filter-number" />
            </Form.Item>
            <Form.Item name="payer" label={t("creditNotes.fields.payer")}>
              <Input allowClear style={{ width: 180 }} placeholder={t("creditNotes.list.payerHint")} data-testid="credit-notes-filter-payer" />
            </Form.Item>
            <Form.Item name="issued" label={t("creditNotes.fields.issueRange")}>
              <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
            </Form.Item>
          </>
        }
      />
    </List>
  );
}
