import { useState } from "react";
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Popconfirm, Space, Tag, Typography } from "antd";
import { fieldErrorsForForm, formatTimestamp, toHttpError, useApiMutation, useApiQuery, useKitTranslate, useLocale } from "@sunap/admin-kit";
import { donationsClient } from "./client.ts";
import { strings } from "./strings.ts";

/**
 * The donor's separate consent to give their resident registration number for the tax office's
 * year-end service: shown masked (never whole), recorded with the consent text's version, and
 * withdrawable — which erases the number.
 */
export function TaxConsentPanel({ payerId }: { payerId: number }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ residentRegistrationNumber: string; agreed: boolean }>();
  const consent = useApiQuery(["donations", "tax-consent", payerId], () => donationsClient.taxConsent.get.query({ payerId }));
  const terms = useApiQuery(["donations", "tax-consent-terms"], () => donationsClient.taxConsent.terms.query());
  const invalidate = [["sunap", "donations", "tax-consent", payerId]];
  const give = useApiMutation((input: { residentRegistrationNumber: string; termsVersion: string }) => donationsClient.taxConsent.give.mutate({ payerId, ...input }), { invalidate, notifyError: false });
  const withdraw = useApiMutation(() => donationsClient.taxConsent.withdraw.mutate({ payerId }), { invalidate });

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await give.mutateAsync({ residentRegistrationNumber: values.residentRegistrationNumber, termsVersion: terms.data!.version });
      void message.success(t("tax.saved"));
      setOpen(false);
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      if (Object.keys(apiError.errors).length === 0) void message.error(apiError.message);
    }
  };

  const c = consent.data;
  return (
    <Card size="small" title={t("tax.title")} loading={consent.isLoading} data-testid="tax-consent">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t("tax.status")}>
          {c?.active ? <Tag color="green">{t("tax.active")}</Tag> : c?.withdrawnAt ? <Tag>{t("tax.withdrawn", { at: formatTimestamp(c.withdrawnAt) })}</Tag> : <Tag>{t("tax.none")}</Tag>}
          {c?.active && c.termsVersion && <Typography.Text type="secondary">{t("tax.version", { version: c.termsVersion })} · {formatTimestamp(c.consentedAt)}</Typography.Text>}
        </Descriptions.Item>
        {c?.active && (
          <Descriptions.Item label={t("tax.number")}>
            <span data-testid="tax-consent-masked">{c.residentNumberMasked}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Space>
        <Button onClick={() => { form.resetFields(); setOpen(true); }} data-testid="tax-consent-give">
          {t(c?.active ? "tax.replace" : "tax.give")}
        </Button>
        {c?.active && (
          <Popconfirm title={t("tax.withdrawConfirm")} onConfirm={() => withdraw.mutate(undefined, { onSuccess: () => void message.success(t("tax.withdrawnDone")) })}>
            <Button danger loading={withdraw.isPending} data-testid="tax-consent-withdraw">
              {t("tax.withdraw")}
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Modal open={open} title={t("tax.title")} onCancel={() => setOpen(false)} onOk={() => void submit()} okText={t("common.save")} cancelText={t("common.cancel")} confirmLoading={give.isPending} destroyOnHidden>
        {terms.data && <Alert type="info" message={t("tax.version", { version: terms.data.version })} description={<div style={{ whiteSpace: "pre-line" }}>{terms.data.text[locale]}</div>} style={{ marginBottom: 16 }} />}
        <Form form={form} layout="vertical" data-testid="tax-consent-form">
          <Form.Item name="residentRegistrationNumber" label={t("tax.number")} extra={t("tax.numberHelp")} rules={[{ required: true, message: t("form.required") }]}>
            <Input.Password autoComplete="off" maxLength={14} visibilityToggle={false} data-testid="tax-consent-number" />
          </Form.Item>
          <Form.Item name="agreed" valuePropName="checked" rules={[{ validator: (_, value: boolean) => (value ? Promise.resolve() : Promise.reject(new Error(t("tax.agreeRequired")))) }]}>
            <Checkbox data-testid="tax-consent-agree">{t("tax.agree")}</Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
