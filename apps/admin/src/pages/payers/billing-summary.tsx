import { Card, Col, Row, Statistic, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import { useApiQuery, useFormatWon } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";

/** A payer's receivables per the ledger as of today: open, overdue and customer credit (payments.payerSummary). */
export function PayerBillingSummary({ payerId }: { payerId: number }) {
  const t = useTranslate();
  const format = useFormatWon();
  const summary = useApiQuery(["payer-summary", payerId], () => trpc.payments.payerSummary.query({ payerId }));
  const data = summary.data;
  const amount = (value: bigint | null | undefined) => (value === null || value === undefined ? t("payerBilling.summary.hidden") : format(value));
  return (
    <Card
      size="small"
      loading={summary.isLoading}
      title={t("payerBilling.summary.title")}
      extra={data && <Typography.Text type="secondary">{t("payerBilling.summary.asOf", { date: data.asOf })}</Typography.Text>}
      data-testid="payer-billing-summary"
    >
      <Row gutter={16}>
        <Col xs={24} sm={8}>
          <Statistic title={t("payerBilling.summary.open")} value={amount(data?.openReceivablesWon)} data-testid="payer-summary-open" />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t("payerBilling.summary.overdue")} value={amount(data?.overdueWon)} valueStyle={data && data.overdueWon > 0n ? { color: "#cf1322" } : undefined} data-testid="payer-summary-overdue" />
        </Col>
        <Col xs={24} sm={8}>
          <Statistic title={t("payerBilling.summary.credit")} value={amount(data?.customerCreditWon)} data-testid="payer-summary-credit" />
        </Col>
      </Row>
    </Card>
  );
}
