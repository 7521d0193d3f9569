import { useState } from "react";
import { Alert, App, Button, Card, Form, Popconfirm, Select, Space, Table, Typography } from "antd";
import { QrcodeOutlined, SearchOutlined, StopOutlined } from "@ant-design/icons";
import { List, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, formatDay, formatTimestamp } from "@sunap/admin-kit";
import type { EnrollmentLink } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useEnumLabel } from "../../components/enum-tag.tsx";
import { useStores } from "../ledger/lookups.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePayerSelect, usePlugins } from "../payers/lookups.ts";
import { CreateLinkButton } from "./create-modal.tsx";
import { LinkShareModal } from "./share-modal.tsx";
import { LinkPurposeTag, LinkStateTag } from "./state.tsx";

interface LinkSearch {
  purpose?: "single" | "campaign";
  payerId?: string;
  pluginId?: string;
  storeId?: number;
}

/** The links table: the list page and the payer page (fixed to one payer) both use it. */
export function LinksTable({ payerId, showFilters = true }: { payerId?: number; showFilters?: boolean }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const plugins = usePlugins();
  const stores = useStores();
  const payers = usePayerSelect();
  const purposeLabel = useEnumLabel("links.purposes");
  const [shown, setShown] = useState<EnrollmentLink | null>(null);
  const canWrite = hasPermission(me, "consent.write");
  const revoke = useApiMutation((id: number) => trpc.enrollmentLinks.revoke.mutate({ id }), { invalidate: [["data", "default", "enrollment-links"]] });
  const { tableProps, searchFormProps, sorters } = useTable<EnrollmentLink, HttpError, LinkSearch>({
    resource: "enrollment-links",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    filters: payerId ? { permanent: [{ field: "payerId", operator: "eq", value: payerId }] } : undefined,
    pagination: { pageSize: payerId ? 5 : 20 },
    syncWithLocation: false,
    onSearch: (values): CrudFilters => [
      { field: "purpose", operator: "eq", value: values.purpose || undefined },
      { field: "payerId", operator: "eq", value: values.payerId ? Number(values.payerId) : undefined },
      { field: "pluginId", operator: "eq", value: values.pluginId || undefined },
      { field: "storeId", operator: "eq", value: values.storeId ?? undefined },
    ],
  });
  const storeName = (id: number | null) => (id === null ? null : (stores.stores.find((s) => s.id === id)?.name ?? `#${id}`));

  return (
    <>
      {showFilters && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form {...searchFormProps} name="links-filters" layout="inline" style={{ rowGap: 8 }}>
            <Form.Item name="purpose" label={t("links.fields.purpose")}>
              <Select allowClear style={{ width: 120 }} placeholder={t("app.all")} options={["single", "campaign"].map((p) => ({ value: p, label: purposeLabel(p) }))} />
            </Form.Item>
            <Form.Item name="payerId" label={t("links.fields.payer")}>
              <Select {...payers.selectProps} allowClear style={{ width: 200 }} placeholder={t("app.all")} />
            </Form.Item>
            <Form.Item name="pluginId" label={t("links.fields.plugin")}>
              <Select allowClear style={{ width: 160 }} placeholder={t("app.all")} options={plugins.options} />
            </Form.Item>
            <Form.Item name="storeId" label={t("links.fields.store")}>
              <Select allowClear showSearch optionFilterProp="label" style={{ width: 160 }} placeholder={t("app.all")} options={stores.options} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t("app.search")}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Table<EnrollmentLink>
        {...tableProps}
        rowKey="id"
        data-testid="links-table"
        pagination={{ ...tableProps.pagination, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
      >
        <Table.Column dataIndex="id" title={t("links.fields.id")} width={70} sorter defaultSortOrder={getDefaultSortOrder("id", sorters)} render={(id: number) => <Typography.Text strong>#{id}</Typography.Text>} />
        <Table.Column dataIndex="purpose" title={t("links.fields.purpose")} render={(p: string) => <LinkPurposeTag purpose={p} />} />
        <Table.Column<EnrollmentLink> dataIndex="state" title={t("links.fields.state")} render={(s: string, link) => <LinkStateTag state={s} testId={`link-state-${link.id}`} />} />
        {!payerId && (
          <Table.Column<EnrollmentLink>
            key="target"
            title={`${t("links.fields.payer")} / ${t("links.fields.campaignLabel")}`}
            render={(_, link) => (link.payer ? <PayerLink payer={link.payer} /> : (link.campaignLabel ?? <Typography.Text type="secondary">—</Typography.Text>))}
          />
        )}
        <Table.Column<EnrollmentLink>
          key="scope"
          title={`${t("links.fields.plugin")} · ${t("links.fields.store")}`}
          render={(_, link) => [link.pluginId && plugins.nameOf(link.pluginId), storeName(link.storeId)].filter(Boolean).join(" · ") || <Typography.Text type="secondary">—</Typography.Text>}
        />
        <Table.Column<EnrollmentLink>
          key="terms"
          title={t("links.fields.terms")}
          render={(_, link) => [link.amountText, link.scheduleText].filter(Boolean).join(" · ") || <Typography.Text type="secondary">—</Typography.Text>}
        />
        <Table.Column<EnrollmentLink> key="uses" title={t("links.fields.uses")} align="right" render={(_, link) => `${link.useCount}${link.maxUses === null ? "" : ` / ${link.maxUses}`}`} />
        <Table.Column dataIndex="expiresAt" title={t("links.fields.expiresAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("expiresAt", sorters)} render={(v: Date) => formatDay(v)} />
        <Table.Column dataIndex="lastSentAt" title={t("links.fields.lastSentAt")} className="nowrap" render={(v: Date | null) => formatTimestamp(v)} />
        <Table.Column dataIndex="createdAt" title={t("links.fields.createdAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("createdAt", sorters)} render={(v: Date) => formatDay(v)} />
        <Table.Column<EnrollmentLink>
          key="actions"
          title={t("table.actions")}
          fixed="right"
          render={(_, link) => (
            <Space>
              <Button size="small" icon={<QrcodeOutlined />} onClick={() => setShown(link)} data-testid={`link-share-${link.id}`}>
                {t("links.share")}
              </Button>
              {canWrite && link.state === "active" && (
                <Popconfirm
                  title={t("links.revoke")}
                  description={t("links.revokeConfirm", { id: link.id })}
                  okText={t("links.revoke")}
                  okButtonProps={{ danger: true }}
                  cancelText={t("buttons.cancel")}
                  onConfirm={() => revoke.mutate(link.id, { onSuccess: () => void message.success(t("links.revoked")) })}
                >
                  <Button size="small" danger icon={<StopOutlined />} data-testid={`link-revoke-${link.id}`}>
                    {t("links.revoke")}
                  </Button>
                </Popconfirm>
              )}
            </Space>
          )}
        />
      </Table>
      <LinkShareModal link={shown} onClose={() => setShown(null)} onChanged={setShown} />
    </>
  );
}

export function EnrollmentLinkList() {
  const t = useTranslate();
  return (
    <List title={t("links.titles.list")} headerButtons={<CreateLinkButton primary />}>
      <Alert type="info" showIcon message={t("links.intro")} style={{ marginBottom: 16 }} />
      <LinksTable />
    </List>
  );
}
