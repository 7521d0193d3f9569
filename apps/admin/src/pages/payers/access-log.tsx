import { Alert, Button, Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { List, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useMany, useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import type { Dayjs } from "dayjs";
import type { AccessLogRow, Payer } from "../../api/collection-types.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { useLocale } from "../../i18n/locale-context.tsx";
import { hasTranslation, translate } from "../../i18n/translate.ts";
import { PayerLink } from "./payer-link.tsx";

const ACTIONS = ["payer.reveal", "payer.export", "evidence.download", "consent.certificate"] as const;
const ACTION_COLORS: Record<string, string> = { "payer.reveal": "orange", "payer.export": "volcano", "evidence.download": "blue", "consent.certificate": "geekblue" };

interface AccessSearch {
  email?: string;
  action?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
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
  const { tableProps, searchFormProps, sorters } = useTable<AccessLogRow, HttpError, AccessSearch>({
    resource: "payer-access-log",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    filters: payerId ? { permanent: [{ field: "payerId", operator: "eq", value: payerId }] } : undefined,
    pagination: { pageSize: payerId ? 5 : 20 },
    syncWithLocation: false,
    onSearch: (values): CrudFilters => [
      { field: "email", operator: "contains", value: values.email?.trim() || undefined },
      { field: "action", operator: "eq", value: values.action || undefined },
      { field: "at", operator: "gte", value: values.dates?.[0]?.startOf("day").toISOString() },
      { field: "at", operator: "lte", value: values.dates?.[1]?.endOf("day").toISOString() },
    ],
  });
  const rows = tableProps.dataSource ?? [];
  const payerIds = payerId ? [] : [...new Set(rows.map((r) => r.payerId).filter((id): id is number => id !== null))];
  const { result: payers } = useMany<Payer>({ resource: "payers", ids: payerIds, queryOptions: { enabled: payerIds.length > 0 }, errorNotification: false });
  const payerOf = (id: number | null) => (id === null ? null : (payers.data.find((p) => p.id === id) ?? { id, name: null, payerCode: null }));

  return (
    <>
      {!payerId && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form {...searchFormProps} name="access-log-filters" layout="inline" style={{ rowGap: 8 }}>
            <Form.Item name="email" label={t("accessLog.filters.email")}>
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="action" label={t("accessLog.filters.action")}>
              <Select allowClear style={{ width: 180 }} placeholder={t("app.all")} options={ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))} />
            </Form.Item>
            <Form.Item name="dates" label={t("accessLog.filters.dateRange")}>
              <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t("app.search")}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Table<AccessLogRow>
        {...tableProps}
        rowKey="id"
        data-testid="access-log-table"
        pagination={{ ...tableProps.pagination, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
      >
        <Table.Column dataIndex="at" title={t("accessLog.fields.at")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("at", sorters)} render={(v: Date) => formatTimestamp(v)} />
        <Table.Column dataIndex="email" title={t("accessLog.fields.email")} sorter defaultSortOrder={getDefaultSortOrder("email", sorters)} />
        <Table.Column dataIndex="action" title={t("accessLog.fields.action")} render={(a: string) => <Tag color={ACTION_COLORS[a]}>{actionLabel(a)}</Tag>} />
        {!payerId && <Table.Column<AccessLogRow> key="payer" title={t("accessLog.fields.payer")} render={(_, r) => <PayerLink payer={payerOf(r.payerId)} />} />}
        <Table.Column dataIndex="reason" title={t("accessLog.fields.reason")} render={(r: string | null) => r ?? <Typography.Text type="secondary">—</Typography.Text>} />
        <Table.Column dataIndex="ip" title={t("accessLog.fields.ip")} render={(ip: string | null) => ip ?? "—"} />
      </Table>
    </>
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
