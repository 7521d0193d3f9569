import { Create, useForm } from "@refinedev/antd";
import { useTranslate, type HttpError } from "@refinedev/core";
import type { Payer } from "../../api/collection-types.ts";
import { PayerForm, toPayerInput, type PayerFormValues } from "./form.tsx";

export function PayerCreate() {
  const t = useTranslate();
  const { formProps, saveButtonProps, form } = useForm<Payer, HttpError, PayerFormValues>({ resource: "payers", action: "create", redirect: "show" });
  const onFinish = (values: PayerFormValues) => formProps.onFinish?.(toPayerInput(values) as unknown as PayerFormValues);
  return (
    <Create title={t("payers.titles.create")} saveButtonProps={{ ...saveButtonProps, children: t("buttons.save") }}>
      <PayerForm formProps={{ ...formProps, onFinish, initialValues: { kind: "individual", tags: [], plugins: [] } }} form={form} />
    </Create>
  );
}
