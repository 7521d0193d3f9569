import type { ReactNode } from "react";
import { Alert, Col, DatePicker, Form, Input, Radio, Row, Select, type FormInstance, type FormProps } from "antd";
import { useTranslate } from "@refinedev/core";
import dayjs from "dayjs";
import type { PayerChanges, PayerInput } from "../../api/collection-types.ts";
import { useStores } from "../ledger/lookups.ts";
import { usePlugins } from "./lookups.ts";

export type PayerFormValues = {
  payerCode: string;
  kind: "individual" | "business";
  name: string;
  birthDate?: string | null;
  businessNumber?: string | null;
  representative?: string | null;
  phone: string;
  email?: string | null;
  address?: string | null;
  tags?: string[];
  plugins?: string[];
  storeId?: number | null;
};

const text = (value: string | null | undefined) => (value && value.trim() ? value.trim() : null);

/** Exactly the API's input: fields of the other kind are sent as null, empty text as null. */
export function toPayerInput(values: PayerFormValues): PayerInput {
  const individual = values.kind === "individual";
  return {
    payerCode: values.payerCode.trim(),
    kind: values.kind,
    name: values.name.trim(),
    birthDate: individual ? text(values.birthDate) : null,
    businessNumber: individual ? null : text(values.businessNumber),
    representative: individual ? null : text(values.representative),
    phone: values.phone.trim(),
    email: text(values.email),
    address: text(values.address),
    tags: values.tags ?? [],
    plugins: values.plugins ?? [],
    storeId: values.storeId ?? null,
  };
}

/** The update's input: a blank birth date, business number or phone is left out, and the server keeps the stored value. */
export function toPayerChanges(values: PayerFormValues): PayerChanges {
  const { birthDate, businessNumber, phone, ...rest } = toPayerInput({ ...values, phone: values.phone ?? "" });
  return {
    ...rest,
    ...(birthDate !== null || values.kind !== "individual" ? { birthDate } : {}),
    ...(businessNumber !== null || values.kind === "individual" ? { businessNumber } : {}),
    ...(text(phone) ? { phone } : {}),
  };
}

/**
 * The payer form create and edit share; the individual/business switch shows birth date or
 * business number and representative. On edit the encrypted fields arrive masked: `masked`
 * gives their current masked value as a hint (left blank, they keep it), and `notice` explains.
 */
export function PayerForm({ formProps, form, masked, notice }: { formProps: FormProps; form: FormInstance; masked?: { birthDate?: string | null; businessNumber?: string | null; phone?: string | null }; notice?: ReactNode }) {
  const t = useTranslate();
  const stores = useStores();
  const plugins = usePlugins();
  const kind = Form.useWatch("kind", form) as PayerFormValues["kind"] | undefined;
  const dateProps = {
    getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
    normalize: (value: dayjs.Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null),
  };
  const maskedHint = (value: string | null | undefined) => (value ? t("payers.help.masked", { value }) : undefined);
  return (
    <Form {...formProps} form={form} layout="vertical" style={{ maxWidth: 880 }} data-testid="payer-form">
      {notice}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="kind" label={t("payers.fields.kind")} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: "individual", label: t("payers.kinds.individual") },
                { value: "business", label: t("payers.kinds.business") },
              ]}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="payerCode" label={t("payers.fields.payerCode")} extra={t("payers.help.payerCode")} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{1,20}$/, message: t("payers.help.payerCode") }]}>
            <Input id="payerCode" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="name" label={t("payers.fields.name")} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input id="name" />
          </Form.Item>
        </Col>
        {kind === "business" ? (
          <>
            <Col xs={24} md={8}>
              <Form.Item name="businessNumber" label={t("payers.fields.businessNumber")} extra={maskedHint(masked?.businessNumber) ?? t("payers.help.businessNumber")} rules={[{ required: !masked, whitespace: true }, { pattern: /^\d{3}-?\d{2}-?\d{5}$/, message: t("payers.help.businessNumber") }]}>
                <Input id="businessNumber" placeholder={masked?.businessNumber ?? "000-00-00000"} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="representative" label={t("payers.fields.representative")} rules={[{ required: true, whitespace: true, max: 50 }]}>
                <Input id="representative" />
              </Form.Item>
            </Col>
          </>
        ) : (
          <Col xs={24} md={8}>
            <Form.Item name="birthDate" label={t("payers.fields.birthDate")} extra={maskedHint(masked?.birthDate)} rules={[{ required: !masked }]} {...dateProps}>
              <DatePicker id="birthDate" format="YYYY-MM-DD" style={{ width: "100%" }} placeholder={masked?.birthDate ?? "YYYY-MM-DD"} disabledDate={(d) => d.isAfter(dayjs())} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={8}>
          <Form.Item name="phone" label={t("payers.fields.phone")} extra={maskedHint(masked?.phone) ?? t("payers.help.phone")} rules={[{ required: !masked, whitespace: true, max: 20 }]}>
            <Input id="phone" inputMode="tel" placeholder={masked?.phone ?? "010-0000-0000"} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="email" label={t("payers.fields.email")} rules={[{ type: "email" }, { max: 254 }]}>
            <Input id="email" inputMode="email" />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="address" label={t("payers.fields.address")} rules={[{ max: 200 }]}>
            <Input id="address" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="storeId" label={t("payers.fields.store")}>
            <Select id="storeId" allowClear showSearch optionFilterProp="label" options={stores.options} loading={stores.loading} placeholder={t("app.none")} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="tags" label={t("payers.fields.tags")} extra={t("payers.help.tags")} rules={[{ type: "array", max: 20 }]}>
            <Select id="tags" mode="tags" tokenSeparators={[","]} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="plugins" label={t("payers.fields.plugins")}>
            <Select id="plugins" mode="multiple" allowClear options={plugins.options} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}

export function PersonalDataNotice({ action }: { action?: ReactNode }) {
  const t = useTranslate();
  return <Alert type="info" showIcon message={t("payers.help.loadHint")} action={action} style={{ marginBottom: 16 }} />;
}
