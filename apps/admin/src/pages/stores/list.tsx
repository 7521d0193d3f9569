import { Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { CreateButton, EditButton, List, ShowButton, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters } from "@refinedev/core";
import type { Store } from "../../api/types.ts";

interface StoreSearch {
  code?: string;
  name?: string;
  region?: string;
  status?: "open" | "closed";
}

export function StoreList() {
  const t = useTranslate();
  const { tableProps, searchFormProps, sorters } = useTable<Store, { message: string; statusCode: number }, StoreSearch>({
    resource: "stores",
    sorters: { initial: [{ field: "code", order: "asc" }] },
    syncWithLocation: true,
    onSearch: (values) => {
      const filters: CrudFilters = [
        { field: "code", operator: "contains", value: values.code?.trim() || undefined },
        { field: "name", operator: "contains", value: values.name?.trim() || undefined },
        { field: "region", operator: "contains", value: values.region?.trim() || undefined },
      ];
      // Refine drops a filter whose value is undefined: exactly one of these survives, or neither.
      filters.push({ field: "closedOn", operator: "null", value: values.status === "open" ? true : undefined });
      filters.push({ field: "closedOn", operator: "nnull", value: values.status === "closed" ? true : undefined });
      return filters;
    },
  });

  return (
    <List title={t("stores.titles.list")} headerButtons={<CreateButton data-testid="stores-create">{t("buttons.create")}</CreateButton>}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} name="stores-filters" layout="inline" data-testid="stores-filters">
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
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("app.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table<Store>
        {...tableProps}
        rowKey="id"
        data-testid="stores-table"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
      >
        <Table.Column dataIndex="code" title={t("stores.fields.code")} sorter defaultSortOrder={getDefaultSortOrder("code", sorters)} render={(code: string) => <Typography.Text strong>{code}</Typography.Text>} />
        <Table.Column dataIndex="name" title={t("stores.fields.name")} sorter defaultSortOrder={getDefaultSortOrder("name", sorters)} />
        <Table.Column dataIndex="region" title={t("stores.fields.region")} sorter defaultSortOrder={getDefaultSortOrder("region", sorters)} />
        <Table.Column dataIndex="openedOn" title={t("stores.fields.openedOn")} sorter defaultSortOrder={getDefaultSortOrder("openedOn", sorters)} />
        <Table.Column
          dataIndex="closedOn"
          title={t("stores.fields.closedOn")}
          sorter
          defaultSortOrder={getDefaultSortOrder("closedOn", sorters)}
          render={(closedOn: string | null) => (closedOn ? <Tag>{closedOn}</Tag> : <Tag color="green">{t("stores.status.open")}</Tag>)}
        />
        <Table.Column<Store>
          dataIndex="owners"
          title={t("stores.fields.owners")}
          render={(_, store) => (store.owners.length ? store.owners.map((o) => <Tag key={o.id}>{o.name}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>)}
        />
        <Table.Column<Store>
          title={t("table.actions")}
          key="actions"
          render={(_, store) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={store.id} />
              <EditButton hideText size="small" recordItemId={store.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
