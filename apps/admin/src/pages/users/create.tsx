import { Create, useForm } from "@refinedev/antd";
import { useTranslate, type HttpError } from "@refinedev/core";
import type { Role } from "@sunap/core";
import { UserForm } from "./form.tsx";

interface UserCreateValues {
  email: string;
  name: string;
  role: Role;
  password: string;
  storeIds?: number[];
}

export function UserCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps } = useForm<{ id: number }, HttpError, UserCreateValues>({ resource: "users", action: "create", redirect: "list", defaultFormValues: { role: "finance", storeIds: [] } });
  const onFinish = (values: UserCreateValues) => formProps.onFinish?.({ ...values, storeIds: values.role === "store_owner" ? (values.storeIds ?? []) : [] });
  return (
    <Create title={t("users.titles.create")} saveButtonProps={saveButtonProps}>
      <UserForm formProps={{ ...formProps, onFinish }} mode="create" />
    </Create>
  );
}
