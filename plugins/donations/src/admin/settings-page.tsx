import { useEffect } from "react";
import { Alert, App, Button, Card, Form, Input, Select, Skeleton } from "antd";
import { coreClient, fieldErrorList, fieldErrorsForForm, toHttpError, useApiMutation, useApiQuery, useKitTranslate, useLocale } from "@sunap/admin-kit";
import type { DonationSettings } from "../billing-rules.ts";
import { DONATION_TYPES } from "../billing/receipt.ts";
import { PLUGIN_ID } from "./client.ts";
import { strings } from "./strings.ts";

type SettingsValues = { [K in keyof DonationSettings]?: DonationSettings[K] | string };

const TEXT_FIELDS = ["registeredName", "registrationNumber", "representative", "address", "legalBasis"] as const;

/** The donation body's registration details printed on receipts, the thank-you channel and the consent text version. */
export function DonationSettingsPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<SettingsValues>();
  const settings = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  const save = useApiMutation((values: unknown) => coreClient.pluginSettings.update.mutate({ pluginId: PLUGIN_ID, settings: values }), { notifyError: false });

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data.settings as SettingsValues);
  }, [settings.data, form]);

  const submit = async (values: SettingsValues) => {
    // An emptied field falls back to the organisation's settings: send it as null.
    const cleaned = { ...values, ...Object.fromEntries(TEXT_FIELDS.map((k) => [k, typeof values[k] === "string" && values[k].trim() ? values[k].trim() : null])) };
    try {
      await save.mutateAsync(cleaned);
      void message.success(t("common.done"));
    } catch (error) {
      const apiError = toHttpError(error);
      // The server names fields `settings.<name>`.
      form.setFields(fieldErrorsForForm(fieldErrorList(apiError).map((e) => ({ ...e, name: e.name[0] === "settings" ? e.name.slice(1) : e.name }))));
      if (Object.keys(apiError.errors).length === 0) void message.error(apiError.message);
    }
  };

  if (settings.isLoading) return <Card><Skeleton active /></Card>;
  return (
    <Card title={t("settings.title")} data-testid="donation-settings">
      <Alert type="info" showIcon message={t("settings.help")} style={{ marginBottom: 16 }} />
      <Form<SettingsValues> form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => void submit(values)}>
        <Form.Item name="registeredName" label={t("settings.registeredName")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="registrationNumber" label={t("settings.registrationNumber")}>
          <Input maxLength={12} placeholder="123-45-67890" data-testid="settings-registration-number" />
        </Form.Item>
        <Form.Item name="representative" label={t("settings.representative")}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t("settings.address")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="donationTypeCode" label={t("settings.donationTypeCode")}>
          <Select options={Object.entries(DONATION_TYPES).map(([code, label]) => ({ value: code, label: `${code} ${label[locale]}` }))} />
        </Form.Item>
        <Form.Item name="legalBasis" label={t("settings.legalBasis")}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="thankYouChannel" label={t("settings.thankYouChannel")}>
          <Select options={(["alimtalk", "sms", "email"] as const).map((c) => ({ value: c, label: t(`channel.${c}`) }))} />
        </Form.Item>
        <Form.Item name="taxConsentTermsVersion" label={t("settings.taxConsentTermsVersion")}>
          <Input maxLength={40} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="donation-settings-save">
          {t("common.save")}
        </Button>
      </Form>
    </Card>
  );
}
