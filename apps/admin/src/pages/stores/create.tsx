import { Create, useForm } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { StoreForm } from "./form.tsx";

export function StoreCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps } = useForm({ resource: "stores", action: "create", redirect: "show" });
  return (
    <Create title={t("stores.titles.create")} saveButtonProps={{ ...saveButtonProps, children: t("buttons.save") }}>
      <StoreForm formProps={formProps} />
    </Create>
  );
}
