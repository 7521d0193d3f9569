import { useEffect } from "react";
import { App, Form, Input, InputNumber, Modal, Select } from "antd";
import { fieldErrorsForForm, toHttpError, useApiMutation, useKitTranslate, WonInput } from "@sunap/admin-kit";
import { PLAN_INTERVALS } from "../billing/plan.ts";
import { VAT_MODES, type PresentedPlan, type VatMode } from "../plans/plan-input.ts";
import type { PlanInterval } from "../billing/plan.ts";
import { subscriptionClient } from "./client.ts";
import { intervalLabel, vatLabel } from "./labels.ts";
import { strings } from "./strings.ts";

interface PlanValues {
  code: string;
  nameKo: string;
  nameEn: string;
  interval: PlanInterval;
  priceWon: bigint | null;
  trialDays: number;
  vat: VatMode;
  dueAfterDays: number;
}

const EMPTY: PlanValues = { code: "", nameKo: "", nameEn: "", interval: "monthly", priceWon: null, trialDays: 0, vat: "included", dueAfterDays: 0 };

/** Creates a plan, or edits one (`plan`); the server's field errors appear under their inputs. */
export function PlanFormModal({ open, plan, onClose }: { open: boolean; plan: PresentedPlan | null; onClose: () => void }) {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [form] = Form.useForm<PlanValues>();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(plan ? { code: plan.code, nameKo: plan.nameKo, nameEn: plan.nameEn, interval: plan.interval, priceWon: plan.priceWon, trialDays: plan.trialDays, vat: plan.vat, dueAfterDays: plan.dueAfterDays } : EMPTY);
  }, [open, plan, form]);

  const save = useApiMutation(
    (values: PlanValues) => {
      const input = { ...values, priceWon: values.priceWon ?? -1n };
      return plan ? subscriptionClient.plans.update.mutate({ id: plan.id, values: input }) : subscriptionClient.plans.create.mutate(input);
    },
    { notifyError: false },
  );

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await save.mutateAsync(values);
      void message.success(t("action.done"));
      onClose();
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      if (Object.keys(apiError.errors).length === 0) void message.error(apiError.message);
    }
  };

  const required = [{ required: true, message: t("common.required") }];
  return (
    <Modal open={open} title={plan ? t("plans.edit") : t("plans.new")} onCancel={onClose} onOk={() => void submit()} okText={t("common.save")} cancelText={t("common.cancel")} confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name="subscription-plan" data-testid="subscription-plan-form" initialValues={EMPTY}>
        <Form.Item name="code" label={t("plans.code")} rules={required}>
          <Input maxLength={40} autoComplete="off" />
        </Form.Item>
        <Form.Item name="nameKo" label={t("plans.nameKo")} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="nameEn" label={t("plans.nameEn")} rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="interval" label={t("plans.interval")} rules={required}>
          <Select options={PLAN_INTERVALS.map((i) => ({ value: i, label: intervalLabel(t, i) }))} />
        </Form.Item>
        <Form.Item name="priceWon" label={t("plans.price")} extra={t("plans.priceHelp")} rules={required}>
          <WonInput data-testid="plan-price" />
        </Form.Item>
        <Form.Item name="vat" label={t("plans.vat")} rules={required}>
          <Select options={VAT_MODES.map((v) => ({ value: v, label: vatLabel(t, v) }))} />
        </Form.Item>
        <Form.Item name="trialDays" label={t("plans.trialDays")} rules={required}>
          <InputNumber min={0} max={366} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="dueAfterDays" label={t("plans.dueAfterDays")} rules={required}>
          <InputNumber min={0} max={60} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
