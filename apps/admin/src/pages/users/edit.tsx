import { useEffect } from "react";
import { Edit, useForm } from "@refinedev/antd";
import { useTranslate, type HttpError } from "@refinedev/core";
import { useParams } from "react-router";
import type { Role } from "@sunap/core";
import type { User } from "../../api/types.ts";
import { UserForm } from "./form.tsx";
import { ResetPasswordButton } from "./reset-password.tsx";
import { QueryError } from "../../components/query-error.tsx";

interface UserEditValues {
  name: string;
  role: Role;
  storeIds?: number[];
  disabled: boolean;
}

export function UserEdit() {
  const t = useTranslate();
  const { id } = useParams<{ id: string }>();
  const { formProps, saveButtonProps, query, form } = useForm<User, HttpError, UserEditValues>({ resource: "users", action: "edit", id, redirect: "list" });
  const user = query?.data?.data;
  // The record says disabledAt; the form edits a switch.
  useEffect(() => {
    if (user) form.setFieldsValue({ disabled: user.disabledAt !== null, storeIds: user.storeIds });
  }, [user, form]);
  const onFinish = (values: UserEditValues) =>
    formProps.onFinish?.({ name: values.name, role: values.role, storeIds: values.role === "store_owner" ? (values.storeIds ?? []) : [], disabled: Boolean(values.disabled) });
  if (query?.error) return <QueryError error={query.error} />;
  return (
    <Edit
      title={user ? `${t("users.titles.edit")} — ${user.email}` : t("users.titles.edit")}
      isLoading={query?.isLoading}
      saveButtonProps={saveButtonProps}
      canDelete={false}
      headerButtons={({ defaultButtons }) => (
        <>
          {user && <ResetPasswordButton id={user.id} email={user.email} />}
          {defaultButtons}
        </>
      )}
    >
      <UserForm formProps={{ ...formProps, onFinish }} mode="edit" />
    </Edit>
  );
}
