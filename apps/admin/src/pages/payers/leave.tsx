import { useState } from "react";
import { Alert, App, Button, DatePicker, Form, Input, List, Modal, Spin } from "antd";
import { UserDeleteOutlined } from "@ant-design/icons";
import { useInvalidate, useTranslate } from "@refinedev/core";
import { useQueryClient } from "@tanstack/react-query";
import type { Dayjs } from "dayjs";
import { fieldErrorList, fieldErrorsForForm, fromBusinessDate, toBusinessDate, useApiMutation, useApiQuery, useBusinessToday, useFormatWon } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import type { Payer } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";

interface LeaveForm {
  leftOn: Dayjs | null;
  reason: string;
}

/**
 * 탈퇴 처리 (payer.write): a confirmation that says what leaving does to this payer — the standing
 * consents withdrawn, the contracts ended on the chosen day, the open invoices that stay owed —
 * then marks them as left. The server does all of it in one transaction; nothing here is undone.
 */
export function LeaveButton({ payer }: { payer: Pick<Payer, "id" | "name" | "status"> }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const formatWon = useFormatWon();
  const today = useBusinessToday();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<LeaveForm>();
  const invalidate = useInvalidate();
  const queryClient = useQueryClient();
  const preview = useApiQuery(["payers", "leavePreview", payer.id], () => trpc.payers.leavePreview.query({ id: payer.id }), { enabled: open });
  // Refetched after the dialog closes, the payer first: its consents', registrations', contracts' and links' tables then.
  const leave = useApiMutation((values: { leftOn: string | undefined; reason: string }) => trpc.payers.leave.mutate({ id: payer.id, ...values }), { invalidate: [], notifyError: false });
  if (!hasPermission(me, "payer.write") || payer.status !== "active") return null;

  const close = () => {
    setOpen(false);
    form.resetFields();
  };
  const submit = (values: LeaveForm) =>
    leave.mutate(
      { leftOn: toBusinessDate(values.leftOn) ?? undefined, reason: values.reason.trim() },
      {
        onSuccess: async (result) => {
          void message.success(t("payers.leave.done", { leftOn: result.leftOn }));
          close();
          await invalidate({ resource: "payers", invalidates: ["detail", "list"], id: payer.id });
          await queryClient.invalidateQueries({ queryKey: ["sunap", "list"] });
        },
        onError: (error) => {
          const fields = fieldErrorsForForm<LeaveForm>(fieldErrorList(error).filter((f) => f.name[0] === "leftOn" || f.name[0] === "reason"));
          form.setFields(fields.length ? fields : [{ name: ["reason"], errors: [error.message] }]);
        },
      },
    );

  const data = preview.data;
  const consequences = data
    ? [
        data.consents.length > 0 ? t("payers.leave.consents", { count: data.consents.length }) : t("payers.leave.noConsents"),
        data.contracts.length > 0 ? t("payers.leave.contracts", { count: data.contracts.length }) : t("payers.leave.noContracts"),
        t("payers.leave.links"),
        data.openInvoices.count > 0 ? t("payers.leave.openInvoices", { count: data.openInvoices.count, amount: formatWon(data.openInvoices.openWon) }) : t("payers.leave.noOpenInvoices"),
      ]
    : [];

  return (
    <>
      <Button danger icon={<UserDeleteOutlined />} onClick={() => setOpen(true)} data-testid="payer-leave">
        {t("payers.leave.button")}
      </Button>
      <Modal
        open={open}
        title={t("payers.leave.title", { name: payer.name })}
        onCancel={close}
        destroyOnHidden
        width={600}
        footer={[
          <Button key="cancel" onClick={close}>
            {t("buttons.cancel")}
          </Button>,
          <Button key="ok" type="primary" danger icon={<UserDeleteOutlined />} loading={leave.isPending} disabled={!data} onClick={() => form.submit()} data-testid="payer-leave-submit">
            {t("payers.leave.submit")}
          </Button>,
        ]}
      >
        {preview.isLoading && <Spin />}
        {preview.error && <Alert type="error" showIcon message={preview.error.message} />}
        {data && (
          <>
            <Alert type="warning" showIcon message={t("payers.leave.warning")} style={{ marginBottom: 12 }} />
            <List size="small" bordered dataSource={consequences} renderItem={(line) => <List.Item>{line}</List.Item>} style={{ marginBottom: 16 }} data-testid="payer-leave-consequences" />
            <Form form={form} layout="vertical" onFinish={submit} initialValues={{ leftOn: fromBusinessDate(today), reason: "" }}>
              <Form.Item name="leftOn" label={t("payers.fields.leftOn")} rules={[{ required: true, message: t("payers.leave.leftOnRequired") }]} extra={t("payers.leave.leftOnHelp")}>
                <DatePicker id="leftOn" format="YYYY-MM-DD" allowClear={false} disabledDate={(day) => (today ? day.format("YYYY-MM-DD") > today : false)} data-testid="payer-leave-date" />
              </Form.Item>
              <Form.Item name="reason" label={t("payers.leave.reason")} rules={[{ required: true, whitespace: true, min: 2, message: t("payers.leave.reasonRequired") }, { max: 200 }]}>
                <Input.TextArea rows={2} maxLength={200} showCount placeholder={t("payers.leave.reasonPlaceholder")} data-testid="payer-leave-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}
