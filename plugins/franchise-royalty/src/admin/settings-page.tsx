import { useEffect } from "react";
import { App, Button, Card, Form, Input, InputNumber, Skeleton } from "antd";
import { coreClient, fieldErrorList, fieldErrorsForForm, toHttpError, useApiMutation, useApiQuery, useKitTranslate } from "@sunap/admin-kit";
import { RoyaltySettings } from "../billing-rules.ts";
import { PLUGIN_ID } from "./client.ts";
import { strings } from "./strings.ts";

/** The plugin's settings: the defaults new terms start from, and the supplier's 업태/종목 on tax invoices. */
export function RoyaltySettingsPage() {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [form] = Form.useForm<RoyaltySettings>();
  const current = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  useEffect(() => {
    if (current.data) form.setFieldsValue(RoyaltySettings.parse(current.data.settings));
  }, [current.data, form]);
  const save = useApiMutation((settings: RoyaltySettings) => coreClient.pluginSettings.update.mutate({ pluginId: PLUGIN_ID, settings }), { notifyError: false });
  const submit = async (values: RoyaltySettings) => {
    try {
      await save.mutateAsync(values);
      void message.success(t("settings.saved"));
    } catch (error) {
      const apiError = toHttpError(error);
      // The server names fields `settings.<name>`; the form's names are bare.
      form.setFields(fieldErrorsForForm<RoyaltySettings>(fieldErrorList(apiError).map((e) => ({ ...e, name: e.name.filter((part) => part !== "settings") }))));
      void message.error(apiError.message);
    }
  };
  return (
    <Card title={t("settings.title")}>
      {current.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<RoyaltySettings> form={form} layout="vertical" name="royalty-settings" data-testid="royalty-settings-form" style={{ maxWidth: 560 }} onFinish={(values) => void submit(values)}>
          <Form.Item name="defaultReportDueDay" label={t("settings.reportDueDay")} extra={t("terms.reportDueDayHelp")} rules={[{ required: true, message: t("form.required") }]}>
            <InputNumber min={1} max={31} precision={0} addonAfter={t("unit.day")} />
          </Form.Item>
          <Form.Item name="defaultPaymentDueDays" label={t("settings.paymentDueDays")} rules={[{ required: true, message: t("form.required") }]}>
            <InputNumber min={0} max={60} precision={0} addonAfter={t("unit.days")} />
          </Form.Item>
          <Form.Item name="supplierBusinessType" label={t("settings.businessType")}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="supplierBusinessItem" label={t("settings.businessItem")}>
            <Input maxLength={50} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
