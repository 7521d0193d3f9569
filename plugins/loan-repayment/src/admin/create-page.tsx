import { useState } from "react";
import { Alert, App, Button, Card, Col, Form, Input, Row, Space } from "antd";
import { useNavigate } from "react-router";
import { coreClient, fieldErrorList, fieldErrorsForForm, PayerSelect, StoreSelect, toHttpError, useApiQuery, useKitTranslate } from "@sunap/admin-kit";
import { LoanSettingsSchema } from "../loan-contract.ts";
import { loanClient, loanPaths, PLUGIN_ID } from "./client.ts";
import { Conventions } from "./conventions.tsx";
import { ScheduleTable } from "./schedule-table.tsx";
import { strings } from "./strings.ts";
import { termsPayload, TermsFields, type TermsFormValues } from "./terms-fields.tsx";

interface CreateValues {
  payerId?: number;
  storeId?: number | null;
  terms: TermsFormValues & { overdueAdditionalRatePercent?: string; prepaymentFeePercent?: string };
}

type Schedule = Awaited<ReturnType<typeof loanClient.preview.query>>;

/** Makes a loan: borrower, terms, a preview of its schedule, then disbursement (posted to the ledger at once). */
export function CreateLoanPage() {
  const t = useKitTranslate(strings);
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateValues>();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [busy, setBusy] = useState<"preview" | "create" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const settingsQuery = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  const settings = settingsQuery.data ? LoanSettingsSchema.parse(settingsQuery.data.settings) : null;

  const fail = (caught: unknown) => {
    const apiError = toHttpError(caught);
    form.setFields(fieldErrorsForForm(apiError));
    setError(apiError.message);
  };

  const preview = async () => {
    setBusy("preview");
    setError(null);
    try {
      setSchedule(await loanClient.preview.query(termsPayload(form.getFieldValue("terms") ?? {})));
    } catch (caught) {
      // The preview's fields are bare; the form's are under `terms`.
      const apiError = toHttpError(caught);
      form.setFields(fieldErrorsForForm(fieldErrorList(apiError).map((entry) => ({ ...entry, name: ["terms", ...entry.name] }))));
      setError(apiError.message);
      setSchedule(null);
    } finally {
      setBusy(null);
    }
  };

  const create = async (values: CreateValues) => {
    setBusy("create");
    setError(null);
    try {
      const { overdueAdditionalRatePercent, prepaymentFeePercent } = values.terms;
      const result = await loanClient.create.mutate({
        payerId: values.payerId!,
        ...(values.storeId !== undefined && { storeId: values.storeId }),
        terms: {
          ...termsPayload(values.terms),
          ...(overdueAdditionalRatePercent ? { overdueAdditionalRatePercent } : {}),
          ...(prepaymentFeePercent ? { prepaymentFeePercent } : {}),
        },
      });
      void message.success(t("loans.created", { id: result.loan.id }));
      void navigate(loanPaths.detail(result.loan.id));
    } catch (caught) {
      fail(caught);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title={t("loans.create")}>
        {settings && <Alert type="info" showIcon message={t("loans.capNote", { cap: settings.legalMaxRatePercent })} style={{ marginBottom: 16 }} />}
        <Form<CreateValues> form={form} layout="vertical" name="loan-create" data-testid="loan-create-form" initialValues={{ terms: { method: "equal-installment" } }} onFinish={(values) => void create(values)}>
          <Row gutter={24}>
            <Col xs={24} md={12}>
              <Form.Item name="payerId" label={t("loans.payer")} rules={[{ required: true, message: t("loans.required") }]}>
                <PayerSelect />
              </Form.Item>
              <Form.Item name="storeId" label={t("loans.store")}>
                <StoreSelect allowClear />
              </Form.Item>
              <TermsFields prefix={["terms"]} requireDisbursement />
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name={["terms", "overdueAdditionalRatePercent"]} label={t("loans.overdueRate")} extra={settings ? t("loans.overdueRateHelp", { rate: settings.overdueAdditionalRatePercent }) : undefined}>
                <Input data-testid="loan-overdue-rate" suffix="%p" style={{ maxWidth: 160 }} />
              </Form.Item>
              <Form.Item name={["terms", "prepaymentFeePercent"]} label={t("loans.prepaymentFee")}>
                <Input data-testid="loan-prepayment-fee" suffix="%" placeholder="0" style={{ maxWidth: 160 }} />
              </Form.Item>
            </Col>
          </Row>
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} data-testid="loan-create-error" />}
          <Space>
            <Button onClick={() => void preview()} loading={busy === "preview"} data-testid="loan-create-preview">
              {t("loans.previewButton")}
            </Button>
            <Button type="primary" htmlType="submit" loading={busy === "create"} data-testid="loan-create-submit">
              {t("loans.create")}
            </Button>
          </Space>
        </Form>
      </Card>
      {schedule && (
        <Card title={t("preview.title")}>
          <ScheduleTable rows={schedule.installments} totals={schedule.totals} testId="loan-create-schedule" />
        </Card>
      )}
      <Conventions />
    </Space>
  );
}
