import { Button, Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { List, ShowButton, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import type { Dayjs } from "dayjs";
import type { LedgerEntryRow } from "../../api/types.ts";
import { Money } from "@sunap/admin-kit";
import { hasTranslation } from "../../i18n/translate.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import { EntryLines } from "./entry-lines.tsx";
import { LedgerTabs } from "./tabs.tsx";
import { useAccounts, useStores } from "./lookups.ts";

interface EntrySearch {
  dates?: [Dayjs | null, Dayjs | null] | null;
  kind?: string[];
  accountCode?: string;
  storeId?: number;
  memo?: string;
}

export const ENTRY_KINDS = ["opening", "invoice", "payment", "manual", "reversal", "refund", "late_fee", "write_off"];
const KIND_COLORS: Record<string, string> = { opening: "geekblue", invoice: "blue", payment: "green", manual: "purple", reversal: "volcano", refund: "orange", late_fee: "gold", write_off: "red" };

export function KindTag({ kind }: { kind: string }) {
  const t = useTranslate();
  const { locale } = useLocale();
  const key = `ledger.kinds.${kind}`;
  return <Tag color={KIND_COLORS[kind]}>{hasTranslation(locale, key) ? t(key) : kind}</Tag>;
}

export function LedgerList() {
  const t = useTranslate();
  const accounts = useAccounts();
  const stores = useStores();
  const { tableProps, searchFormProps, sorters } = useTable<LedgerEntryRow, HttpError, EntrySearch>({
    resource: "ledger",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    syncWithLocation: false,
    onSearch: (values): CrudFilters => [
      { field: "effectiveOn", operator: "gte", value: values.dates?.[0]?.format("YYYY-MM-DD") },
      { field: "effectiveOn", operator: "lte", value: values.dates?.[1]?.format("YYYY-MM-DD") },
      { field: "kind", operator: "in", value: values.kind?.length ? values.kind : undefined },
      { field: "accountCode", operator: "eq", value: values.accountCode || undefined },
      { field: "storeId", operator: "eq", value: values.storeId ?? undefined },
      { field: "memo", operator: "contains", value: values.memo?.trim() || undefined },
    ],
  });

  return (
    <List title={t("ledger.titles.list")} headerButtons={() => null}>
      <LedgerTabs />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} name="ledger-filters" layout="inline" data-testid="ledger-filters" style={{ rowGap: 8 }}>
          <Form.Item name="dates" label={t("ledger.filters.dateRange")}>
            <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item name="kind" label={t("ledger.filters.kind")}>
            <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t("app.all")} options={ENTRY_KINDS.map((k) => ({ value: k, label: <KindTag kind={k} /> }))} />
          </Form.Item>
          <Form.Item name="accountCode" label={t("ledger.filters.account")}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 220 }} placeholder={t("app.all")} options={accounts.options} loading={accounts.loading} />
          </Form.Item>
          <Form.Item name="storeId" label={t("ledger.filters.store")}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} placeholder={t("app.all")} options={stores.options} loading={stores.loading} />
          </Form.Item>
          <Form.Item name="memo" label={t("ledger.filters.memo")}>
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("app.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table<LedgerEntryRow>
        {...tableProps}
        rowKey="id"
        data-testid="ledger-table"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
        expandable={{
          expandedRowRender: (entry) => <EntryLines lines={entry.lines} accountName={accounts.nameOf} storeName={stores.nameOf} />,
        }}
      >
        <Table.Column dataIndex="id" title={t("ledger.fields.id")} width={90} sorter defaultSortOrder={getDefaultSortOrder("id", sorters)} render={(id: number) => <Typography.Text strong>#{id}</Typography.Text>} />
        <Table.Column dataIndex="effectiveOn" title={t("ledger.fields.effectiveOn")} width={120} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("effectiveOn", sorters)} />
        <Table.Column dataIndex="kind" title={t("ledger.fields.kind")} sorter defaultSortOrder={getDefaultSortOrder("kind", sorters)} render={(kind: string) => <KindTag kind={kind} />} />
        <Table.Column<LedgerEntryRow> dataIndex="memo" title={t("ledger.fields.memo")} ellipsis sorter defaultSortOrder={getDefaultSortOrder("memo", sorters)} />
        <Table.Column<LedgerEntryRow>
          key="accounts"
          title={t("ledger.fields.lines")}
          render={(_, entry) => (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[...new Set(entry.lines.map((l) => accounts.nameOf(l.accountCode)))].join(" · ")}
            </Typography.Text>
          )}
        />
        <Table.Column<LedgerEntryRow> dataIndex="debitWon" title={t("ledger.fields.debitWon")} align="right" render={(value: bigint) => <Money amountWon={value} strong />} />
        <Table.Column dataIndex="source" title={t("ledger.fields.source")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("source", sorters)} render={(s: string) => <Typography.Text type="secondary">{s}</Typography.Text>} />
        <Table.Column<LedgerEntryRow> key="actions" title={t("table.actions")} render={(_, entry) => <ShowButton hideText size="small" recordItemId={entry.id} />} />
      </Table>
    </List>
  );
}
