import { useState } from "react";
import { Alert, Button, Card, Form, Input, Select, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { Money, ServerTable, useApiMutation, useKitTranslate, useLocale, useServerTable } from "@sunap/admin-kit";
import { PLAN_INTERVALS } from "../billing/plan.ts";
import type { PresentedPlan } from "../plans/plan-input.ts";
import { subscriptionClient } from "./client.ts";
import { intervalLabel, vatLabel } from "./labels.ts";
import { PlanFormModal } from "./plan-form.tsx";
import { strings } from "./strings.ts";

interface PlanFilters {
  search?: string;
  interval?: string;
  active?: boolean;
}

/** The plan catalogue: server-side list, create, edit, deactivate. */
export function PlansPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const [editing, setEditing] = useState<{ plan: PresentedPlan | null } | null>(null);
  const table = useServerTable<PresentedPlan, PlanFilters>({
    queryKey: ["subscription", "plans"],
    fetch: (input) => subscriptionClient.plans.list.query(input),
    filters: (v) => [
      v.search ? { field: "search", operator: "contains", value: v.search } : null,
      v.interval ? { field: "interval", operator: "eq", value: v.interval } : null,
      v.active !== undefined ? { field: "active", operator: "eq", value: v.active } : null,
    ],
    initialSorter: { field: "code", order: "asc" },
    syncWithLocation: true,
  });
  const setActive = useApiMutation((input: { id: number; active: boolean }) => subscriptionClient.plans.setActive.mutate(input));

  return (
    <Card
      title={t("plans.title")}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ plan: null })} data-testid="subscription-plan-new">
          {t("plans.new")}
        </Button>
      }
    >
      <Alert type="info" showIcon message={t("plans.copyNote")} style={{ marginBottom: 16 }} />
      <ServerTable<PresentedPlan, PlanFilters>
        table={table}
        testId="subscription-plans"
        emptyText={t("plans.empty")}
        filters={
          <>
            <Form.Item name="search">
              <Input allowClear placeholder={t("plans.search")} />
            </Form.Item>
            <Form.Item name="interval">
              <Select allowClear placeholder={t("plans.interval")} style={{ width: 120 }} options={PLAN_INTERVALS.map((i) => ({ value: i, label: intervalLabel(t, i) }))} />
            </Form.Item>
            <Form.Item name="active">
              <Select allowClear placeholder={t("plans.active")} style={{ width: 120 }} options={[{ value: true, label: t("plans.active") }, { value: false, label: t("plans.inactive") }]} />
            </Form.Item>
          </>
        }
        columns={[
          { title: t("plans.code"), dataIndex: "code", sorter: true },
          { title: t("plans.name"), key: locale === "ko" ? "nameKo" : "nameEn", sorter: true, render: (_, plan) => plan.name[locale] },
          { title: t("plans.interval"), dataIndex: "interval", sorter: true, render: (_, plan) => intervalLabel(t, plan.interval) },
          { title: t("plans.price"), dataIndex: "priceWon", sorter: true, align: "right", render: (_, plan) => <Money amountWon={plan.priceWon} /> },
          { title: t("plans.vat"), key: "vat", render: (_, plan) => vatLabel(t, plan.vat) },
          { title: t("plans.trialDays"), dataIndex: "trialDays", sorter: true, align: "right" },
          { title: t("plans.dueAfterDays"), dataIndex: "dueAfterDays", align: "right" },
          { title: t("plans.active"), dataIndex: "active", sorter: true, render: (_, plan) => (plan.active ? <Tag color="green">{t("plans.active")}</Tag> : <Tag>{t("plans.inactive")}</Tag>) },
          {
            key: "actions",
            render: (_, plan) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ plan })}>
                  {t("common.edit")}
                </Button>
                <Button size="small" danger={plan.active} loading={setActive.isPending && setActive.variables?.id === plan.id} onClick={() => setActive.mutate({ id: plan.id, active: !plan.active })}>
                  {plan.active ? t("plans.deactivate") : t("plans.activate")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <PlanFormModal open={editing !== null} plan={editing?.plan ?? null} onClose={() => setEditing(null)} />
    </Card>
  );
}
