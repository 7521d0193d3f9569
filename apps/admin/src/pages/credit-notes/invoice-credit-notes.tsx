import { Button, Table, Typography } from "antd";
import { FilePdfOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Money, type InvoiceDetail } from "@sunap/admin-kit";
import { creditNotePdfUrl } from "./types.ts";

type Note = InvoiceDetail["creditNotes"][number];

/** The invoice's credit notes: number, date, reason, what went off the receivable and to customer credit, PDF. */
export function InvoiceCreditNotes({ notes }: { notes: readonly Note[] }) {
  const t = useTranslate();
  return (
    <>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t("creditNotes.section.title")}
      </Typography.Title>
      <Table<Note>
        size="small"
        rowKey="id"
        dataSource={[...notes]}
        pagination={false}
        data-testid="invoice-credit-notes"
        locale={{ emptyText: t("creditNotes.section.empty") }}
        columns={[
          { dataIndex: "number", title: t("creditNotes.fields.number"), render: (n: string) => <Typography.Text strong>{n}</Typography.Text> },
          { dataIndex: "issueOn", title: t("creditNotes.fields.issueOn") },
          { dataIndex: "reason", title: t("creditNotes.fields.reason") },
          { dataIndex: "totalWon", title: t("creditNotes.fields.total"), align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
          { dataIndex: "receivableWon", title: t("creditNotes.fields.receivable"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
          { dataIndex: "toCustomerCreditWon", title: t("creditNotes.fields.customerCredit"), align: "right", render: (v: bigint) => <Money amountWon={v} muted={v === 0n} /> },
          { key: "pdf", title: "PDF", render: (_, n) => <Button size="small" icon={<FilePdfOutlined />} href={creditNotePdfUrl(n.id)} target="_blank" data-testid={`credit-note-pdf-${n.id}`} /> },
        ]}
      />
    </>
  );
}
