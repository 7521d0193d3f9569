import { useState } from "react";
import { App, Button, Card, DatePicker, Space, Tag, Typography } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { downloadBlob, Money, ServerTable, useApiMutation, useKitTranslate, useServerTable } from "@sunap/admin-kit";
import type { TaxInvoiceRow } from "../server/tax-invoices.ts";
import { royaltyClient } from "./client.ts";
import { strings } from "./strings.ts";
import { useHasPermission } from "./use-permission.ts";

/** The month's royalty invoices and their 세금계산서: issue each through the provider, export the month's as CSV. */
export function TaxInvoicesPage() {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const canIssue = useHasPermission("sales.import");
  const [month, setMonth] = useState(dayjs().format("YYYY-MM"));
  const table = useServerTable<TaxInvoiceRow>({
    queryKey: ["royalty", "tax-invoices", month],
    fetch: (input) => royaltyClient.taxInvoices.list.query(input),
    permanentFilters: [{ field: "month", operator: "eq", value: month }],
  });
  const issue = useApiMutation((invoiceId: number) => royaltyClient.taxInvoices.issue.mutate({ invoiceId }), { invalidate: [["sunap", "royalty"]] });
  const exportCsv = useApiMutation((m: string) => royaltyClient.taxInvoices.exportCsv.mutate({ month: m }), { invalidate: [] });

  const download = async () => {
    const file = await exportCsv.mutateAsync(month);
    downloadBlob(file.fileName, new Blob([file.content], { type: "text/csv;charset=utf-8" }));
    void message.success(t("tax.exported", { count: file.count }));
  };

  return (
    <Card
      title={t("tax.title")}
      extra={
        <Space>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(value) => value && setMonth(value.format("YYYY-MM"))} data-testid="tax-month" />
          {canIssue && (
            <Button icon={<DownloadOutlined />} onClick={() => void download().catch(() => undefined)} loading={exportCsv.isPending} data-testid="tax-export">
              {t("tax.export")}
            </Button>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t("tax.note")}</Typography.Paragraph>
      <ServerTable<TaxInvoiceRow, Record<string, unknown>>
        table={table}
        testId="royalty-tax-invoices"
        rowKey="invoiceId"
        emptyText={t("tax.empty")}
        columns={[
          { title: t("invoices.number"), dataIndex: "invoiceNumber", key: "number" },
          { title: t("invoices.period"), key: "period", render: (_, row) => (row.periodKey.endsWith(":true-up") ? <Space>{row.periodKey.replace(":true-up", "")}<Tag color="blue">{t("flag.trueUp")}</Tag></Space> : row.periodKey) },
          { title: t("contracts.store"), key: "store", render: (_, row) => `${row.storeCode ?? ""} ${row.storeName ?? ""}` },
          { title: t("tax.buyer"), dataIndex: "payerName", key: "payer" },
          { title: t("invoices.issueOn"), dataIndex: "issueOn", key: "issueOn" },
          { title: t("invoices.total"), key: "total", align: "right", render: (_, row) => <Money amountWon={row.totalWon} /> },
          {
            title: t("invoices.taxInvoice"),
            key: "tax",
            render: (_, row) =>
              row.taxInvoice ? (
                <Space direction="vertical" size={0}>
                  <Typography.Text copyable>{row.taxInvoice.providerRef}</Typography.Text>
                  <Typography.Text type="secondary">{`${t("tax.supply")} ${row.taxInvoice.supplyTotalWon.toLocaleString()} / ${t("statement.vat")} ${row.taxInvoice.vatTotalWon.toLocaleString()} · ${row.taxInvoice.buyerBusinessNumberMasked}`}</Typography.Text>
                </Space>
              ) : row.voided ? (
                <Tag>{t("tax.void")}</Tag>
              ) : canIssue ? (
                <Button size="small" type="primary" loading={issue.isPending && issue.variables === row.invoiceId} onClick={() => void issue.mutateAsync(row.invoiceId).then(() => table.refetch()).catch(() => undefined)} data-testid={`tax-issue-${row.invoiceNumber}`}>
                  {t("tax.issue")}
                </Button>
              ) : (
                <Tag color="orange">{t("tax.notIssued")}</Tag>
              ),
          },
        ]}
      />
    </Card>
  );
}
