import { App, Button, Card, Col, Popconfirm, Row, Space, Statistic, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import { useApiMutation, useApiQuery, useFormatWon } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { newIdempotencyKey } from "../payments/idempotency-key.ts";

/** A payer's receivables per the ledger as of today: open, overdue and customer credit (payments.payerSummary). */
export function PayerBillingSummary({ payerId }: { payerId: number }) {
  const t = useTranslate();
  const format = useFormatWon();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const summary = useApiQuery(["payer-summary", payerId], () => trpc.payments.payerSummary.query({ payerId }));
  const applyCredit = useApiMutation(() => trpc.payments.applyCredit.mutate({ payerId, idempotencyKey: newIdempotencyKey("credit"), allocation: { kind: "oldest_due" } }));
  const data = summary.data;
  const amount = (value: bigint | null | undefined) => (value === null || value === undefined ? t("payerBilling.summary.hidden") : format(value));
  const canApply = hasPermission(me, "payment.write") && data && (data.customerCreditWon ?? 0n) > 0n && data.openInvoices.length > 0;
  return (
    <Card
      size="small"
      loading={summary.isLoading}
      title={t("payerBilling.summary.title")}
      extra={
        data && (
          <Space>
            <Typography.Text type="secondary">{t("payerBilling.summary.asOf", { date: data.asOf })}</Typography.Text>
            {canApply && (
              <Popconfirm
                title={t("payerBilling.applyCredit.button")}
                description={t("payerBilling.applyCredit.confirm", { credit: format(data.customerCreditWon ?? 0n) })}
                onConfirm={() => applyCredit.mutate(undefined, { onSuccess: () => void message.success(t("payerBilling.applyCredit.done")) })}
              >
                <Button size="small" loading={applyCredit.isPending} data-testid="payer-apply-credit">
                  {t("payerBilling.applyCredit.button")}
                </Button>
              </Popconfirm>
            )}
          </Space>
        )
      }
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
