import { useState, type ReactNode } from "react";
import { App, Button, DatePicker, Form, Input, Modal, Space } from "antd";
import type { Dayjs } from "dayjs";
import { fieldErrorsForForm, fromBusinessDate, toBusinessDate, toHttpError, useApiMutation, useKitTranslate, WonInput } from "@sunap/admin-kit";
import type { PledgeTerms } from "../billing-rules.ts";
import { pledgeStatusOn } from "../billing/pledge-changes.ts";
import { donationsClient } from "./client.ts";
import { strings } from "./strings.ts";

type Action = "pause" | "resume" | "cancel" | "upgrade";

interface ActionValues {
  from?: Dayjs | null;
  until?: Dayjs | null;
  on?: Dayjs | null;
  effectiveOn?: Dayjs | null;
  monthlyAmountWon?: bigint | null;
  reason?: string;
}

/**
 * The pledge's buttons: pause, resume, change amount and cancel, each a dated change in a modal.
 * The server refuses impossible ones with a message under the right input; buttons that cannot
 * apply (resume when nothing is paused) are simply not shown.
 */
export function PledgeActions({ contractId, version, pledge, today, onChanged }: { contractId: number; version: number; pledge: PledgeTerms; today: string; onChanged: () => void }) {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [open, setOpen] = useState<Action | null>(null);
  const [form] = Form.useForm<ActionValues>();
  const send = useApiMutation(
    async ({ action, values }: { action: Action; values: ActionValues }) => {
      const base = { id: contractId, version, reason: values.reason?.trim() || undefined };
      const day = (d: Dayjs | null | undefined) => toBusinessDate(d) ?? "";
      if (action === "pause") return donationsClient.pledges.pause.mutate({ ...base, from: day(values.from), until: toBusinessDate(values.until) });
      if (action === "resume") return donationsClient.pledges.resume.mutate({ ...base, on: day(values.on) });
      if (action === "cancel") return donationsClient.pledges.cancel.mutate({ ...base, on: day(values.on) });
      return donationsClient.pledges.upgrade.mutate({ ...base, effectiveOn: day(values.effectiveOn), monthlyAmountWon: values.monthlyAmountWon ?? 0n });
    },
    { notifyError: false },
  );
  if (pledge.cancelledOn) return null;
  const paused = pledge.pauses.some((p) => !p.until || p.until > today);
  const state = pledgeStatusOn(pledge, today);

  const start = (action: Action) => {
    form.resetFields();
    const day = fromBusinessDate(today);
    form.setFieldsValue({ from: day, on: day, effectiveOn: day });
    setOpen(action);
  };
  const submit = async () => {
    if (!open) return;
    const values = await form.validateFields();
    try {
      await send.mutateAsync({ action: open, values });
      void message.success(t("action.done"));
      setOpen(null);
      onChanged();
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      if (Object.keys(apiError.errors).length === 0 || apiError.errors.version || apiError.errors.id) void message.error(apiError.message);
    }
  };
  const required = [{ required: true, message: t("form.required") }];
  const fields: Record<Action, ReactNode> = {
    pause: (
      <>
        <Form.Item name="from" label={t("action.from")} rules={required}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="until" label={t("action.until")}>
          <DatePicker />
        </Form.Item>
      </>
    ),
    resume: (
      <Form.Item name="on" label={t("action.on")} rules={required}>
        <DatePicker />
      </Form.Item>
    ),
    cancel: (
      <Form.Item name="on" label={t("action.on")} rules={required}>
        <DatePicker />
      </Form.Item>
    ),
    upgrade: (
      <>
        <Form.Item name="monthlyAmountWon" label={t("action.newAmount")} rules={required}>
          <WonInput data-testid="pledge-new-amount" />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t("action.effectiveOn")} rules={required}>
          <DatePicker />
        </Form.Item>
      </>
    ),
  };

  return (
    <>
      <Space wrap>
        {state !== "paused" && !paused && (
          <Button onClick={() => start("pause")} data-testid="pledge-pause">
            {t("action.pause")}
          </Button>
        )}
        {paused && (
          <Button onClick={() => start("resume")} data-testid="pledge-resume">
            {t("action.resume")}
          </Button>
        )}
        <Button onClick={() => start("upgrade")} data-testid="pledge-upgrade">
          {t("action.upgrade")}
        </Button>
        <Button danger onClick={() => start("cancel")} data-testid="pledge-cancel">
          {t("action.cancel")}
        </Button>
      </Space>
      <Modal
        open={open !== null}
        title={open ? t(`action.${open}`) : ""}
        onCancel={() => setOpen(null)}
        onOk={() => void submit()}
        okText={t("common.save")}
        cancelText={t("common.cancel")}
        confirmLoading={send.isPending}
        okButtonProps={{ danger: open === "cancel" }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" data-testid={`pledge-${open ?? "action"}-form`}>
          {open && fields[open]}
          <Form.Item name="reason" label={t("common.reason")}>
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
