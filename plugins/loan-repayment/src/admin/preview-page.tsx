import { useState } from "react";
import { Alert, Button, Card, Form, Space, Typography } from "antd";
import { fieldErrorsForForm, toHttpError, useFormatWon, useKitTranslate } from "@sunap/admin-kit";
import { loanClient } from "./client.ts";
import { Conventions } from "./conventions.tsx";
import { ScheduleTable } from "./schedule-table.tsx";
import { strings } from "./strings.ts";
import { termsPayload, TermsFields, type TermsFormValues } from "./terms-fields.tsx";

type Schedule = Awaited<ReturnType<typeof loanClient.preview.query>>;

/** A loan officer's preview (상환 스케줄 미리보기): the schedule of a loan not made yet, nothing saved. */
export function SchedulePreviewPage() {
  const t = useKitTranslate(strings);
  const [form] = Form.useForm<TermsFormValues>();
  const [schedule, setSchedule] = useState<Schedule | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const format = useFormatWon();

  const run = async (values: TermsFormValues) => {
    setLoading(true);
    setError(null);
    try {
      setSchedule(await loanClient.preview.query(termsPayload(values)));
    } catch (caught) {
      const apiError = toHttpError(caught);
      form.setFields(fieldErrorsForForm(apiError));
      setError(apiError.message);
      setSchedule(null);
    } finally {
      setLoading(false);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <Card title={t("preview.title")}>
        <Typography.Paragraph type="secondary">{t("preview.intro")}</Typography.Paragraph>
        <Form<TermsFormValues> form={form} layout="vertical" name="loan-preview" data-testid="loan-preview-form" style={{ maxWidth: 520 }} initialValues={{ method: "equal-installment" }} onFinish={(values) => void run(values)}>
          <TermsFields />
          <Button type="primary" htmlType="submit" loading={loading} data-testid="loan-preview-run">
            {t("loans.previewButton")}
          </Button>
        </Form>
      </Card>
      {error && <Alert type="error" showIcon message={error} data-testid="loan-preview-error" />}
      {schedule && (
        <Card title={schedule.levelPaymentWon !== undefined ? t("schedule.levelPayment", { amount: format(schedule.levelPaymentWon) }) : t("preview.title")}>
          {schedule.terms.disbursedOn === undefined && <Alert type="warning" showIcon message={t("preview.noDates")} style={{ marginBottom: 12 }} />}
          <ScheduleTable rows={schedule.installments} totals={schedule.totals} testId="loan-preview-schedule" />
        </Card>
      )}
      <Conventions />
    </Space>
  );
}
