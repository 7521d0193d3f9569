import { useState } from "react";
import { App, Button, DatePicker, Form, Input, Modal, Typography, type ButtonProps } from "antd";
import { StopOutlined } from "@ant-design/icons";
import type { Dayjs } from "dayjs";
import { coreClient } from "../api/clients.ts";
import { fieldErrorsForForm } from "../api/errors.ts";
import { useApiMutation } from "../api/hooks.ts";
import { useBusinessToday } from "../api/use-business-today.ts";
import { fromBusinessDate, toBusinessDate } from "../format/dates.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";

interface EndValues {
  endedOn: Dayjs | null;
  reason?: string;
}

/** Ends a contract on a date with an optional reason (contracts.end); hidden once it has ended. */
export function EndContractButton({ contractId, status, onEnded, size }: { contractId: number; status: "active" | "ended"; onEnded?: () => void; size?: ButtonProps["size"] }) {
  const t = useKitTranslate(kitStrings);
  const { message } = App.useApp();
  const today = useBusinessToday();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<EndValues>();
  const end = useApiMutation((input: { id: number; endedOn: string; reason?: string }) => coreClient.contracts.end.mutate(input), { notifyError: false });
  if (status !== "active") return null;

  const submit = async () => {
    const values = await form.validateFields();
    end.mutate(
      { id: contractId, endedOn: toBusinessDate(values.endedOn)!, reason: values.reason?.trim() || undefined },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t("contracts.end.done"));
          onEnded?.();
        },
        onError: (error) => form.setFields(fieldErrorsForForm(Object.keys(error.errors).length ? error : [{ name: ["endedOn"], errors: [error.message] }])),
      },
    );
  };

  return (
    <>
      <Button danger size={size} icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="contract-end">
        {t("contracts.end.button")}
      </Button>
      <Modal
        open={open}
        title={t("contracts.end.title")}
        okText={t("contracts.end.ok")}
        cancelText={t("contracts.end.cancel")}
        okButtonProps={{ danger: true, loading: end.isPending, "data-testid": "contract-end-confirm" } as ButtonProps}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("contracts.end.help")}</Typography.Paragraph>
        <Form<EndValues> form={form} layout="vertical" initialValues={{ endedOn: fromBusinessDate(today) }} preserve={false}>
          <Form.Item name="endedOn" label={t("contracts.end.endOn")} rules={[{ required: true }]}>
            <DatePicker format="YYYY-MM-DD" data-testid="contract-end-date" />
          </Form.Item>
          <Form.Item name="reason" label={t("contracts.end.reason")}>
            <Input.TextArea maxLength={200} rows={2} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
