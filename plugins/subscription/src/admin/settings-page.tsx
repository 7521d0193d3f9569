import { useEffect } from "react";
import { Alert, App, Button, Card, Form, Radio, Skeleton } from "antd";
import { coreClient, fieldErrorList, fieldErrorsForForm, toHttpError, useApiMutation, useApiQuery, useKitTranslate } from "@sunap/admin-kit";
import { SubscriptionSettings } from "../contract/settings.ts";
import { PLUGIN_ID } from "./client.ts";
import { strings } from "./strings.ts";

/** The plugin's settings: the billing day of new subscriptions and the default cancellation. */
export function SubscriptionSettingsPage() {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [form] = Form.useForm<SubscriptionSettings>();
  const current = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  useEffect(() => {
    if (current.data) form.setFieldsValue(SubscriptionSettings.parse(current.data.settings));
  }, [current.data, form]);
  const save = useApiMutation((settings: SubscriptionSettings) => coreClient.pluginSettings.update.mutate({ pluginId: PLUGIN_ID, settings }), { notifyError: false });

  const submit = async (values: SubscriptionSettings) => {
    try {
      await save.mutateAsync(values);
      void message.success(t("settings.saved"));
    } catch (error) {
      const apiError = toHttpError(error);
      // The server names fields `settings.<name>`; the form's names are bare.
      form.setFields(fieldErrorsForForm<SubscriptionSettings>(fieldErrorList(apiError).map((e) => ({ ...e, name: e.name.filter((part) => part !== "settings") }))));
      void message.error(apiError.message);
    }
  };

  return (
    <Card title={t("settings.title")}>
      {current.isLoading ? (
        <Skeleton active />
      ) : (
        <Form<SubscriptionSettings> form={form} layout="vertical" name="subscription-settings" data-testid="subscription-settings-form" style={{ maxWidth: 560 }} onFinish={(values) => void submit(values)}>
          <Alert type="info" showIcon message={t("settings.note")} style={{ marginBottom: 16 }} />
          <Form.Item name="anchorPolicy" label={t("settings.anchorPolicy")}>
            <Radio.Group>
              <Radio value="start_day">{t("settings.start_day")}</Radio>
              <Radio value="first_of_month">{t("settings.first_of_month")}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="defaultCancelMode" label={t("settings.defaultCancelMode")}>
            <Radio.Group>
              <Radio value="period_end">{t("cancel.period_end")}</Radio>
              <Radio value="now">{t("cancel.now")}</Radio>
            </Radio.Group>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="subscription-settings-save">
            {t("common.save")}
          </Button>
        </Form>
      )}
    </Card>
  );
}
