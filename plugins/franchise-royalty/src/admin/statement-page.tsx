import { useSearchParams } from "react-router";
import { Alert, Card, DatePicker, Descriptions, Empty, Form, Skeleton, Space, Statistic, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { formatWon } from "@sunap/core";
import { ChargeLinesTable, RoyaltyInvoicesTable } from "./invoice-tables.tsx";
import { Money, StoreSelect, useApiQuery, useBusinessToday, useKitTranslate, useLocale } from "@sunap/admin-kit";
import { formatRate } from "../billing/royalty-rate.ts";
import { royaltyClient } from "./client.ts";
import { strings } from "./strings.ts";

/** A store's royalty statement for a month: the sales reported, the terms, each invoice with its lines, what is paid and owed. */
export function RoyaltyStatementPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const storeId = Number(params.get("storeId")) || undefined;
  const today = useBusinessToday();
  const month = params.get("month") ?? dayjs(today ? `${today.slice(0, 7)}-01` : undefined).subtract(1, "month").format("YYYY-MM");
  const statement = useApiQuery(["royalty", "statement", storeId, month], () => royaltyClient.statement.query({ storeId: storeId!, month }), { enabled: storeId !== undefined });
  const set = (next: { storeId?: number | null; month?: string }) => {
    const merged = new URLSearchParams(params);
    if (next.storeId) merged.set("storeId", String(next.storeId));
    else if (next.storeId === null) merged.delete("storeId");
    if (next.month) merged.set("month", next.month);
    setParams(merged, { replace: true });
  };
  const data = statement.data;

  return (
    <Card title={t("statement.title")}>
      <Form layout="inline" style={{ marginBottom: 16 }}>
        <Form.Item label={t("contracts.store")}>
          <StoreSelect value={storeId ?? null} onChange={(id) => set({ storeId: id ?? null })} style={{ minWidth: 240 }} data-testid="statement-store" />
        </Form.Item>
        <Form.Item label={t("statement.month")}>
          <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(value) => value && set({ month: value.format("YYYY-MM") })} data-testid="statement-month" />
        </Form.Item>
      </Form>
      {storeId === undefined ? (
        <Empty description={t("statement.pickStore")} />
      ) : statement.isLoading ? (
        <Skeleton active />
      ) : !data ? (
        <Alert type="error" message={statement.error?.message} />
      ) : (
        <Space direction="vertical" size="middle" style={{ width: "100%" }} data-testid="royalty-statement">
          <Descriptions bordered size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t("contracts.store")}>{`${data.store.code} ${data.store.name} (${data.store.region})`}</Descriptions.Item>
            <Descriptions.Item label={t("statement.month")}>{data.month}</Descriptions.Item>
            <Descriptions.Item label={t("statement.reportDue")}>{data.reportDueOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("sales.grossSales")}>
              {data.report ? (
                <Space>
                  <Money amountWon={data.report.grossSalesWon} strong />
                  {data.report.revision > 1 && <Tag>{t("sales.revision", { revision: data.report.revision })}</Tag>}
                </Space>
              ) : (
                <Tag color="orange">{t("statement.noReport")}</Tag>
              )}
            </Descriptions.Item>
            {data.store.closedOn && <Descriptions.Item label={t("statement.closedOn")}>{data.store.closedOn}</Descriptions.Item>}
          </Descriptions>
          {data.contracts.length === 0 && <Empty description={t("statement.noContract")} />}
          {data.contracts.map((c) => (
            <Card key={c.contractId} size="small" title={c.title}>
              <Typography.Paragraph type="secondary">
                {c.terms.royalty.kind === "flat"
                  ? `${t("terms.rate")} ${formatRate(c.terms.royalty.rateBp)}`
                  : `${c.terms.royalty.mode === "whole" ? t("terms.whole") : t("terms.marginal")}: ${c.terms.royalty.tiers.map((tier) => `${formatWon(tier.fromWon, locale)}~ ${formatRate(tier.rateBp)}`).join(", ")}`}
                {c.terms.minimumRoyaltyWon > 0n && ` · ${t("terms.minimum")} ${formatWon(c.terms.minimumRoyaltyWon, locale)}`}
              </Typography.Paragraph>
              <Space size="large" wrap style={{ marginBottom: 12 }}>
                <Statistic title={t("statement.royalty")} value={formatWon(c.totals.royaltyWon, locale)} />
                <Statistic title={t("statement.fees")} value={formatWon(c.totals.feesWon, locale)} />
                <Statistic title={t("statement.vat")} value={formatWon(c.totals.vatWon, locale)} />
                <Statistic title={t("statement.billed")} value={formatWon(c.totals.billedWon, locale)} />
                <Statistic title={t("statement.collected")} value={formatWon(c.totals.collectedWon, locale)} />
                <Statistic title={t("statement.outstanding")} value={formatWon(c.totals.outstandingWon, locale)} />
              </Space>
              {c.invoices.length > 0 && <RoyaltyInvoicesTable invoices={c.invoices} testId="statement-invoices" />}
              {c.preview && (
                <>
                  <Alert type="info" showIcon style={{ margin: "12px 0" }} message={t("statement.notIssued", { on: c.preview.issueOn })} />
                  <ChargeLinesTable lines={c.preview.lines} testId="statement-preview" />
                </>
              )}
              {c.pendingAdjustment && (
                <>
                  <Alert
                    type={c.pendingAdjustment.totalWon > 0n ? "warning" : "success"}
                    showIcon
                    style={{ margin: "12px 0" }}
                    message={c.pendingAdjustment.totalWon > 0n ? t("statement.trueUpPending", { amount: formatWon(c.pendingAdjustment.totalWon, locale) }) : t("statement.creditDue", { amount: formatWon(-c.pendingAdjustment.totalWon, locale) })}
                  />
                  <ChargeLinesTable lines={c.pendingAdjustment.lines} />
                </>
              )}
            </Card>
          ))}
        </Space>
      )}
    </Card>
  );
}
