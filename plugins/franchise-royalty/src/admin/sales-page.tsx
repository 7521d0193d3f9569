import { useState } from "react";
import { Alert, App, Button, DatePicker, Form, Modal, Space, Table, Tag, Upload } from "antd";
import { PlusOutlined, UploadOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { fieldErrorsForForm, formatTimestamp, Money, ServerTable, StoreSelect, toHttpError, useApiMutation, useBusinessToday, useKitTranslate, useServerTable, WonInput } from "@sunap/admin-kit";
import type { SalesImportOutcome, SalesReportView } from "../server/sales-reports.ts";
import { royaltyClient } from "./client.ts";
import { strings } from "./strings.ts";
import { useHasPermission } from "./use-permission.ts";

interface SalesSearch {
  storeId?: number;
  from?: Dayjs;
  to?: Dayjs;
}

type ImportProblems = Extract<SalesImportOutcome, { ok: false }>["problems"];

/** Monthly sales reports: store owners enter their own stores' months; HQ also imports a file for many stores at once. */
export function SalesReportsPage() {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const canImport = useHasPermission("sales.import");
  const canReport = useHasPermission("sales.report");
  const [entering, setEntering] = useState(false);
  const [problems, setProblems] = useState<ImportProblems | null>(null);
  const table = useServerTable<SalesReportView, SalesSearch>({
    queryKey: ["royalty", "sales"],
    fetch: (input) => royaltyClient.sales.list.query(input),
    initialSorter: { field: "month", order: "desc" },
    filters: (values) => [
      { field: "storeId", operator: "eq", value: values.storeId },
      { field: "fromMonth", operator: "gte", value: values.from?.format("YYYY-MM") },
      { field: "toMonth", operator: "lte", value: values.to?.format("YYYY-MM") },
    ],
  });
  const importFile = useApiMutation((file: { fileName: string; contentBase64: string }) => royaltyClient.sales.import.mutate(file), { invalidate: [["sunap", "royalty"]] });

  const upload = async (file: File) => {
    const bytes = new Uint8Array(await file.arrayBuffer());
    let binary = "";
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    try {
      const outcome = await importFile.mutateAsync({ fileName: file.name, contentBase64: btoa(binary) });
      if (outcome.ok) {
        void message.success(t("import.done", { rows: outcome.rows, created: outcome.created, corrected: outcome.corrected, unchanged: outcome.unchanged }));
        table.refetch();
      } else setProblems(outcome.problems);
    } catch {
      // The mutation hook has shown the error.
    }
  };

  return (
    <>
      <ServerTable<SalesReportView, SalesSearch>
        table={table}
        testId="royalty-sales"
        rowKey="id"
        title={() => (
          <Space>
            {canReport && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setEntering(true)} data-testid="sales-enter">
                {t("sales.enter")}
              </Button>
            )}
            {canImport && (
              <Upload accept=".csv,.tsv,.txt,.xlsx" showUploadList={false} beforeUpload={(file) => {
                  void upload(file);
                  return false;
                }}>
                <Button icon={<UploadOutlined />} loading={importFile.isPending} data-testid="sales-import">
                  {t("sales.import")}
                </Button>
              </Upload>
            )}
          </Space>
        )}
        filters={
          <>
            <Form.Item name="storeId" label={t("contracts.store")}>
              <StoreSelect style={{ minWidth: 200 }} />
            </Form.Item>
            <Form.Item name="from" label={t("sales.from")}>
              <DatePicker picker="month" />
            </Form.Item>
            <Form.Item name="to" label={t("sales.to")}>
              <DatePicker picker="month" />
            </Form.Item>
          </>
        }
        columns={[
          { title: t("statement.month"), dataIndex: "month", key: "month", sorter: true },
          { title: t("contracts.store"), key: "store", render: (_, row) => `${row.storeCode} ${row.storeName}` },
          { title: t("sales.grossSales"), key: "grossSalesWon", align: "right", render: (_, row) => <Money amountWon={row.grossSalesWon} /> },
          { title: t("sales.source"), key: "source", render: (_, row) => <Tag>{t(`source.${row.source as "store_owner" | "hq" | "import"}`)}</Tag> },
          { title: t("sales.revisionTitle"), dataIndex: "revision", key: "revision" },
          { title: t("sales.reportedAt"), key: "reportedAt", render: (_, row) => formatTimestamp(row.reportedAt) },
        ]}
      />
      <EnterSalesModal open={entering} onClose={() => setEntering(false)} onSaved={() => table.refetch()} />
      <Modal open={problems !== null} title={t("import.refused")} onCancel={() => setProblems(null)} footer={null} width={760}>
        <Alert type="error" showIcon message={t("import.nothingSaved")} style={{ marginBottom: 12 }} />
        <Table
          size="small"
          rowKey={(p) => `${p.row}:${p.column}:${p.code}`}
          dataSource={problems ?? []}
          pagination={{ pageSize: 20 }}
          data-testid="import-problems"
          columns={[
            { title: t("import.row"), dataIndex: "row", width: 70 },
            { title: t("import.column"), dataIndex: "column", width: 120 },
            { title: t("import.problem"), dataIndex: "message" },
          ]}
        />
      </Modal>
    </>
  );
}

interface EnterValues {
  storeId: number | null;
  month: Dayjs | null;
  grossSalesWon: bigint | null;
}

function EnterSalesModal({ open, onClose, onSaved }: { open: boolean; onClose: () => void; onSaved: () => void }) {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [form] = Form.useForm<EnterValues>();
  const today = useBusinessToday();
  const submit = useApiMutation((values: EnterValues) => royaltyClient.sales.submit.mutate({ storeId: values.storeId ?? 0, month: values.month?.format("YYYY-MM") ?? "", grossSalesWon: values.grossSalesWon ?? 0n }), { notifyError: false, invalidate: [["sunap", "royalty"]] });
  const save = async (values: EnterValues) => {
    try {
      const saved = await submit.mutateAsync(values);
      void message.success(saved.revision > 1 ? t("sales.corrected", { revision: saved.revision }) : t("sales.saved"));
      form.resetFields();
      onSaved();
      onClose();
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      void message.error(apiError.message);
    }
  };
  return (
    <Modal open={open} title={t("sales.enter")} onCancel={onClose} onOk={() => form.submit()} confirmLoading={submit.isPending} okText={t("common.save")} destroyOnHidden>
      <Form<EnterValues> form={form} layout="vertical" name="royalty-sales-entry" data-testid="sales-entry-form" initialValues={{ month: dayjs(today ? `${today.slice(0, 7)}-01` : undefined).subtract(1, "month") }} onFinish={(values) => void save(values)}>
        <Form.Item name="storeId" label={t("contracts.store")} rules={[{ required: true, message: t("form.required") }]}>
          <StoreSelect />
        </Form.Item>
        <Form.Item name="month" label={t("statement.month")} extra={t("sales.monthHelp")} rules={[{ required: true, message: t("form.required") }]}>
          <DatePicker picker="month" />
        </Form.Item>
        <Form.Item name="grossSalesWon" label={t("sales.grossSales")} rules={[{ required: true, message: t("form.required") }]}>
          <WonInput />
        </Form.Item>
      </Form>
    </Modal>
  );
}
