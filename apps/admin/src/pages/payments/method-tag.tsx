import { Tag } from "antd";
import { useTranslate } from "@refinedev/core";

const COLORS: Record<string, string> = { bank_transfer: "blue", cash: "green", customer_credit: "purple" };

export function PaymentMethodTag({ method }: { method: string }) {
  const t = useTranslate();
  return <Tag color={COLORS[method]}>{t(`payments.methods.${method}`)}</Tag>;
}

export function PaymentStatusTag({ voided }: { voided: boolean }) {
  const t = useTranslate();
  return voided ? <Tag color="red">{t("payments.status.voided")}</Tag> : <Tag color="green">{t("payments.status.active")}</Tag>;
}
