import { useEffect } from "react";
import { App, Button, Card, Descriptions, Form, Input, Space, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import { fieldErrorList, fieldErrorsForForm, useApiMutation, useApiQuery } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";

/**
 * The debit cut-off and what it means right now: a request before it goes with today's file
 * (on a banking day) and is debited the next banking day; after it, a day later.
 */
export function CutoffCard({ canEdit }: { canEdit: boolean }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const settings = useApiQuery(["bankingCalendar.settings"], () => trpc.bankingCalendar.settings.query());
  const timing = useApiQuery(["bankingCalendar.debitTiming"], () => trpc.bankingCalendar.debitTiming.query());
  const [form] = Form.useForm<{ debitCutoff: string }>();
  const save = useApiMutation((input: { debitCutoff: string }) => trpc.bankingCalendar.updateSettings.mutate(input), {
    invalidate: [["sunap", "bankingCalendar.settings"], ["sunap", "bankingCalendar.debitTiming"]],
    notifyError: false,
  });
  useEffect(() => {
    if (settings.data) form.setFieldsValue({ debitCutoff: settings.data.debitCutoff });
  }, [settings.data, form]);

  return (
    <Card size="small" title={t("bankingCalendar.cutoffTitle")} loading={settings.isPending} data-testid="debit-cutoff-card">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("bankingCalendar.submitOn")}>{timing.data?.submitOn ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("bankingCalendar.debitOn")}>
          <Typography.Text strong data-testid="debit-on">
            {timing.data?.debitOn ?? "—"}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      {canEdit ? (
        <Form
          form={form}
          layout="inline"
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => void message.success(t("bankingCalendar.saved")),
              onError: (error) => {
                const fields = fieldErrorsForForm<{ debitCutoff: string }>(fieldErrorList(error));
                if (fields.length) form.setFields(fields);
                else void message.error(error.message);
              },
            })
          }
        >
          <Space align="start">
            <Form.Item name="debitCutoff" label={t("bankingCalendar.cutoff")} rules={[{ required: true }, { pattern: /^([01]\d|2[0-3]):[0-5]\d$/, message: t("bankingCalendar.cutoffHelp") }]}>
              <Input style={{ width: 90 }} placeholder="17:00" />
            </Form.Item>
            <Button htmlType="submit" loading={save.isPending}>
              {t("buttons.save")}
            </Button>
          </Space>
        </Form>
      ) : (
        <Typography.Text type="secondary">{t("bankingCalendar.cutoffIs", { time: settings.data?.debitCutoff ?? "" })}</Typography.Text>
      )}
    </Card>
  );
}
