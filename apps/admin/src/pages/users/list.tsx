import { Button, Card, Form, Input, Select, Space, Table, Tag, Tooltip, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { CreateButton, EditButton, List, ShowButton, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import { ROLES } from "@sunap/core";
import type { User } from "../../api/types.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { ResetPasswordButton } from "./reset-password.tsx";

interface UserSearch {
  email?: string;
  name?: string;
  role?: string[];
}

const ROLE_COLORS: Record<string, string> = { admin: "red", finance: "blue", franchise_hq: "purple", store_owner: "gold", auditor: "cyan" };

export function UserStatus({ user }: { user: Pick<User, "disabledAt" | "lockedUntil"> }) {
  const t = useTranslate();
  if (user.disabledAt) return <Tag>{t("users.status.disabled")}</Tag>;
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date())
    return (
      <Tooltip title={`${t("users.fields.lockedUntil")}: ${formatTimestamp(user.lockedUntil)}`}>
        <Tag color="orange">{t("users.status.locked")}</Tag>
      </Tooltip>
    );
  return <Tag color="green">{t("users.status.active")}</Tag>;
}

export function RoleTag({ role }: { role: string }) {
  const t = useTranslate();
  return <Tag color={ROLE_COLORS[role]}>{t(`roles.${role}`)}</Tag>;
}

export function UserList() {
  const t = useTranslate();
  const { tableProps, searchFormProps, sorters } = useTable<User, HttpError, UserSearch>({
    resource: "users",
    sorters: { initial: [{ field: "email", order: "asc" }] },
    syncWithLocation: true,
    onSearch: (values): CrudFilters => [
      { field: "email", operator: "contains", value: values.email?.trim() || undefined },
      { field: "name", operator: "contains", value: values.name?.trim() || undefined },
      { field: "role", operator: "in", value: values.role?.length ? values.role : undefined },
    ],
  });
  return (
    <List title={t("users.titles.list")} headerButtons={<CreateButton data-testid="users-create">{t("buttons.create")}</CreateButton>}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} name="users-filters" layout="inline" data-testid="users-filters">
          <Form.Item name="email" label={t("users.fields.email")}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="name" label={t("users.fields.name")}>
            <Input allowClear style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="role" label={t("users.fields.role")}>
            <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t("app.all")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("app.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table<User>
        {...tableProps}
        rowKey="id"
        data-testid="users-table"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
      >
        <Table.Column dataIndex="email" title={t("users.fields.email")} sorter defaultSortOrder={getDefaultSortOrder("email", sorters)} render={(email: string) => <Typography.Text strong>{email}</Typography.Text>} />
        <Table.Column dataIndex="name" title={t("users.fields.name")} sorter defaultSortOrder={getDefaultSortOrder("name", sorters)} />
        <Table.Column dataIndex="role" title={t("users.fields.role")} sorter defaultSortOrder={getDefaultSortOrder("role", sorters)} render={(role: string) => <RoleTag role={role} />} />
        <Table.Column<User> dataIndex="stores" title={t("users.fields.stores")} render={(_, user) => (user.stores.length ? user.stores.map((s) => <Tag key={s.id}>{s.code}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>)} />
        <Table.Column<User> key="status" title={t("users.fields.status")} render={(_, user) => <UserStatus user={user} />} />
        <Table.Column dataIndex="createdAt" title={t("users.fields.createdAt")} sorter defaultSortOrder={getDefaultSortOrder("createdAt", sorters)} render={(value: Date) => formatTimestamp(value).slice(0, 10)} />
        <Table.Column<User>
          key="actions"
          title={t("table.actions")}
          render={(_, user) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={user.id} />
              <EditButton hideText size="small" recordItemId={user.id} />
              <ResetPasswordButton id={user.id} email={user.email} size="small" />
            </Space>
          )}
        />
      </Table>
    </List>
  );
}
