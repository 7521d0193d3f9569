import { useState } from "react";
import { Alert, App, Button, Form, Popconfirm, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { QrcodeOutlined, StopOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { ServerTable, formatDay, formatTimestamp, useApiMutation, useServerTable } from "@sunap/admin-kit";
import type { EnrollmentLink } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useEnumLabel } from "../../components/enum-tag.tsx";
import { useStores } from "../ledger/lookups.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePayerSelect, usePlugins } from "../payers/lookups.ts";
import { CreateLinkButton } from "./create-modal.tsx";
import { LINKS_LIST, LINKS_QUERY_KEY } from "./query-keys.ts";
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
  const revoke = useApiMutation((id: number) => trpc.enrollmentLinks.revoke.mutate({ id }), { invalidate: [LINKS_QUERY_KEY] });
  const table = useServerTable<EnrollmentLink, LinkSearch>({
    queryKey: [LINKS_LIST, payerId ?? null],
    fetch: (input) => trpc.enrollmentLinks.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    pageSize: payerId ? 5 : 20,
    filters: (values) => [
      { field: "purpose", operator: "eq", value: values.purpose },
      { field: "payerId", operator: "eq", value: values.payerId ? Number(values.payerId) : undefined },
      { field: "pluginId", operator: "eq", value: values.pluginId },
      { field: "storeId", operator: "eq", value: values.storeId },
    ],
  });
  const storeName = (id: number | null) => (id === null ? null : (stores.stores.find((s) => s.id === id)?.name ?? `#${id}`));
  const none = <Typography.Text type="secondary">—</Typography.Text>;

  const columns: ColumnsType<EnrollmentLink> = [
    { dataIndex: "id", title: t("links.fields.id"), width: 70, sorter: true, render: (id: number) => <Typography.Text strong>#{id}</Typography.Text> },
    { dataIndex: "purpose", title: t("links.fields.purpose"), render: (p: string) => <LinkPurposeTag purpose={p} /> },
    { dataIndex: "state", title: t("links.fields.state"), render: (s: string, link) => <LinkStateTag state={s} testId={`link-state-${link.id}`} /> },
    ...(payerId
      ? []
      : [{ key: "target", title: `${t("links.fields.payer")} / ${t("links.fields.campaignLabel")}`, render: (_: unknown, link: EnrollmentLink) => (link.payer ? <PayerLink payer={link.payer} /> : (link.campaignLabel ?? none)) }]),
    {
      key: "scope",
      title: `${t("links.fields.plugin")} · ${t("links.fields.store")}`,
      render: (_, link) => [link.pluginId && plugins.nameOf(link.pluginId), storeName(link.storeId)].filter(Boolean).join(" · ") || none,
    },
    { key: "terms", title: t("links.fields.terms"), render: (_, link) => [link.amountText, link.scheduleText].filter(Boolean).join(" · ") || none },
    { key: "uses", title: t("links.fields.uses"), align: "right", render: (_, link) => `${link.useCount}${link.maxUses === null ? "" : ` / ${link.maxUses}`}` },
    { dataIndex: "expiresAt", title: t("links.fields.expiresAt"), className: "nowrap", sorter: true, render: (v: Date) => formatDay(v) },
    { dataIndex: "lastSentAt", title: t("links.fields.lastSentAt"), className: "nowrap", render: (v: Date | null) => formatTimestamp(v) },
    { dataIndex: "createdAt", title: t("links.fields.createdAt"), className: "nowrap", sorter: true, render: (v: Date) => formatDay(v) },
    {
      key: "actions",
      title: t("table.actions"),
      fixed: "right",
      render: (_, link) => (
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
      ),
    },
  ];

  return (
    <>
      <ServerTable<EnrollmentLink, LinkSearch>
        table={table}
        columns={columns}
        testId="links-table"
        filters={
          showFilters ? (
            <>
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
            </>
          ) : undefined
        }
      />
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
