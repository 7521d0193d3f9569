import { useEffect } from "react";
import { useNavigate, useParams } from "react-router";
import { Alert, App, Button, Card, Form, Input, Skeleton, Space } from "antd";
import { fieldErrorsForForm, toHttpError, useApiMutation, useContract, useKitTranslate } from "@sunap/admin-kit";
import type { RoyaltyTerms } from "../billing/terms.ts";
import { royaltyClient } from "./client.ts";
import { PATHS } from "./paths.ts";
import { strings } from "./strings.ts";
import { RoyaltyTermsFields, termsFormValues, termsFromForm, type TermsFormValues } from "./terms-form.tsx";

interface EditValues {
  terms: TermsFormValues;
  reason?: string;
}

/** Changes an active contract's terms; an edit made meanwhile by someone else is refused (version). */
export function EditRoyaltyContractPage() {
  const t = useKitTranslate(strings);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const contract = useContract(id);
  const [form] = Form.useForm<EditValues>();
  useEffect(() => {
    if (contract.data && !contract.data.termsProblem) form.setFieldsValue({ terms: termsFormValues(contract.data.terms as RoyaltyTerms) });
  }, [contract.data, form]);
  const save = useApiMutation((values: EditValues) => royaltyClient.contracts.updateTerms.mutate({ id, version: contract.data!.version, terms: termsFromForm(values.terms, contract.data!.store?.code ?? ""), ...(values.reason ? { reason: values.reason } : {}) }), { notifyError: false });
  const submit = async (values: EditValues) => {
    try {
      await save.mutateAsync(values);
      void message.success(t("contracts.saved"));
      void navigate(PATHS.detail(id));
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      void message.error(apiError.message);
    }
  };
  if (contract.isLoading) return <Skeleton active />;
  if (!contract.data) return <Alert type="error" message={contract.error?.message ?? t("common.notFound")} />;
  return (
    <Card title={`${t("contracts.edit")} — ${contract.data.title}`}>
      {contract.data.status !== "active" && <Alert type="warning" showIcon message={t("contracts.endedNoEdit")} style={{ marginBottom: 16 }} />}
      <Form<EditValues> form={form} layout="vertical" name="royalty-edit" data-testid="royalty-edit-form" onFinish={(values) => void submit(values)} style={{ maxWidth: 960 }} disabled={contract.data.status !== "active"}>
        <RoyaltyTermsFields />
        <Form.Item name="reason" label={t("contracts.reason")}>
          <Input maxLength={200} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t("common.save")}
          </Button>
          <Button onClick={() => void navigate(PATHS.detail(id))} disabled={false}>
            {t("common.cancel")}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
