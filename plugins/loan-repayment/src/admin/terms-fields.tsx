import { DatePicker, Form, Input, InputNumber, Select } from "antd";
import { pickLabel, useKitTranslate, useLocale, WonInput } from "@sunap/admin-kit";
import { REPAYMENT_METHOD_LABELS, REPAYMENT_METHODS, type RepaymentMethod } from "../loan-terms.ts";
import { strings } from "./strings.ts";
import type { Dayjs } from "dayjs";

/** The schedule-defining terms as the form holds them. */
export interface TermsFormValues {
  principalWon?: bigint | null;
  annualRatePercent?: string;
  termMonths?: number | null;
  method?: RepaymentMethod;
  disbursedOn?: Dayjs | null;
  repaymentDay?: number | null;
}

/** What the server takes: dates as `YYYY-MM-DD`, empty fields left out so the server names what is missing. */
export function termsPayload(values: TermsFormValues) {
  return {
    principalWon: values.principalWon ?? "",
    annualRatePercent: values.annualRatePercent ?? "",
    termMonths: values.termMonths ?? 0,
    method: values.method ?? "",
    ...(values.disbursedOn ? { disbursedOn: values.disbursedOn.format("YYYY-MM-DD") } : {}),
    ...(values.repaymentDay !== undefined && values.repaymentDay !== null ? { repaymentDay: values.repaymentDay } : {}),
  };
}

/**
 * Principal, rate, term, method, disbursement date and repayment day. `prefix` nests the names
 * (`terms.principalWon`) so the server's field errors land on the right input.
 */
export function TermsFields({ prefix = [], requireDisbursement = false }: { prefix?: string[]; requireDisbursement?: boolean }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const name = (field: string) => [...prefix, field];
  const required = [{ required: true, message: t("loans.required") }];
  return (
    <>
      <Form.Item name={name("principalWon")} label={t("loans.principal")} rules={required}>
        <WonInput data-testid="loan-principal" />
      </Form.Item>
      <Form.Item name={name("annualRatePercent")} label={t("loans.rate")} rules={required}>
        <Input data-testid="loan-rate" inputMode="decimal" suffix="%" style={{ maxWidth: 160 }} />
      </Form.Item>
      <Form.Item name={name("termMonths")} label={t("loans.months")} rules={required}>
        <InputNumber data-testid="loan-months" min={0} precision={0} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item name={name("method")} label={t("loans.method")} rules={required}>
        <Select data-testid="loan-method" style={{ maxWidth: 260 }} options={REPAYMENT_METHODS.map((method) => ({ value: method, label: pickLabel(REPAYMENT_METHOD_LABELS[method], locale) }))} />
      </Form.Item>
      <Form.Item name={name("disbursedOn")} label={t("loans.disbursedOn")} rules={requireDisbursement ? required : []}>
        <DatePicker data-testid="loan-disbursed-on" />
      </Form.Item>
      <Form.Item name={name("repaymentDay")} label={t("loans.repaymentDay")} extra={t("loans.repaymentDayHelp")}>
        <InputNumber data-testid="loan-repayment-day" min={1} max={31} precision={0} style={{ width: 120 }} />
      </Form.Item>
    </>
  );
}
