import { Edit, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { useParams } from "react-router";
import type { Store } from "../../api/types.ts";
import { StoreForm } from "./form.tsx";
import { QueryError } from "../../components/query-error.tsx";

type StoreValues = Pick<Store, "code" | "name" | "region" | "openedOn" | "closedOn">;

export function StoreEdit() {
  const t = useTranslate();
  const { id } = useParams<{ id: string }>();
  const { formProps, saveButtonProps, query } = useForm<Store, { message: string; statusCode: number }, StoreValues>({
    resource: "stores",
    action: "edit",
    id,
    redirect: "show",
  });
  // The update input is exactly StoreInput: send only its fields, not id or owners.
  const onFinish = (values: StoreValues) =>
    formProps.onFinish?.({ code: values.code, name: values.name, region: values.region, openedOn: values.openedOn, closedOn: values.closedOn ?? null });
  if (query?.error) return <QueryError error={query.error} />;
  return (
    <Edit title={t("stores.titles.edit")} isLoading={query?.isLoading} saveButtonProps={saveButtonProps} canDelete={false}>
      <StoreForm formProps={{ ...formProps, onFinish }} />
    </Edit>
  );
}
