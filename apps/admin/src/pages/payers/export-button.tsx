import { useState } from "react";
import { Alert, App, Button, Form, Input, Modal, Radio } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { useTranslate, type CrudFilter, type CrudSort } from "@refinedev/core";
import { downloadBase64, fieldErrorList, fieldErrorsForForm, useApiMutation } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { listQueryOf } from "../../api/data-provider.ts";

interface ExportForm {
  format: "csv" | "xlsx";
  reason: string;
}

/**
 * Exports the payers the table shows (its filters and order), masked as on screen. Exporting
 * personal data is written to the access log, so it asks why, like a reveal.
 */
export function PayerExportButton({ filters, sorters, total }: { filters: CrudFilter[]; sorters: CrudSort[]; total: number | undefined }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ExportForm>();
  const run = useApiMutation((values: ExportForm) => trpc.payers.export.mutate({ ...listQueryOf(sorters, filters), ...values }), { invalidate: [], notifyError: false });

  const submit = (values: ExportForm) =>
    run.mutate(values, {
      onSuccess: (file) => {
        downloadBase64({ fileName: file.filename, contentType: file.contentType, base64: file.base64 });
        void message.success(t("payers.export.done", { rows: file.rows }));
        setOpen(false);
      },
      onError: (error) => {
        const fields = fieldErrorsForForm<ExportForm>(fieldErrorList(error));
        if (fields.some((f) => f.name[0] === "reason")) form.setFields(fields);
        else void message.error(error.message);
      },
    });

  return (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => {
          form.setFieldsValue({ format: "xlsx", reason: "" });
          setOpen(true);
        }}
        disabled={total === 0}
        data-testid="payers-export"
      >
        {t("payers.export.button")}
      </Button>
      <Modal open={open} title={t("payers.export.title")} okText={t("payers.export.button")} cancelText={t("buttons.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={run.isPending} forceRender>
        <Alert type="info" showIcon message={t("payers.export.intro", { total: total ?? 0 })} style={{ marginBottom: 16 }} />
        <Form<ExportForm> form={form} layout="vertical" onFinish={submit} data-testid="payers-export-form">
          <Form.Item name="format" label={t("payers.export.format")}>
            <Radio.Group optionType="button" options={[{ value: "xlsx", label: "Excel (XLSX)" }, { value: "csv", label: "CSV" }]} />
          </Form.Item>
          <Form.Item name="reason" label={t("payers.export.reason")} extra={t("payers.export.reasonHelp")} rules={[{ required: true, whitespace: true, min: 2 }, { max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
