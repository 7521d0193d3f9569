import { Alert, Descriptions, Space, Tag, Typography } from "antd";
import { useParams } from "react-router";
import { formatWon } from "@sunap/core";
import { ContractSummary, coreClient, useApiQuery, useKitTranslate, useLocale } from "@sunap/admin-kit";
import { SubscriptionSettings } from "../contract/settings.ts";
import { subscriptionClient } from "./client.ts";
import { intervalLabel, STATE_COLORS, stateLabel, vatLabel } from "./labels.ts";
import { LifecycleActions } from "./lifecycle-actions.tsx";
import { IssuedTable, UpcomingTable } from "./schedule-tables.tsx";
import { strings } from "./strings.ts";
import { PLUGIN_ID } from "./client.ts";

/**
 * One subscription: the contract header with the lifecycle buttons, the plan copy that bills,
 * pauses, plan changes, discounts and cancellation, the next periods with their charges and the
 * invoices issued so far.
 */
export function SubscriptionDetailPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const id = Number(useParams().id);
  const schedule = useApiQuery(["subscription", "schedule", id], () => subscriptionClient.subscriptions.schedule.query({ id, count: 6 }), { enabled: Number.isInteger(id) && id > 0 });
  const settings = useApiQuery(["plugin-settings", PLUGIN_ID], () => coreClient.pluginSettings.get.query({ pluginId: PLUGIN_ID }));
  const data = schedule.data;
  const terms = data?.terms;
  const vatMode = terms ? (terms.plan.taxExempt ? "exempt" : terms.plan.vatIncluded ? "included" : "on_top") : "included";
  const defaultCancelMode = settings.data ? SubscriptionSettings.parse(settings.data.settings).defaultCancelMode : "period_end";

  return (
    <>
      <ContractSummary
        contractId={id}
        hideEnd
        extra={data && terms && data.contract.status === "active" ? <LifecycleActions id={id} version={data.contract.version} terms={terms} defaultCancelMode={defaultCancelMode} /> : null}
      >
        {data && terms && (
          <>
            <Descriptions.Item label={t("detail.state")}>
              <Tag color={STATE_COLORS[data.state]} data-testid="subscription-state">{stateLabel(t, data.state)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.planCopy")} span={2}>
              <Space direction="vertical" size={0}>
                <span>
                  {terms.plan.name[locale]} · {intervalLabel(t, terms.plan.interval)} {formatWon(terms.plan.priceWon, locale)} · {vatLabel(t, vatMode)}
                  {terms.plan.trialDays > 0 && ` · ${t("plans.trialDays")} ${terms.plan.trialDays}`}
                </span>
                {data.cataloguePlan && data.cataloguePlan.priceWon !== data.planToday.priceWon && (
                  <Typography.Text type="warning">{t("detail.catalogueDiffers", { price: formatWon(data.cataloguePlan.priceWon, locale) })}</Typography.Text>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("subs.anchorDay")}>{t("detail.anchor", { day: terms.anchorDay ?? "—" })}</Descriptions.Item>
            <Descriptions.Item label={t("detail.pauses")}>
              {terms.pauses.length === 0
                ? t("detail.none")
                : terms.pauses.map((p) => <div key={p.from}>{p.until ? t("detail.pauseRange", { from: p.from, until: p.until }) : t("detail.pauseOpen", { from: p.from })}</div>)}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.planChanges")}>
              {terms.planChanges.length === 0
                ? t("detail.none")
                : terms.planChanges.map((c) => (
                    <div key={c.effectiveOn}>
                      {c.effectiveOn}: {c.plan.name[locale]} {formatWon(c.plan.priceWon, locale)}
                    </div>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.discounts")}>
              {terms.discounts.length === 0
                ? t("detail.none")
                : terms.discounts.map((d, index) => (
                    <div key={index}>
                      {d.label?.[locale] ?? ""} {d.kind === "fixed" ? formatWon(d.amountWon, locale) : `${d.percent}%`}
                      {d.periods ? ` × ${d.periods}` : ""} {d.startsOn ? `(${d.startsOn}~)` : ""}
                    </div>
                  ))}
            </Descriptions.Item>
            <Descriptions.Item label={t("detail.cancellation")}>
              {terms.cancellation ? (terms.cancellation.mode === "now" ? t("detail.cancelNow", { on: terms.cancellation.on }) : t("detail.cancelPeriodEnd", { on: terms.cancellation.on })) : t("detail.none")}
            </Descriptions.Item>
          </>
        )}
      </ContractSummary>
      {schedule.error && <Alert type="error" showIcon message={schedule.error.message} style={{ marginTop: 16 }} />}
      <UpcomingTable periods={data?.upcoming ?? []} loading={schedule.isLoading} />
      <IssuedTable invoices={data?.invoices ?? []} loading={schedule.isLoading} />
    </>
  );
}
