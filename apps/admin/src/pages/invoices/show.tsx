import { Alert, Button, Descriptions, Flex, Table, Typography } from "antd";
import { DollarOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Show } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Link, useParams } from "react-router";
import { formatTimestamp, InvoiceStatusTag, invoicePdfUrl, Money, SideAmount, useApiQuery, useLocale, type InvoiceDetail } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { QueryError } from "../../components/query-error.tsx";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePlugins } from "../payers/lookups.ts";
import { useAccounts } from "../ledger/lookups.ts";
import { PaymentMethodTag } from "../payments/method-tag.tsx";
import { VoidInvoiceButton } from "./void-invoice.tsx";
import { IssueCreditNoteButton } from "../credit-notes/issue-credit-note.tsx";
import { InvoiceCreditNotes } from "../credit-notes/invoice-credit-notes.tsx";
import { contractPathOf } from "../plugins/contract-path.ts";

type Line = InvoiceDetail["lines"][number];
type Entry = InvoiceDetail["entries"][number];
type EntryLine = Entry["lines"][number];
type Allocation = InvoiceDetail["allocations"][number];

/**
 * One invoice: number, status, payer, store, contract, period and dates; its lines with their
 * basis and totals; the payments allocated to it; the ledger entries naming it. PDF, record a
 * payment, void.
 */
export function InvoiceShow() {
  const t = useTranslate();
  const locale = useLocale();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const plugins = usePlugins();
  const accounts = useAccounts();
  const query = useApiQuery(["invoice", id], () => trpc.invoices.get.query({ id }));
  if (query.error) return <QueryError error={query.error} />;
  const invoice = query.data;
  const live = invoice && invoice.status !== "void";
  const receivableChange = (entry: Entry) => entry.lines.filter((l) => l.invoiceId === id && l.accountCode === "receivables").reduce((s, l) => s + l.amountWon, 0n);

  return (
    <Show
      title={invoice ? `${t("invoices.titles.show")} ${invoice.number}` : t("invoices.titles.show")}
      isLoading={query.isLoading}
      canDelete={false}
      canEdit={false}
      headerButtons={({ defaultButtons }) => (
        <Flex gap={8} wrap>
          {invoice && (
            <Button icon={<FilePdfOutlined />} href={invoicePdfUrl(invoice.id)} target="_blank" data-testid="invoice-pdf">
              {t("invoices.pdf")}
            </Button>
          )}
          {invoice && live && invoice.openWon > 0n && hasPermission(me, "payment.write") && (
            <Link to={`/payments/create?payerId=${invoice.payer.id}&invoiceId=${invoice.id}`}>
              <Button type="primary" icon={<DollarOutlined />} data-testid="invoice-record-payment">
                {t("invoices.recordPayment")}
              </Button>
            </Link>
          )}
          {invoice && live && invoice.creditedWon < invoice.totalWon && hasPermission(me, "invoice.write") && <IssueCreditNoteButton invoiceId={invoice.id} />}
          {/* An invoice with credit notes is not voided (the server refuses): credit what is left instead. */}
          {invoice && live && invoice.creditNotes.length === 0 && hasPermission(me, "invoice.write") && <VoidInvoiceButton invoiceId={invoice.id} />}
          {defaultButtons}
        </Flex>
      )}
    >
      {invoice && (
        <Flex vertical gap={16}>
          {invoice.voidedAt && <Alert type="warning" showIcon message={t("invoices.voided", { at: formatTimestamp(invoice.voidedAt), reason: invoice.voidReason ?? "" })} data-testid="invoice-voided" />}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="invoice-header">
            <Descriptions.Item label={t("invoices.fields.number")}>
              <Typography.Text strong data-testid="invoice-number">
                {invoice.number}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.status")}>
              <InvoiceStatusTag status={invoice.status} overdue={invoice.overdue} />
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.plugin")}>{plugins.nameOf(invoice.pluginId)}</Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.payer")}>
              <PayerLink payer={invoice.payer} />
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.store")}>{invoice.store ? `${invoice.store.code} · ${invoice.store.name}` : "—"}</Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.contract")}>
              <Link to={contractPathOf(invoice.contract.pluginId, invoice.contract.id)} data-testid="invoice-contract">
                #{invoice.contract.id} {invoice.contract.title}
              </Link>
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.period")}>
              {invoice.periodStart} ~ {invoice.periodEnd}
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.issueOn")}>{invoice.issueOn}</Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.dueOn")}>{invoice.dueOn}</Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.total")}>
              <Money amountWon={invoice.totalWon} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.paid")}>
              <Money amountWon={invoice.paidWon} />
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.fields.open")}>
              <span data-testid="invoice-open">
                <Money amountWon={live ? invoice.openWon : 0n} strong={live && invoice.openWon > 0n} />
              </span>
            </Descriptions.Item>
          </Descriptions>

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("invoices.lines.title")}
          </Typography.Title>
          <Table<Line>
            size="small"
            rowKey="position"
            dataSource={invoice.lines}
            pagination={false}
            bordered
            data-testid="invoice-lines"
            scroll={{ x: "max-content" }}
            columns={[
              { key: "label", title: t("invoices.lines.label"), render: (_, l) => l.label[locale] },
              { key: "basis", title: t("invoices.lines.basis"), render: (_, l) => (l.basis ? <Typography.Text type="secondary">{l.basis[locale]}</Typography.Text> : "—") },
              { dataIndex: "creditAccount", title: t("invoices.lines.account"), render: (code: string) => accounts.nameOf(code) },
              { dataIndex: "amountWon", title: t("invoices.lines.amount"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0} colSpan={3}>
                  <Typography.Text strong>{t("invoices.lines.total")}</Typography.Text>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  <Money amountWon={invoice.totalWon} strong />
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />

          <InvoiceCreditNotes notes={invoice.creditNotes} />

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("invoices.allocations.title")}
          </Typography.Title>
          <Table<Allocation>
            size="small"
            rowKey="id"
            dataSource={invoice.allocations}
            pagination={false}
            data-testid="invoice-allocations"
            locale={{ emptyText: t("invoices.allocations.empty") }}
            columns={[
              { key: "payment", title: t("invoices.allocations.payment"), render: (_, a) => <Link to={`/payments/show/${a.payment.id}`}>#{a.payment.id}</Link> },
              { key: "receivedOn", title: t("invoices.allocations.receivedOn"), render: (_, a) => a.payment.receivedOn },
              { key: "method", title: t("invoices.allocations.method"), render: (_, a) => <PaymentMethodTag method={a.payment.method} /> },
              { key: "reference", title: t("payments.fields.reference"), render: (_, a) => a.payment.reference || "—" },
              { dataIndex: "amountWon", title: t("invoices.allocations.amount"), align: "right", render: (v: bigint, a) => (a.payment.voidedAt ? <Typography.Text delete type="secondary"><Money amountWon={v} muted /></Typography.Text> : <Money amountWon={v} strong />) },
            ]}
          />

          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("invoices.entries.title")}
          </Typography.Title>
          <Table<Entry>
            size="small"
            rowKey="id"
            dataSource={invoice.entries}
            pagination={false}
            data-testid="invoice-entries"
            locale={{ emptyText: t("invoices.entries.empty") }}
            expandable={{
              expandedRowRender: (entry) => (
                <Table<EntryLine>
                  size="small"
                  rowKey={(_, index) => String(index)}
                  dataSource={entry.lines}
                  pagination={false}
                  columns={[
                    { dataIndex: "accountCode", title: t("ledger.fields.account"), render: (code: string) => `${accounts.nameOf(code)} (${code})` },
                    { key: "debit", title: t("ledger.fields.debit"), align: "right", render: (_, l) => <SideAmount amountWon={l.amountWon} side="debit" /> },
                    { key: "credit", title: t("ledger.fields.credit"), align: "right", render: (_, l) => <SideAmount amountWon={l.amountWon} side="credit" /> },
                  ]}
                />
              ),
            }}
            columns={[
              { dataIndex: "id", title: t("invoices.entries.entry"), render: (entryId: number) => <Link to={`/ledger/show/${entryId}`}>#{entryId}</Link> },
              { dataIndex: "effectiveOn", title: t("invoices.entries.effectiveOn") },
              { dataIndex: "kind", title: t("ledger.fields.kind"), render: (kind: string) => t(`ledger.kinds.${kind}`, kind) },
              { dataIndex: "memo", title: t("invoices.entries.memo") },
              { key: "receivable", title: t("invoices.entries.amount"), align: "right", render: (_, e) => <Money amountWon={receivableChange(e)} /> },
            ]}
          />
        </Flex>
      )}
    </Show>
  );
}
