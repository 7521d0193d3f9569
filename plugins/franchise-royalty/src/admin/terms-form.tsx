import { Button, Card, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Space, Typography } from "antd";
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import dayjs, { type Dayjs } from "dayjs";
import { useKitTranslate, WonInput } from "@sunap/admin-kit";
import type { RoyaltyTerms } from "../billing/terms.ts";
import { percentText, rateBpOf } from "./rate-text.ts";
import { strings } from "./strings.ts";

/** The form's view of the terms: rates as percent text, the first month as a picker value. Field names follow the server's (`terms.royalty.rateBp`) so its errors land on the right input. */
export interface TermsFormValues {
  firstMonth: Dayjs | null;
  royalty: { kind: "flat" | "tiered"; rateBp?: string; mode?: "marginal" | "whole"; tiers?: { fromWon: bigint | null; rateBp: string }[] };
  fixedFees: { code: string; name: { ko: string; en: string }; amountWon: bigint | null }[];
  minimumRoyaltyWon: bigint | null;
  reportDueDay: number;
  paymentDueDays: number;
}

export function termsFormValues(terms: RoyaltyTerms): TermsFormValues {
  return {
    firstMonth: dayjs(`${terms.firstMonth}-01`),
    royalty:
      terms.royalty.kind === "flat"
        ? { kind: "flat", rateBp: percentText(terms.royalty.rateBp), mode: "marginal", tiers: [{ fromWon: 0n, rateBp: "" }] }
        : { kind: "tiered", mode: terms.royalty.mode, tiers: terms.royalty.tiers.map((t) => ({ fromWon: t.fromWon, rateBp: percentText(t.rateBp) })) },
    fixedFees: terms.fixedFees.map((f) => ({ code: f.code, name: f.name, amountWon: f.amountWon })),
    minimumRoyaltyWon: terms.minimumRoyaltyWon,
    reportDueDay: terms.reportDueDay,
    paymentDueDays: terms.paymentDueDays,
  };
}

/** Blank terms starting in the business month of `today` (the organisation's date, which a demo may pin). */
export function blankTermsForm(defaults: { reportDueDay: number; paymentDueDays: number }, today: string): TermsFormValues {
  return { firstMonth: dayjs(`${today.slice(0, 7)}-01`), royalty: { kind: "flat", rateBp: "5", mode: "marginal", tiers: [{ fromWon: 0n, rateBp: "" }] }, fixedFees: [], minimumRoyaltyWon: 0n, ...defaults };
}

/** What the server's contract schema reads; a rate that is not a percent is sent as is and refused there with its field named. */
export function termsFromForm(values: TermsFormValues, storeCode: string): unknown {
  const rate = (text: string | undefined) => rateBpOf(text) ?? text;
  return {
    storeCode,
    firstMonth: values.firstMonth ? values.firstMonth.format("YYYY-MM") : "",
    royalty:
      values.royalty.kind === "flat"
        ? { kind: "flat", rateBp: rate(values.royalty.rateBp) }
        : { kind: "tiered", mode: values.royalty.mode ?? "marginal", tiers: (values.royalty.tiers ?? []).map((t) => ({ fromWon: t.fromWon ?? 0n, rateBp: rate(t.rateBp) })) },
    fixedFees: (values.fixedFees ?? []).map((f) => ({ code: f.code, name: f.name, amountWon: f.amountWon ?? 0n })),
    minimumRoyaltyWon: values.minimumRoyaltyWon ?? 0n,
    reportDueDay: values.reportDueDay,
    paymentDueDays: values.paymentDueDays,
  };
}

const percentRule = (message: string) => ({ validator: (_: unknown, value: unknown) => (rateBpOf(value) === null || rateBpOf(value)! > 10_000 ? Promise.reject(new Error(message)) : Promise.resolve()) });

/** The royalty terms' inputs, under `terms.*` of the surrounding form. */
export function RoyaltyTermsFields() {
  const t = useKitTranslate(strings);
  const kind = Form.useWatch(["terms", "royalty", "kind"]) as "flat" | "tiered" | undefined;
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name={["terms", "firstMonth"]} label={t("terms.firstMonth")} rules={[{ required: true, message: t("form.required") }]}>
            <DatePicker picker="month" format="YYYY-MM" style={{ width: "100%" }} data-testid="royalty-first-month" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={["terms", "reportDueDay"]} label={t("terms.reportDueDay")} extra={t("terms.reportDueDayHelp")} rules={[{ required: true, message: t("form.required") }]}>
            <InputNumber min={1} max={31} precision={0} addonAfter={t("unit.day")} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={["terms", "paymentDueDays"]} label={t("terms.paymentDueDays")} rules={[{ required: true, message: t("form.required") }]}>
            <InputNumber min={0} max={60} precision={0} addonAfter={t("unit.days")} style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
      <Card size="small" title={t("terms.royalty")} style={{ marginBottom: 16 }}>
        <Form.Item name={["terms", "royalty", "kind"]}>
          <Radio.Group>
            <Radio value="flat">{t("terms.flat")}</Radio>
            <Radio value="tiered">{t("terms.tiered")}</Radio>
          </Radio.Group>
        </Form.Item>
        {kind !== "tiered" ? (
          <Form.Item name={["terms", "royalty", "rateBp"]} label={t("terms.rate")} rules={[percentRule(t("form.percent"))]}>
            <Input addonAfter="%" style={{ maxWidth: 200 }} data-testid="royalty-rate" />
          </Form.Item>
        ) : (
          <>
            <Form.Item name={["terms", "royalty", "mode"]} label={t("terms.mode")} extra={t("terms.modeHelp")}>
              <Radio.Group>
                <Radio value="marginal">{t("terms.marginal")}</Radio>
                <Radio value="whole">{t("terms.whole")}</Radio>
              </Radio.Group>
            </Form.Item>
            <Form.List name={["terms", "royalty", "tiers"]}>
              {(fields, { add, remove }) => (
                <>
                  {fields.map((field, index) => (
                    <Space key={field.key} align="baseline" wrap>
                      <Form.Item name={[field.name, "fromWon"]} label={t("terms.tierFrom")} rules={[{ required: true, message: t("form.required") }]}>
                        <WonInput disabled={index === 0} />
                      </Form.Item>
                      <Form.Item name={[field.name, "rateBp"]} label={t("terms.rate")} rules={[percentRule(t("form.percent"))]}>
                        <Input addonAfter="%" style={{ width: 120 }} />
                      </Form.Item>
                      {index > 0 && <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t("common.remove")} />}
                    </Space>
                  ))}
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ fromWon: null, rateBp: "" })} disabled={fields.length >= 20}>
                    {t("terms.addTier")}
                  </Button>
                </>
              )}
            </Form.List>
          </>
        )}
        <Form.Item name={["terms", "minimumRoyaltyWon"]} label={t("terms.minimum")} extra={t("terms.minimumHelp")} style={{ marginTop: 16 }}>
          <WonInput />
        </Form.Item>
      </Card>
      <Card size="small" title={t("terms.fixedFees")} style={{ marginBottom: 16 }}>
        <Form.List name={["terms", "fixedFees"]}>
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, "code"]} label={t("terms.feeCode")} rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: t("form.feeCode") }]}>
                    <Input style={{ width: 150 }} placeholder="marketing_fund" />
                  </Form.Item>
                  <Form.Item name={[field.name, "name", "ko"]} label={t("terms.feeNameKo")} rules={[{ required: true, message: t("form.required") }]}>
                    <Input style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "name", "en"]} label={t("terms.feeNameEn")} rules={[{ required: true, message: t("form.required") }]}>
                    <Input style={{ width: 150 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "amountWon"]} label={t("terms.feeAmount")} rules={[{ required: true, message: t("form.required") }]}>
                    <WonInput />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t("common.remove")} />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ code: "", name: { ko: "", en: "" }, amountWon: null })} disabled={fields.length >= 10}>
                {t("terms.addFee")}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t("terms.vatNote")}
        </Typography.Paragraph>
      </Card>
    </>
  );
}
