import { DatePicker, Form, Input, InputNumber, Radio } from "antd";
import { useKitTranslate, WonInput } from "@sunap/admin-kit";
import { strings } from "./strings.ts";

/** The fields of one discount under a name prefix (`["discount"]`), as the server's Discount schema reads them. */
export function DiscountFields({ prefix, optional }: { prefix: string; optional?: boolean }) {
  const t = useKitTranslate(strings);
  const kind = Form.useWatch([prefix, "kind"]) as "fixed" | "percent" | "" | undefined;
  return (
    <>
      <Form.Item name={[prefix, "kind"]} label={t("discount.kind")} rules={optional ? [] : [{ required: true, message: t("common.required") }]}>
        <Radio.Group>
          {optional && <Radio.Button value="">{t("detail.none")}</Radio.Button>}
          <Radio.Button value="fixed">{t("discount.fixed")}</Radio.Button>
          <Radio.Button value="percent">{t("discount.percent")}</Radio.Button>
        </Radio.Group>
      </Form.Item>
      {kind === "fixed" && (
        <Form.Item name={[prefix, "amountWon"]} label={t("discount.amount")} rules={[{ required: true, message: t("common.required") }]}>
          <WonInput />
        </Form.Item>
      )}
      {kind === "percent" && (
        <Form.Item name={[prefix, "percent"]} label={t("discount.percentValue")} rules={[{ required: true, message: t("common.required") }]}>
          <InputNumber min={1} max={100} precision={0} addonAfter="%" />
        </Form.Item>
      )}
      {kind && (
        <>
          <Form.Item name={[prefix, "periods"]} label={t("discount.periods")}>
            <InputNumber min={1} max={1200} precision={0} />
          </Form.Item>
          <Form.Item name={[prefix, "startsOn"]} label={t("discount.startsOn")}>
            <DatePicker />
          </Form.Item>
          <Form.Item name={[prefix, "labelKo"]} label={t("discount.labelKo")}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name={[prefix, "labelEn"]} label={t("discount.labelEn")}>
            <Input maxLength={100} />
          </Form.Item>
        </>
      )}
    </>
  );
}
