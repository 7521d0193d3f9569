import { useState } from "react";
import { App, Button, Form, Input, Modal, Typography } from "antd";
import { StopOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { fieldErrorsForForm, useApiMutation } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";

/** Voids an invoice with a reason (invoices.void): a reversing entry; what was paid becomes customer credit. */
export function VoidInvoiceButton({ invoiceId }: { invoiceId: number }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const voidInvoice = useApiMutation((input: { id: number; reason: string }) => trpc.invoices.void.mutate(input), { notifyError: false });
  const submit = async () => {
    const { reason } = await form.validateFields();
    voidInvoice.mutate(
      { id: invoiceId, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t("invoices.void.done"));
        },
        onError: (error) => form.setFields(fieldErrorsForForm(Object.keys(error.errors).length ? error : [{ name: ["reason"], errors: [error.message] }])),
      },
    );
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="invoice-void">
        {t("invoices.void.button")}
      </Button>
      <Modal
        open={open}
        title={t("invoices.void.title")}
        okText={t("invoices.void.ok")}
        okButtonProps={{ danger: true, loading: voidInvoice.isPending, "data-testid": "invoice-void-confirm" } as never}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("invoices.void.help")}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t("invoices.void.reason")} rules={[{ required: true, whitespace: true, message: t("invoices.void.reasonRequired") }]}>
            <Input.TextArea maxLength={200} rows={2} data-testid="invoice-void-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
