import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { App, Button, Card, Form, Select, Space } from "antd";
import { ChargePreviewTable, coreClient, fieldErrorsForForm, StoreSelect, toHttpError, useApiMutation, useApiQuery, useBusinessToday, useKitTranslate, type PreviewedPeriod } from "@sunap/admin-kit";
import { RoyaltySettings } from "../billing-rules.ts";
import { PLUGIN_ID, royaltyClient } from "./client.ts";
import { PATHS } from "./paths.ts";
import { strings } from "./strings.ts";
import { blankTermsForm, RoyaltyTermsFields, termsFromForm, type TermsFormValues } from "./terms-form.tsx";

interface CreateValues {
  storeId: number | null;
  payerId: number | null;
  terms: TermsFormValues;
}

/** New royalty terms: the store, its franchisee (a business payer of the store) and the terms, with a preview of the first invoices. */
export function CreateRoyaltyContractPage() {
  const t = useKitTranslate(strings);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const storeId = Form.useWatch("storeId", form) as number | null | undefined;
  const [preview, setPreview] = useState<PreviewedPeriod[] | undefined>();
  const settings = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  const franchisees = useApiQuery(["royalty", "franchisees", storeId], () => royaltyClient.contracts.franchisees.query({ storeId: storeId! }), { enabled: typeof storeId === "number" });
  const store = useApiQuery(["store", storeId], () => coreClient.stores.get.query({ id: storeId! }), { enabled: typeof storeId === "number" });
  const today = useBusinessToday();

  useEffect(() => {
    if (!settings.data || !today) return;
    const s = RoyaltySettings.parse(settings.data.settings);
    form.setFieldsValue({ terms: blankTermsForm({ reportDueDay: s.defaultReportDueDay, paymentDueDays: s.defaultPaymentDueDays }, today) });
  }, [settings.data, today, form]);
  useEffect(() => {
    const only = franchisees.data?.length === 1 ? franchisees.data[0]!.id : null;
    form.setFieldValue("payerId", only);
  }, [franchisees.data, form]);

  const create = useApiMutation((values: CreateValues) => royaltyClient.contracts.create.mutate({ storeId: values.storeId ?? 0, payerId: values.payerId ?? 0, terms: termsFromForm(values.terms, store.data?.code ?? "") }), { notifyError: false });
  const showError = (error: unknown) => {
    const apiError = toHttpError(error);
    form.setFields(fieldErrorsForForm(apiError));
    void message.error(apiError.message);
  };
  const submit = async (values: CreateValues) => {
    try {
      const created = await create.mutateAsync(values);
      void message.success(t("contracts.created"));
      void navigate(PATHS.detail(created.id));
    } catch (error) {
      showError(error);
    }
  };
  const runPreview = async () => {
    const values = form.getFieldsValue(true) as CreateValues;
    try {
      setPreview(await coreClient.contracts.preview.query({ draft: { pluginId: PLUGIN_ID, storeId: values.storeId ?? null, ...(values.payerId ? { payerId: values.payerId } : {}), terms: termsFromForm(values.terms, store.data?.code ?? "") }, count: 3 }));
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card title={t("contracts.new")}>
      <Form<CreateValues> form={form} layout="vertical" name="royalty-create" data-testid="royalty-create-form" onFinish={(values) => void submit(values)} style={{ maxWidth: 960 }}>
        <Space wrap size="large" align="start">
          <Form.Item name="storeId" label={t("contracts.store")} rules={[{ required: true, message: t("form.required") }]} style={{ minWidth: 280 }}>
            <StoreSelect openOnly data-testid="royalty-store" />
          </Form.Item>
          <Form.Item name="payerId" label={t("contracts.franchisee")} extra={t("contracts.franchiseeHelp")} rules={[{ required: true, message: t("form.required") }]} style={{ minWidth: 280 }}>
            <Select
              loading={franchisees.isLoading && typeof storeId === "number"}
              disabled={typeof storeId !== "number"}
              notFoundContent={t("contracts.noFranchisee")}
              options={(franchisees.data ?? []).map((p) => ({ value: p.id, label: `${p.payerCode} ${p.name}` }))}
              data-testid="royalty-payer"
            />
          </Form.Item>
        </Space>
        <RoyaltyTermsFields />
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="royalty-create-submit">
            {t("common.save")}
          </Button>
          <Button onClick={() => void runPreview()}>{t("contracts.preview")}</Button>
          <Button onClick={() => void navigate(PATHS.list)}>{t("common.cancel")}</Button>
        </Space>
      </Form>
      {preview && (
        <Card size="small" title={t("contracts.previewTitle")} style={{ marginTop: 16 }}>
          <ChargePreviewTable periods={preview} />
        </Card>
      )}
    </Card>
  );
}
