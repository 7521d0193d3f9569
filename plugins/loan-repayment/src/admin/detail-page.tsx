import { useState } from "react";
import { Alert, App, Button, Card, DatePicker, Descriptions, Empty, Form, Input, Radio, Skeleton, Space, Table, Tag, Typography } from "antd";
import { Link, useParams } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import { ContractSummary, coreClient, fieldErrorsForForm, Money, pickLabel, toHttpError, useApiQuery, useFormatWon, useKitTranslate, useLocale, WonInput } from "@sunap/admin-kit";
import { REPAYMENT_METHOD_LABELS } from "../loan-terms.ts";
import { PREPAYMENT_METHOD_LABELS, PREPAYMENT_METHODS } from "../prepayment.ts";
import { loanClient } from "./client.ts";
import { Conventions } from "./conventions.tsx";
import { ScheduleTable } from "./schedule-table.tsx";
import { strings } from "./strings.ts";

type Statement = Awaited<ReturnType<typeof loanClient.statement.query>>;

function useBusinessToday(): string | undefined {
  return useApiQuery(["clock"], () => coreClient.clock.get.query()).data?.today;
}

/** One loan: its terms, the schedule against its invoices, prepayments, overdue interest, a payoff quote and the prepayment form. */
export function LoanDetailPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const statement = useApiQuery(["loan", "statement", id], () => loanClient.statement.query({ id }), { enabled: valid });
  const data = statement.data;
  const terms = data?.loan.terms;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <ContractSummary contractId={id} hideEnd>
        {terms && (
          <>
            <Descriptions.Item label={t("loans.principal")}><Money amountWon={terms.principalWon} /></Descriptions.Item>
            <Descriptions.Item label={t("loans.rate")}>{terms.annualRatePercent}%</Descriptions.Item>
            <Descriptions.Item label={t("loans.months")}>{terms.termMonths}</Descriptions.Item>
            <Descriptions.Item label={t("loans.method")}>{pickLabel(REPAYMENT_METHOD_LABELS[terms.method], locale)}</Descriptions.Item>
            <Descriptions.Item label={t("loans.disbursedOn")}>{terms.disbursedOn}</Descriptions.Item>
            <Descriptions.Item label={t("loans.repaymentDay")}>{terms.repaymentDay}</Descriptions.Item>
            <Descriptions.Item label={t("loans.overdueRate")}>{terms.overdueAdditionalRatePercent ?? data.settings.overdueAdditionalRatePercent}</Descriptions.Item>
            <Descriptions.Item label={t("loans.prepaymentFee")}>{terms.prepaymentFeePercent}%</Descriptions.Item>
            <Descriptions.Item label={t("detail.principalNotBilled")}><span data-testid="loan-principal-not-billed"><Money amountWon={data.principalNotBilledWon} /></span></Descriptions.Item>
            <Descriptions.Item label={t("detail.openWon")}><span data-testid="loan-open-won"><Money amountWon={data.openWon} /></span></Descriptions.Item>
          </>
        )}
      </ContractSummary>
      {statement.isLoading && <Card><Skeleton active /></Card>}
      {statement.error && <Alert type="error" showIcon message={statement.error.message} />}
      {data && (
        <>
          <Card title={t("detail.schedule")}>
            <ScheduleTable rows={data.schedule} totals={data.totals} withInvoices testId="loan-detail-schedule" />
          </Card>
          <Card title={t("detail.overdue")}>
            <OverdueTable statement={data} />
          </Card>
          <Card title={t("detail.prepayments")}>
            <PrepaymentsTable statement={data} />
          </Card>
          <PayoffCard id={id} />
          {data.loan.status === "active" && <PrepayCard statement={data} onDone={() => void statement.refetch()} />}
        </>
      )}
      <Conventions />
    </Space>
  );
}

function OverdueTable({ statement }: { statement: Statement }) {
  const t = useKitTranslate(strings);
  if (statement.overdueInvoices.length === 0) return <Empty description={t("detail.noOverdue")} />;
  return (
    <Table
      size="small"
      rowKey="id"
      data-testid="loan-overdue-invoices"
      pagination={false}
      dataSource={statement.overdueInvoices}
      columns={[
        { key: "month", title: t("detail.month"), render: (_, row) => row.periodKey.replace("overdue-", "") },
        { dataIndex: "number", title: t("schedule.invoice"), render: (number: string, row) => <Link to={`/invoices/show/${row.id}`}>{number}</Link> },
        { dataIndex: "dueOn", title: t("schedule.dueOn") },
        { dataIndex: "totalWon", title: t("schedule.payment"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
        { key: "status", title: t("schedule.status"), render: (_, row) => <Tag>{t(`status.${row.status}`)}</Tag> },
      ]}
    />
  );
}

function PrepaymentsTable({ statement }: { statement: Statement }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  if (statement.prepayments.length === 0) return <Empty description={t("detail.noPrepayments")} />;
  return (
    <Table
      size="small"
      rowKey="key"
      data-testid="loan-prepayments"
      pagination={false}
      dataSource={statement.prepayments}
      columns={[
        { dataIndex: "date", title: t("prepay.date") },
        { dataIndex: "method", title: t("prepay.method"), render: (method: "shorten-term" | "reduce-payment") => pickLabel(PREPAYMENT_METHOD_LABELS[method], locale) },
        { dataIndex: "principalWon", title: t("prepay.amount"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
        { dataIndex: "accruedInterestWon", title: t("prepay.accrued"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
        { dataIndex: "feeWon", title: t("payoff.fee"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
        { dataIndex: "totalWon", title: t("prepay.totalPaid"), align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
        { key: "invoice", title: t("schedule.invoice"), render: (_, row) => (row.invoice ? <Link to={`/invoices/show/${row.invoice.id}`}>{row.invoice.number}</Link> : "—") },
      ]}
    />
  );
}

function PayoffCard({ id }: { id: number }) {
  const t = useKitTranslate(strings);
  const today = useBusinessToday();
  const [asOf, setAsOf] = useState<string | null>(null);
  const date = asOf ?? today;
  const quote = useApiQuery(["loan", "payoff", id, date], () => loanClient.payoff.query({ id, asOf: date! }), { enabled: date !== undefined });
  const q = quote.data;
  return (
    <Card
      title={t("payoff.title")}
      extra={
        <Space>
          <span>{t("payoff.asOf")}</span>
          <DatePicker data-testid="loan-payoff-date" allowClear={false} value={date ? dayjs(date) : null} disabledDate={(day: Dayjs) => today !== undefined && day.format("YYYY-MM-DD") < today} onChange={(day: Dayjs | null) => setAsOf(day ? day.format("YYYY-MM-DD") : null)} />
        </Space>
      }
    >
      {quote.error && <Alert type="error" showIcon message={quote.error.message} />}
      {quote.isLoading && <Skeleton active />}
      {q && (
        <Descriptions size="small" column={1} bordered data-testid="loan-payoff">
          <Descriptions.Item label={t("payoff.openInvoices")}><Money amountWon={q.openInvoicesWon} /></Descriptions.Item>
          <Descriptions.Item label={t("payoff.unbilledOverdue")}><Money amountWon={q.unbilledOverdueWon} /></Descriptions.Item>
          <Descriptions.Item label={t("payoff.dueUnbilled")}>
            <Money amountWon={q.notBilled.dueInstallments.reduce((sum, due) => sum + due.paymentWon + due.overdueInterestWon, 0n)} />
          </Descriptions.Item>
          <Descriptions.Item label={t("payoff.principalNotDue")}><Money amountWon={q.notBilled.principalNotDueWon} /></Descriptions.Item>
          <Descriptions.Item label={t("payoff.accrued", { from: q.notBilled.accruedFrom ?? "—", days: q.notBilled.accruedDays })}><Money amountWon={q.notBilled.accruedInterestWon} /></Descriptions.Item>
          <Descriptions.Item label={t("payoff.fee")}><Money amountWon={q.notBilled.feeWon} /></Descriptions.Item>
          <Descriptions.Item label={<Typography.Text strong>{t("payoff.total")}</Typography.Text>}>
            <span data-testid="loan-payoff-total"><Money amountWon={q.totalWon} strong /></span>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}

interface PrepayValues {
  date: Dayjs;
  amountWon: bigint | null;
  feePercent?: string;
  method: "shorten-term" | "reduce-payment";
}

function PrepayCard({ statement, onDone }: { statement: Statement; onDone: () => void }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const format = useFormatWon();
  const { message } = App.useApp();
  const today = useBusinessToday();
  const [form] = Form.useForm<PrepayValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (values: PrepayValues) => {
    setBusy(true);
    setError(null);
    try {
      const result = await loanClient.prepay.mutate({
        id: statement.loan.id,
        version: statement.loan.version,
        date: values.date.format("YYYY-MM-DD"),
        amountWon: values.amountWon ?? "",
        method: values.method,
        ...(values.feePercent ? { feePercent: values.feePercent } : {}),
      });
      const p = result.prepayment;
      void message.success(t("prepay.done", { total: format(p.totalWon), principal: format(p.principalWon), interest: format(p.accruedInterestWon), fee: format(p.feeWon) }));
      form.resetFields();
      onDone();
    } catch (caught) {
      const apiError = toHttpError(caught);
      form.setFields(fieldErrorsForForm(apiError));
      setError(apiError.message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t("prepay.title")}>
      <Typography.Paragraph type="secondary">{t("prepay.note")}</Typography.Paragraph>
      <Form<PrepayValues> form={form} layout="inline" name="loan-prepay" data-testid="loan-prepay-form" initialValues={{ method: "shorten-term", date: today ? dayjs(today) : undefined }} onFinish={(values) => void submit(values)}>
        <Form.Item name="date" label={t("prepay.date")} rules={[{ required: true, message: t("loans.required") }]}>
          <DatePicker data-testid="loan-prepay-date" />
        </Form.Item>
        <Form.Item name="amountWon" label={t("prepay.amount")} rules={[{ required: true, message: t("loans.required") }]}>
          <WonInput data-testid="loan-prepay-amount" />
        </Form.Item>
        <Form.Item name="feePercent" label={t("prepay.fee")} tooltip={t("prepay.feeHelp", { fee: statement.loan.terms.prepaymentFeePercent })}>
          <Input data-testid="loan-prepay-fee" suffix="%" style={{ width: 110 }} placeholder={statement.loan.terms.prepaymentFeePercent} />
        </Form.Item>
        <Form.Item name="method" label={t("prepay.method")}>
          <Radio.Group>
            {PREPAYMENT_METHODS.map((method) => (
              <Radio key={method} value={method}>
                {pickLabel(PREPAYMENT_METHOD_LABELS[method], locale)}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="loan-prepay-submit">
          {t("prepay.submit")}
        </Button>
      </Form>
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="loan-prepay-error" />}
    </Card>
  );
}
