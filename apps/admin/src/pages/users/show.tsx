import { Descriptions, Tag } from "antd";
import { Show } from "@refinedev/antd";
import { useShow, useTranslate } from "@refinedev/core";
import type { User } from "../../api/types.ts";
import { QueryError } from "../../components/query-error.tsx";
import { formatTimestamp } from "@sunap/admin-kit";
import { RoleTag, UserStatus } from "./list.tsx";
import { ResetPasswordButton } from "./reset-password.tsx";

export function UserShow() {
  const t = useTranslate();
  const { query, result: user } = useShow<User>({ resource: "users", errorNotification: false });
  if (query.error) return <QueryError error={query.error} />;
  return (
    <Show
      title={t("users.titles.show")}
      isLoading={query.isLoading}
      canDelete={false}
      headerButtons={({ defaultButtons }) => (
        <>
          {user && <ResetPasswordButton id={user.id} email={user.email} />}
          {defaultButtons}
        </>
      )}
    >
      {user && (
        <Descriptions bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t("users.fields.email")}>{user.email}</Descriptions.Item>
          <Descriptions.Item label={t("users.fields.name")}>{user.name}</Descriptions.Item>
          <Descriptions.Item label={t("users.fields.role")}>
            <RoleTag role={user.role} />
          </Descriptions.Item>
          <Descriptions.Item label={t("users.fields.status")}>
            <UserStatus user={user} />
          </Descriptions.Item>
          <Descriptions.Item label={t("users.fields.stores")}>{user.stores.length ? user.stores.map((s) => <Tag key={s.id}>{`${s.code} · ${s.name}`}</Tag>) : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("users.fields.locale")}>{user.locale === "en" ? "English" : "한국어"}</Descriptions.Item>
          <Descriptions.Item label={t("users.fields.createdAt")}>{formatTimestamp(user.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t("users.fields.lockedUntil")}>{formatTimestamp(user.lockedUntil)}</Descriptions.Item>
        </Descriptions>
      )}
    </Show>
  );
}
