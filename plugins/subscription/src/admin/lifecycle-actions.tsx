import { useState } from "react";
import { Alert, Button, DatePicker, Form, Radio, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { formatWon } from "@sunap/core";
import { toBusinessDate, useApiQuery, useKitTranslate, useLocale } from "@sunap/admin-kit";
import type { SubscriptionTerms } from "../contract/terms.ts";
import { ActionModal } from "./action-modal.tsx";
import { subscriptionClient } from "./client.ts";
import { DiscountFields } from "./discount-fields.tsx";
import { discountInput, type DiscountValues } from "./discount-values.ts";
import { intervalLabel } from "./labels.ts";
import { strings } from "./strings.ts";

type Action = "pause" | "resume" | "cancel" | "changePlan" | "addDiscount";
const day = (value: Dayjs | undefined | null) => toBusinessDate(value) ?? "";

/** The buttons and modal forms of the lifecycle: each step is one versioned change of terms. */
export function LifecycleActions({ id, version, terms, defaultCancelMode }: { id: number; version: number; terms: SubscriptionTerms; defaultCancelMode: "period_end" | "now" }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const [open, setOpen] = useState<Action | null>(null);
  const close = () => setOpen(null);
  const target = { id, version };
  const cancelled = terms.status === "cancelled";
  const plans = useApiQuery(
    ["subscription", "plans", "active"],
    () => subscriptionClient.plans.list.query({ pagination: { current: 1, pageSize: 200 }, sorters: [{ field: "code", order: "asc" }], filters: [{ field: "active", operator: "eq", value: true }] }),
    { enabled: open === "changePlan" },
  );

  return (
    <>
      <Space wrap>
        <Button onClick={() => setOpen("pause")} disabled={cancelled} data-testid="subscription-pause">{t("action.pause")}</Button>
        <Button onClick={() => setOpen("resume")} disabled={cancelled || terms.status !== "paused"} data-testid="subscription-resume">{t("action.resume")}</Button>
        <Button onClick={() => setOpen("changePlan")} disabled={cancelled} data-testid="subscription-change-plan">{t("action.changePlan")}</Button>
        <Button onClick={() => setOpen("addDiscount")} disabled={cancelled} data-testid="subscription-add-discount">{t("action.addDiscount")}</Button>
        <Button danger onClick={() => setOpen("cancel")} disabled={cancelled} data-testid="subscription-cancel">{t("action.cancel")}</Button>
      </Space>

      <ActionModal<{ from?: Dayjs; until?: Dayjs | null }>
        open={open === "pause"}
        title={t("action.pause")}
        testId="subscription-pause-form"
        onClose={close}
        send={(v) => subscriptionClient.subscriptions.pause.mutate({ ...target, from: day(v.from), until: toBusinessDate(v.until) ?? null, reason: v.reason || undefined })}
      >
        {() => (
          <>
            <Form.Item name="from" label={t("pause.from")} rules={[{ required: true, message: t("common.required") }]}><DatePicker /></Form.Item>
            <Form.Item name="until" label={t("pause.until")}><DatePicker /></Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ on?: Dayjs }>
        open={open === "resume"}
        title={t("action.resume")}
        testId="subscription-resume-form"
        onClose={close}
        send={(v) => subscriptionClient.subscriptions.resume.mutate({ ...target, on: day(v.on), reason: v.reason || undefined })}
      >
        {() => <Form.Item name="on" label={t("resume.on")} rules={[{ required: true, message: t("common.required") }]}><DatePicker /></Form.Item>}
      </ActionModal>

      <ActionModal<{ on?: Dayjs; mode: "period_end" | "now" }>
        open={open === "cancel"}
        title={t("action.cancel")}
        testId="subscription-cancel-form"
        onClose={close}
        initialValues={{ mode: defaultCancelMode }}
        send={(v) => subscriptionClient.subscriptions.cancel.mutate({ ...target, on: day(v.on), mode: v.mode, reason: v.reason || undefined })}
      >
        {() => (
          <>
            <Form.Item name="on" label={t("cancel.on")} rules={[{ required: true, message: t("common.required") }]}><DatePicker /></Form.Item>
            <Form.Item name="mode" label={t("cancel.mode")} rules={[{ required: true, message: t("common.required") }]}>
              <Radio.Group>
                <Radio value="period_end">{t("cancel.period_end")}</Radio>
                <Radio value="now">{t("cancel.now")}</Radio>
              </Radio.Group>
            </Form.Item>
            <Alert type="warning" showIcon message={t("detail.issuedStay")} style={{ marginBottom: 16 }} />
          </>
        )}
      </ActionModal>

      <ActionModal<{ planCode?: string; effectiveOn?: Dayjs }>
        open={open === "changePlan"}
        title={t("action.changePlan")}
        testId="subscription-change-plan-form"
        onClose={close}
        send={(v) => subscriptionClient.subscriptions.changePlan.mutate({ ...target, planCode: v.planCode ?? "", effectiveOn: day(v.effectiveOn), reason: v.reason || undefined })}
      >
        {() => (
          <>
            <Alert type="info" showIcon message={t("change.help")} style={{ marginBottom: 16 }} />
            <Form.Item name="planCode" label={t("subs.plan")} rules={[{ required: true, message: t("common.required") }]}>
              <Select loading={plans.isLoading} options={(plans.data?.data ?? []).map((p) => ({ value: p.code, label: `${p.name[locale]} · ${intervalLabel(t, p.interval)} ${formatWon(p.priceWon, locale)}` }))} />
            </Form.Item>
            <Form.Item name="effectiveOn" label={t("change.effectiveOn")} rules={[{ required: true, message: t("common.required") }]}><DatePicker /></Form.Item>
          </>
        )}
      </ActionModal>

      <ActionModal<{ discount?: DiscountValues }>
        open={open === "addDiscount"}
        title={t("action.addDiscount")}
        testId="subscription-discount-form"
        onClose={close}
        initialValues={{ discount: { kind: "percent" } }}
        send={(v) => {
          const discount = discountInput(v.discount);
          return subscriptionClient.subscriptions.addDiscount.mutate({ ...target, discount: discount ?? { kind: "percent", percent: 0 }, reason: v.reason || undefined });
        }}
      >
        {() => <DiscountFields prefix="discount" />}
      </ActionModal>
    </>
  );
}
