import { Form, Input, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { CreateButton, EditButton, List, ShowButton } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { ServerTable, useServerTable } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import type { Store } from "../../api/types.ts";

interface StoreSearch {
  code?: string;
  name?: string;
  region?: string;
  status?: "open" | "closed";
}

export function StoreList() {
  const t = useTranslate();
  const table = useServerTable<Store, StoreSearch>({
    queryKey: ["stores"],
    fetch: (input) => trpc.stores.list.query(input),
    initialSorter: { field: "code", order: "asc" },
    syncWithLocation: true,
    filters: (values) => [
      { field: "code", operator: "contains", value: values.code },
      { field: "name", operator: "contains", value: values.name },
      { field: "region", operator: "contains", value: values.region },
      values.status === "open" && { field: "closedOn", operator: "null", value: null },
      values.status === "closed" && { field: "closedOn", operator: "nnull", value: null },
    ],
  });

  const columns: ColumnsType<Store> = [
    { dataIndex: "code", title: t("stores.fields.code"), sorter: true, render: (code: string) => <Typography.Text strong>{code}</Typography.Text> },
    { dataIndex: "name", title: t("stores.fields.name"), sorter: true },
    { dataIndex: "region", title: t("stores.fields.region"), sorter: true },
    { dataIndex: "openedOn", title: t("stores.fields.openedOn"), sorter: true },
    {
      dataIndex: "closedOn",
      title: t("stores.fields.closedOn"),
      sorter: true,
      render: (closedOn: string | null) => (closedOn ? <Tag>{closedOn}</Tag> : <Tag color="green">{t("stores.status.open")}</Tag>),
    },
    {
      key: "owners",
      title: t("stores.fields.owners"),
      render: (_, store) => (store.owners.length ? store.owners.map((o) => <Tag key={o.id}>{o.name}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      key: "actions",
      title: t("table.actions"),
      render: (_, store) => (
        <Space>
          <ShowButton hideText size="small" recordItemId={store.id} />
          <EditButton hideText size="small" recordItemId={store.id} />
        </Space>
      ),
    },
  ];

  return (
    <List title={t("stores.titles.list")} headerButtons={<CreateButton data-testid="stores-create">{t("buttons.create")}</CreateButton>}>
      <ServerTable<Store, StoreSearch>
        table={table}
        columns={columns}
        testId="stores-table"
        filters={
          <>
            <Form.Item name="code" label={t("stores.fields.code")}>
              <Input allowClear style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="name" label={t("stores.fields.name")}>
              <Input allowClear style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="region" label={t("stores.fields.region")}>
              <Input allowClear style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="status" label={t("stores.fields.status")}>
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t("app.all")}
                options={[
                  { value: "open", label: t("stores.status.open") },
                  { value: "closed", label: t("stores.status.closed") },
                ]}
              />
            </Form.Item>
          </>
        }
      />
    </List>
  );
}
