import { Button, Card, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { CreateButton, EditButton, List, ShowButton, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import type { Payer } from "../../api/collection-types.ts";
import { EnumTag, useEnumLabel } from "../../components/enum-tag.tsx";
import { formatDay } from "@sunap/admin-kit";
import { useStores } from "../ledger/lookups.ts";
import { useBanks } from "../banks/use-banks.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { PayerExportButton } from "./export-button.tsx";
import { usePlugins } from "./lookups.ts";

interface PayerSearch {
  payerCode?: string;
  name?: string;
  phone?: string;
  accountLast4?: string;
  kind?: "individual" | "business";
  status?: "active" | "left";
  storeId?: number;
  tags?: string[];
  plugins?: string[];
}

export const KIND_COLORS: Record<string, string> = { individual: "blue", business: "purple" };
export const PAYER_STATUS_COLORS: Record<string, string> = { active: "green", left: "default" };

/** The masked identity number: birth date for an individual, business number for a business. */
export function maskedIdentity(payer: Pick<Payer, "birthDateMasked" | "businessNumberMasked">): string {
  return payer.birthDateMasked ?? payer.businessNumberMasked ?? "—";
}

/**
 * Payers, searched on the server: phone and account last-4 through blind indexes (so they match
 * whole values only), the rest by the usual filters. Personal numbers arrive masked.
 */
export function PayerList() {
  const t = useTranslate();
  const { data: me } = useMe();
  const stores = useStores();
  const plugins = usePlugins();
  const banks = useBanks({ enabled: hasPermission(me, "consent.read") });
  const kindLabel = useEnumLabel("payers.kinds");
  const statusLabel = useEnumLabel("payers.status");
  const { tableProps, searchFormProps, sorters, filters } = useTable<Payer, HttpError, PayerSearch>({
    resource: "payers",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    // Phone numbers must not end up in the address bar or the browser history.
    syncWithLocation: false,
    onSearch: (values): CrudFilters => [
      { field: "payerCode", operator: "contains", value: values.payerCode?.trim() || undefined },
      { field: "name", operator: "contains", value: values.name?.trim() || undefined },
      { field: "phone", operator: "eq", value: values.phone?.trim() || undefined },
      { field: "accountLast4", operator: "eq", value: values.accountLast4?.trim() || undefined },
      { field: "kind", operator: "eq", value: values.kind || undefined },
      { field: "status", operator: "eq", value: values.status || undefined },
      { field: "storeId", operator: "eq", value: values.storeId ?? undefined },
      { field: "tags", operator: "in", value: values.tags?.length ? values.tags : undefined },
      { field: "plugins", operator: "in", value: values.plugins?.length ? values.plugins : undefined },
    ],
  });

  return (
    <List title={t("payers.titles.list")} headerButtons={
        <Space>
          {hasPermission(me, "payer.export") && <PayerExportButton filters={filters} sorters={sorters} total={tableProps.pagination ? tableProps.pagination.total : undefined} />}
          <CreateButton data-testid="payers-create">{t("buttons.create")}</CreateButton>
        </Space>
      }
    >
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} name="payers-filters" layout="inline" data-testid="payers-filters" style={{ rowGap: 8 }}>
          <Form.Item name="payerCode" label={t("payers.fields.payerCode")}>
            <Input allowClear style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="name" label={t("payers.fields.name")}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="phone" label={t("payers.filters.phone")} tooltip={t("payers.help.phoneSearch")}>
            <Input allowClear style={{ width: 150 }} placeholder="010-0000-0000" inputMode="tel" data-testid="payers-filter-phone" />
          </Form.Item>
          <Form.Item name="accountLast4" label={t("payers.filters.accountLast4")} rules={[{ pattern: /^\d{4}$/, message: t("payers.help.last4Search") }]}>
            <Input allowClear style={{ width: 90 }} maxLength={4} placeholder="0000" inputMode="numeric" data-testid="payers-filter-last4" />
          </Form.Item>
          <Form.Item name="kind" label={t("payers.fields.kind")}>
            <Select allowClear style={{ width: 100 }} placeholder={t("app.all")} options={["individual", "business"].map((k) => ({ value: k, label: kindLabel(k) }))} />
          </Form.Item>
          <Form.Item name="status" label={t("payers.fields.status")}>
            <Select allowClear style={{ width: 100 }} placeholder={t("app.all")} options={["active", "left"].map((s) => ({ value: s, label: statusLabel(s) }))} />
          </Form.Item>
          <Form.Item name="storeId" label={t("payers.fields.store")}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 160 }} placeholder={t("app.all")} options={stores.options} loading={stores.loading} />
          </Form.Item>
          <Form.Item name="tags" label={t("payers.fields.tags")} tooltip={t("payers.help.tags")}>
            <Select mode="tags" allowClear style={{ minWidth: 140 }} placeholder={t("app.all")} open={false} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="plugins" label={t("payers.fields.plugins")}>
            <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t("app.all")} options={plugins.options} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="payers-search">
              {t("app.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table<Payer>
        {...tableProps}
        rowKey="id"
        data-testid="payers-table"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
      >
        <Table.Column dataIndex="payerCode" title={t("payers.fields.payerCode")} sorter defaultSortOrder={getDefaultSortOrder("payerCode", sorters)} render={(code: string) => <Typography.Text strong>{code}</Typography.Text>} />
        <Table.Column dataIndex="name" title={t("payers.fields.name")} sorter defaultSortOrder={getDefaultSortOrder("name", sorters)} />
        <Table.Column dataIndex="kind" title={t("payers.fields.kind")} sorter defaultSortOrder={getDefaultSortOrder("kind", sorters)} render={(kind: string) => <EnumTag prefix="payers.kinds" value={kind} colors={KIND_COLORS} />} />
        <Table.Column<Payer> key="identity" title={t("payers.fields.identity")} className="nowrap" render={(_, payer) => <Typography.Text code>{maskedIdentity(payer)}</Typography.Text>} />
        <Table.Column dataIndex="phoneMasked" title={t("payers.fields.phone")} className="nowrap" render={(phone: string) => <Typography.Text code>{phone}</Typography.Text>} />
        <Table.Column<Payer>
          key="accounts"
          title={t("payers.fields.accounts")}
          render={(_, payer) =>
            payer.accounts.length === 0 ? (
              <Typography.Text type="secondary">—</Typography.Text>
            ) : (
              <Space direction="vertical" size={0}>
                {payer.accounts.map((a) => (
                  <Tooltip key={a.id} title={banks.nameOf(a.bankCode)}>
                    <Typography.Text code className="nowrap">{`${a.bankCode} ${a.accountNumberMasked}`}</Typography.Text>
                  </Tooltip>
                ))}
              </Space>
            )
          }
        />
        <Table.Column<Payer> key="store" title={t("payers.fields.store")} render={(_, payer) => (payer.store ? `${payer.store.code} · ${payer.store.name}` : <Typography.Text type="secondary">—</Typography.Text>)} />
        <Table.Column<Payer>
          dataIndex="tags"
          title={t("payers.fields.tags")}
          render={(tags: string[]) => (tags.length ? tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>)}
        />
        <Table.Column<Payer>
          dataIndex="plugins"
          title={t("payers.fields.plugins")}
          render={(ids: string[]) => (ids.length ? ids.map((id) => <Tag key={id} color="geekblue">{plugins.nameOf(id)}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>)}
        />
        <Table.Column dataIndex="status" title={t("payers.fields.status")} sorter defaultSortOrder={getDefaultSortOrder("status", sorters)} render={(status: string) => <EnumTag prefix="payers.status" value={status} colors={PAYER_STATUS_COLORS} />} />
        <Table.Column dataIndex="createdAt" title={t("payers.fields.createdAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("createdAt", sorters)} render={(value: Date) => formatDay(value)} />
        <Table.Column<Payer>
          title={t("table.actions")}
          key="actions"
          fixed="right"
          render={(_, payer) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={payer.id} data-testid={`payer-show-${payer.id}`} />
              <EditButton hideText size="small" recordItemId={payer.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
