import { useEffect } from "react";
import { App, Button, Card, Form, Input, InputNumber, Skeleton } from "antd";
import { coreClient, fieldErrorList, fieldErrorsForForm, toHttpError, useApiMutation, useApiQuery, useKitTranslate } from "@sunap/admin-kit";
import { LoanSettingsSchema, type LoanSettings } from "../loan-contract.ts";
import { PLUGIN_ID } from "./client.ts";
import { strings } from "./strings.ts";

/** The legal maximum rate, the overdue additional rate and the day overdue interest is billed. */
export function LoanSettingsPage() {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [form] = Form.useForm<LoanSettings>();
  const current = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  useEffect(() => {
    if (current.data) form.setFieldsValue(LoanSettingsSchema.parse(current.data.settings));
  }, [current.data, form]);
  const save = useApiMutation((settings: LoanSettings) => coreClient.pluginSettings.update.mutate({ pluginId: PLUGIN_ID, settings }), { notifyError: false });

  const submit = async (values: LoanSettings) => {
    try {
      await save.mutateAsync(values);
      void message.success(t("settings.saved"));
    } catch (error) {
      const apiError = toHttpError(error);
      // The server names fields `settings.<name>`; the form's names are bare.
      form.setFields(fieldErrorsForForm(fieldErrorList(apiError).map((e) => ({ ...e, name: e.name.filter((part) => part !== "settings") }))));
      void message.error(apiError.message);
    }
  };

  return (
    <Card title={t("settings.title")}>
      {current.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<LoanSettings> form={form} layout="vertical" name="loan-settings" data-testid="loan-settings-form" style={{ maxWidth: 520 }} onFinish={(values) => void submit(values)}>
          <Form.Item name="legalMaxRatePercent" label={t("settings.legalMax")} extra={t("settings.legalMaxHelp")}>
            <Input data-testid="loan-settings-legal-max" suffix="%" style={{ maxWidth: 160 }} />
          </Form.Item>
          <Form.Item name="overdueAdditionalRatePercent" label={t("settings.overdueRate")} extra={t("settings.overdueRateHelp")}>
            <Input data-testid="loan-settings-overdue-rate" suffix="%p" style={{ maxWidth: 160 }} />
          </Form.Item>
          <Form.Item name="overdueBillingDay" label={t("settings.billingDay")}>
            <InputNumber min={1} max={28} precision={0} style={{ width: 120 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="loan-settings-save">
            {t("common.save")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
