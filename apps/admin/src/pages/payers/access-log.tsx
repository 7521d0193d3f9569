import { Alert, DatePicker, Form, Input, Select, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { List } from "@refinedev/antd";
import { useMany, useTranslate } from "@refinedev/core";
import type { AccessLogRow, Payer } from "../../api/collection-types.ts";
import { trpc } from "../../api/trpc.ts";
import { ServerTable, dayRangeFilters, formatTimestamp, listQueryKey, useServerTable, type DayRange } from "@sunap/admin-kit";
import { useLocale } from "../../i18n/locale-context.tsx";
import { hasTranslation, translate } from "../../i18n/translate.ts";
import { PayerLink } from "./payer-link.tsx";

const ACTIONS = ["payer.reveal", "payer.export", "evidence.download", "consent.certificate"] as const;
const ACTION_COLORS: Record<string, string> = { "payer.reveal": "orange", "payer.export": "volcano", "evidence.download": "blue", "consent.certificate": "geekblue" };

/** Every cached page of the access log: what a reveal or a download refetches. */
export const ACCESS_LOG_QUERY_KEY = listQueryKey("payer-access-log");

interface AccessSearch {
  email?: string;
  action?: string;
  dates?: DayRange;
}

function useActionLabel() {
  const { locale } = useLocale();
  return (action: string) => {
    const key = `accessLog.actions.${action.replace(/\./g, "_")}`;
    return hasTranslation(locale, key) ? translate(locale, key) : action;
  };
}

/** The PIPA access log (payers.accessLog, audit.read); with a payer, only the accesses to that payer. */
export function AccessLogTable({ payerId }: { payerId?: number }) {
  const t = useTranslate();
  const actionLabel = useActionLabel();
  const table = useServerTable<AccessLogRow, AccessSearch>({
    queryKey: ["payer-access-log", payerId ?? null],
    fetch: (input) => trpc.payers.accessLog.query(input),
    initialSorter: { field: "id", order: "desc" },
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    pageSize: payerId ? 5 : 20,
    filters: (values) => [
      { field: "email", operator: "contains", value: values.email },
      { field: "action", operator: "eq", value: values.action },
      ...dayRangeFilters("at", values.dates),
    ],
  });
  const payerIds = payerId ? [] : [...new Set(table.rows.map((r) => r.payerId).filter((id): id is number => id !== null))];
  const { result: payers } = useMany<Payer>({ resource: "payers", ids: payerIds, queryOptions: { enabled: payerIds.length > 0 }, errorNotification: false });
  const payerOf = (id: number | null) => (id === null ? null : (payers.data.find((p) => p.id === id) ?? { id, name: null, payerCode: null }));

  const columns: ColumnsType<AccessLogRow> = [
    { dataIndex: "at", title: t("accessLog.fields.at"), className: "nowrap", sorter: true, render: (v: Date) => formatTimestamp(v) },
    { dataIndex: "email", title: t("accessLog.fields.email"), sorter: true },
    { dataIndex: "action", title: t("accessLog.fields.action"), render: (a: string) => <Tag color={ACTION_COLORS[a]}>{actionLabel(a)}</Tag> },
    ...(payerId ? [] : [{ key: "payer", title: t("accessLog.fields.payer"), render: (_: unknown, r: AccessLogRow) => <PayerLink payer={payerOf(r.payerId)} /> }]),
    { dataIndex: "reason", title: t("accessLog.fields.reason"), render: (r: string | null) => r ?? <Typography.Text type="secondary">—</Typography.Text> },
    { dataIndex: "ip", title: t("accessLog.fields.ip"), render: (ip: string | null) => ip ?? "—" },
  ];

  return (
    <ServerTable<AccessLogRow, AccessSearch>
      table={table}
      columns={columns}
      testId="access-log-table"
      filters={
        payerId ? undefined : (
          <>
            <Form.Item name="email" label={t("accessLog.filters.email")}>
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="action" label={t("accessLog.filters.action")}>
              <Select allowClear style={{ width: 180 }} placeholder={t("app.all")} options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))} />
            </Form.Item>
            <Form.Item name="dates" label={t("accessLog.filters.dateRange")}>
              <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
            </Form.Item>
          </>
        )
      }
    />
  );
}

export function AccessLogPage() {
  const t = useTranslate();
  return (
    <List title={t("accessLog.title")} headerButtons={() => null}>
      <Alert type="info" showIcon message={t("accessLog.intro")} style={{ marginBottom: 16 }} />
      <AccessLogTable />
    </List>
  );
}
