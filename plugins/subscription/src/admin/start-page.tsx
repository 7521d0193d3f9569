import { App, Button, Card, DatePicker, Divider, Form, InputNumber, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useNavigate } from "react-router";
import { formatWon } from "@sunap/core";
import { fieldErrorsForForm, PayerSelect, StoreSelect, toBusinessDate, toHttpError, useApiMutation, useApiQuery, useKitTranslate, useLocale } from "@sunap/admin-kit";
import { subscriptionClient } from "./client.ts";
import { DiscountFields } from "./discount-fields.tsx";
import { discountInput, type DiscountValues } from "./discount-values.ts";
import { intervalLabel } from "./labels.ts";
import { PATHS } from "./paths.ts";
import { strings } from "./strings.ts";

interface StartValues {
  payerId?: number;
  storeId?: number | null;
  planCode?: string;
  startOn?: Dayjs;
  anchorDay?: number | null;
  discount?: DiscountValues;
}

/** Starts a subscription on an active catalogue plan; the server copies the plan into the terms. */
export function StartSubscriptionPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<StartValues>();
  const plans = useApiQuery(["subscription", "plans", "active"], () =>
    subscriptionClient.plans.list.query({ pagination: { current: 1, pageSize: 200 }, sorters: [{ field: "code", order: "asc" }], filters: [{ field: "active", operator: "eq", value: true }] }),
  );
  const start = useApiMutation((values: StartValues) =>
    subscriptionClient.subscriptions.start.mutate({
      payerId: values.payerId ?? 0,
      storeId: values.storeId ?? undefined,
      planCode: values.planCode ?? "",
      startOn: toBusinessDate(values.startOn) ?? "",
      anchorDay: values.anchorDay ?? undefined,
      discount: discountInput(values.discount),
    }), { notifyError: false },
  );

  const submit = async (values: StartValues) => {
    try {
      const created = await start.mutateAsync(values);
      void message.success(t("subs.started"));
      void navigate(PATHS.detail(created.id));
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      if (Object.keys(apiError.errors).length === 0) void message.error(apiError.message);
    }
  };

  const required = [{ required: true, message: t("common.required") }];
  return (
    <Card title={t("subs.new")}>
      <Form<StartValues> form={form} layout="vertical" name="subscription-start" data-testid="subscription-start-form" style={{ maxWidth: 560 }} onFinish={(values) => void submit(values)}>
        <Form.Item name="payerId" label={t("subs.payer")} rules={required}>
          <PayerSelect data-testid="subscription-payer" />
        </Form.Item>
        <Form.Item name="storeId" label={t("subs.store")}>
          <StoreSelect openOnly />
        </Form.Item>
        <Form.Item name="planCode" label={t("subs.plan")} rules={required}>
          <Select
            loading={plans.isLoading}
            data-testid="subscription-plan"
            showSearch
            optionFilterProp="label"
            options={(plans.data?.data ?? []).map((p) => ({ value: p.code, label: `${p.name[locale]} · ${intervalLabel(t, p.interval)} ${formatWon(p.priceWon, locale)}${p.trialDays ? ` (+${p.trialDays}d)` : ""}` }))}
          />
        </Form.Item>
        <Form.Item name="startOn" label={t("subs.startOn")} rules={required}>
          <DatePicker data-testid="subscription-start-on" />
        </Form.Item>
        <Form.Item name="anchorDay" label={t("subs.anchorDay")} extra={t("subs.anchorHelp")}>
          <InputNumber min={1} max={31} precision={0} />
        </Form.Item>
        <Divider orientation="left">{t("subs.discountOptional")}</Divider>
        <DiscountFields prefix="discount" optional />
        <Space>
          <Button type="primary" htmlType="submit" loading={start.isPending} data-testid="subscription-start-submit">
            {t("subs.new")}
          </Button>
          <Button onClick={() => void navigate(PATHS.list)}>{t("common.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
