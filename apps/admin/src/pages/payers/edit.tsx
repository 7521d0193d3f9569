import { useEffect } from "react";
import { Edit, useForm } from "@refinedev/antd";
import { useTranslate, type HttpError } from "@refinedev/core";
import { useParams } from "react-router";
import type { Payer, RevealedPayer } from "../../api/collection-types.ts";
import { QueryError } from "../../components/query-error.tsx";
import { PayerForm, PersonalDataNotice, toPayerChanges, type PayerFormValues } from "./form.tsx";
import { formatBusinessNumber, formatPhone, RevealButton } from "./reveal.tsx";

/**
 * Edits a payer. Birth date, business number and phone are stored encrypted and arrive masked:
 * left blank they keep their stored value; to change one, type the new value (or load the stored
 * ones with a reason, through the same logged reveal as the payer page).
 */
export function PayerEdit() {
  const t = useTranslate();
  const { id } = useParams<{ id: string }>();
  const { formProps, saveButtonProps, query, form } = useForm<Payer, HttpError, PayerFormValues>({ resource: "payers", action: "edit", id, redirect: "show" });
  const payer = query?.data?.data;

  // The record's masked values must not land in the inputs: start those empty.
  useEffect(() => {
    if (!payer) return;
    form.setFieldsValue({
      payerCode: payer.payerCode,
      kind: payer.kind,
      name: payer.name,
      representative: payer.representative,
      email: payer.email,
      address: payer.address,
      tags: payer.tags,
      plugins: payer.plugins,
      storeId: payer.store?.id ?? null,
      birthDate: null,
      businessNumber: null,
      phone: "",
    });
  }, [payer, form]);

  const load = (data: RevealedPayer) =>
    form.setFieldsValue({
      birthDate: data.birthDate,
      businessNumber: data.businessNumber ? formatBusinessNumber(data.businessNumber) : null,
      phone: formatPhone(data.phone),
    });
  const onFinish = (values: PayerFormValues) => formProps.onFinish?.({ ...toPayerChanges(values) } as unknown as PayerFormValues);

  if (query?.error) return <QueryError error={query.error} />;
  return (
    <Edit title={t("payers.titles.edit")} isLoading={query?.isLoading} saveButtonProps={saveButtonProps} canDelete={false}>
      <PayerForm
        formProps={{ ...formProps, initialValues: undefined, onFinish }}
        form={form}
        masked={payer ? { birthDate: payer.birthDateMasked, businessNumber: payer.businessNumberMasked, phone: payer.phoneMasked } : undefined}
        notice={<PersonalDataNotice action={payer && <RevealButton payer={payer} onRevealed={load} label={t("payers.help.load")} testId="payer-load-personal" />} />}
      />
    </Edit>
  );
}
