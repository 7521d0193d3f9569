import { Form, Input, Select, Space, Tag, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { CreateButton, EditButton, List, ShowButton } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { ROLES } from "@sunap/core";
import type { User } from "../../api/types.ts";
import { formatTimestamp, ServerTable, useServerTable } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
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
  const table = useServerTable<User, UserSearch>({
    queryKey: ["users"],
    fetch: (input) => trpc.users.list.query(input),
    initialSorter: { field: "email", order: "asc" },
    syncWithLocation: true,
    filters: (values) => [
      { field: "email", operator: "contains", value: values.email },
      { field: "name", operator: "contains", value: values.name },
      { field: "role", operator: "in", value: values.role },
    ],
  });
  const columns: ColumnsType<User> = [
    { dataIndex: "email", title: t("users.fields.email"), sorter: true, render: (email: string) => <Typography.Text strong>{email}</Typography.Text> },
    { dataIndex: "name", title: t("users.fields.name"), sorter: true },
    { dataIndex: "role", title: t("users.fields.role"), sorter: true, render: (role: string) => <RoleTag role={role} /> },
    { key: "stores", title: t("users.fields.stores"), render: (_, user) => (user.stores.length ? user.stores.map((s) => <Tag key={s.id}>{s.code}</Tag>) : <Typography.Text type="secondary">—</Typography.Text>) },
    { key: "status", title: t("users.fields.status"), render: (_, user) => <UserStatus user={user} /> },
    { dataIndex: "createdAt", title: t("users.fields.createdAt"), sorter: true, render: (value: Date) => formatTimestamp(value).slice(0, 10) },
    {
      key: "actions",
      title: t("table.actions"),
      render: (_, user) => (
        <Space>
          <ShowButton hideText size="small" recordItemId={user.id} />
          <EditButton hideText size="small" recordItemId={user.id} />
          <ResetPasswordButton id={user.id} email={user.email} size="small" />
        </Space>
      ),
    },
  ];
  return (
    <List title={t("users.titles.list")} headerButtons={<CreateButton data-testid="users-create">{t("buttons.create")}</CreateButton>}>
      <ServerTable<User, UserSearch>
        table={table}
        columns={columns}
        testId="users-table"
        filters={
          <>
            <Form.Item name="email" label={t("users.fields.email")}>
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="name" label={t("users.fields.name")}>
              <Input allowClear style={{ width: 140 }} />
            </Form.Item>
            <Form.Item name="role" label={t("users.fields.role")}>
              <Select mode="multiple" allowClear style={{ minWidth: 180 }} placeholder={t("app.all")} options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
          </>
        }
      />
    </List>
  );
}
