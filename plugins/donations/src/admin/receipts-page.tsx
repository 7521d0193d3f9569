import { useState } from "react";
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { DownloadOutlined, FileZipOutlined, SendOutlined } from "@ant-design/icons";
import { downloadBase64, fieldErrorsForForm, Money, ServerTable, toHttpError, useApiMutation, useBusinessToday, useFormatWon, useKitTranslate, useServerTable } from "@sunap/admin-kit";
import { donationsClient } from "./client.ts";
import { strings } from "./strings.ts";

type ReceiptRow = Awaited<ReturnType<typeof donationsClient.receipts.list.query>>["data"][number];

interface ReceiptSearch {
  search?: string;
  issued?: "true" | "false";
}

/**
 * Annual donation receipts (기부금 영수증): the year's donors with what the ledger shows they paid,
 * a PDF per donor, all of them at once (ZIP or one PDF), the issuance list for the year-end tax
 * service (a logged personal-data export) and the thank-you messages on demand.
 */
export function DonationReceiptsPage() {
  const t = useKitTranslate(strings);
  const formatWon = useFormatWon();
  const { message } = App.useApp();
  const today = useBusinessToday();
  const [chosenYear, setYear] = useState<number | null>(null);
  const year = chosenYear ?? (today ? Number(today.slice(0, 4)) : new Date().getFullYear());
  const [exporting, setExporting] = useState(false);
  const [exportForm] = Form.useForm<{ reason: string }>();

  const table = useServerTable<ReceiptRow, ReceiptSearch>({
    queryKey: ["donations", "receipts", year],
    fetch: (input) => donationsClient.receipts.list.query({ ...input, year }),
    initialSorter: { field: "payerCode", order: "asc" },
    filters: (values) => [
      { field: "search", operator: "contains", value: values.search },
      { field: "issued", operator: "eq", value: values.issued },
    ],
  });
  const invalidate = [["sunap", "donations", "receipts"]];
  const one = useApiMutation((payerId: number) => donationsClient.receipts.download.mutate({ payerId, year }), { invalidate });
  const all = useApiMutation((format: "zip" | "pdf") => donationsClient.receipts.downloadAll.mutate({ year, format }), { invalidate });
  const exportList = useApiMutation((reason: string) => donationsClient.issuanceList.export.mutate({ year, reason }), { invalidate, notifyError: false });
  const thanks = useApiMutation(() => donationsClient.thankYou.run.mutate({}), { invalidate: [] });

  const downloadAll = (format: "zip" | "pdf") =>
    all.mutate(format, {
      onSuccess: (result) => {
        if (!result.base64) return void message.info(t("receipts.bulkNone"));
        downloadBase64({ fileName: result.filename, contentType: result.contentType, base64: result.base64 });
        void message.success(t("receipts.bulkDone", { count: result.count }));
      },
    });

  const submitExport = async () => {
    const { reason } = await exportForm.validateFields();
    try {
      const result = await exportList.mutateAsync(reason);
      downloadBase64({ fileName: result.filename, contentType: result.contentType, base64: result.base64 });
      void message.success(t("export.done", { rows: result.rows, numbers: result.withResidentNumber }));
      setExporting(false);
    } catch (error) {
      const apiError = toHttpError(error);
      exportForm.setFields(fieldErrorsForForm(apiError));
      if (!apiError.errors.reason) void message.error(apiError.message);
    }
  };

  const columns: ColumnsType<ReceiptRow> = [
    { dataIndex: "payerCode", title: t("receipts.donor"), sorter: true, render: (code: string, row) => <Space direction="vertical" size={0}><span>{row.name}</span><Typography.Text type="secondary" style={{ fontSize: 12 }}>{code}</Typography.Text></Space> },
    { dataIndex: "payments", title: t("receipts.payments"), sorter: true, align: "right" },
    { dataIndex: "collectedWon", title: t("receipts.collected"), sorter: true, align: "right", render: (value: bigint) => <Money amountWon={value} strong /> },
    { dataIndex: "serial", title: t("receipts.serial"), sorter: true, render: (serial: string | null) => serial ?? <Typography.Text type="secondary">{t("receipts.issuedNo")}</Typography.Text> },
    { dataIndex: "issuedTotalWon", title: t("receipts.issuedTotal"), align: "right", render: (value: bigint | null) => (value === null ? "—" : <Money amountWon={value} />) },
    {
      key: "download",
      title: "",
      render: (_, row) => (
        <Button
          size="small"
          icon={<DownloadOutlined />}
          loading={one.isPending && one.variables === row.payerId}
          onClick={() => one.mutate(row.payerId, { onSuccess: (file) => downloadBase64({ fileName: file.filename, contentType: file.contentType, base64: file.base64 }) })}
          data-testid={`receipt-download-${row.payerCode}`}
        >
          {t("receipts.download")}
        </Button>
      ),
    },
  ];

  return (
    <Card
      title={t("receipts.title")}
      extra={
        <Space wrap>
          <span>{t("receipts.year")}</span>
          <InputNumber value={year} min={2000} max={today ? Number(today.slice(0, 4)) : undefined} precision={0} onChange={(value) => value && setYear(value)} data-testid="receipts-year" />
        </Space>
      }
    >
      <Alert type="info" showIcon message={t("receipts.help")} style={{ marginBottom: 12 }} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" icon={<FileZipOutlined />} loading={all.isPending && all.variables === "zip"} onClick={() => downloadAll("zip")} data-testid="receipts-download-zip">
          {t("receipts.downloadZip")}
        </Button>
        <Button icon={<DownloadOutlined />} loading={all.isPending && all.variables === "pdf"} onClick={() => downloadAll("pdf")} data-testid="receipts-download-pdf">
          {t("receipts.downloadPdf")}
        </Button>
        <Button onClick={() => { exportForm.resetFields(); setExporting(true); }} data-testid="issuance-export">
          {t("export.button")}
        </Button>
        <Button icon={<SendOutlined />} loading={thanks.isPending} onClick={() => thanks.mutate(undefined, { onSuccess: (r) => void message.success(t("thanks.done", { queued: r.queued })) })} data-testid="thank-you-run">
          {t("thanks.run")}
        </Button>
      </Space>
      <ServerTable<ReceiptRow, ReceiptSearch>
        table={table}
        columns={columns}
        rowKey="payerId"
        testId="donation-receipts"
        emptyText={t("receipts.empty")}
        filters={
          <>
            <Form.Item name="search" label={t("receipts.search")}>
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="issued" label={t("receipts.issued")}>
              <Select allowClear style={{ width: 120 }} options={[{ value: "true", label: t("receipts.issuedYes") }, { value: "false", label: t("receipts.issuedNo") }]} />
            </Form.Item>
          </>
        }
      />
      <Typography.Text type="secondary">{t("receipts.total", { amount: formatWon(table.rows.reduce((sum, r) => sum + r.collectedWon, 0n)) })}</Typography.Text>
      <Modal open={exporting} title={t("export.title")} onCancel={() => setExporting(false)} onOk={() => void submitExport()} okText={t("export.button")} cancelText={t("common.cancel")} confirmLoading={exportList.isPending} destroyOnHidden>
        <Alert type="warning" showIcon message={t("export.warning")} style={{ marginBottom: 16 }} />
        <Form form={exportForm} layout="vertical" data-testid="issuance-export-form">
          <Form.Item name="reason" label={t("export.reason")} rules={[{ required: true, min: 2, message: t("export.reasonRequired") }]}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
