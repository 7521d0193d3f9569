import { useState } from "react";
import { Alert, App, Button, Descriptions, Form, Input, Modal, Typography } from "antd";
import { EyeOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorList, fieldErrorsForForm } from "@sunap/admin-kit";
import type { Payer, RevealedPayer } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useBanks } from "../banks/use-banks.ts";
import { ACCESS_LOG_QUERY_KEY } from "./access-log.tsx";

/**
 * Unmasked personal data for a stated reason (payer.reveal). The server writes the access log
 * (PIPA 접속기록) before answering; the values live only in this modal's state, never in the
 * query cache, and are dropped when it closes. `onRevealed` lets a form take the values instead.
 */
export function RevealButton({ payer, onRevealed, label, testId = "payer-reveal" }: { payer: Pick<Payer, "id" | "name" | "accounts">; onRevealed?: (data: RevealedPayer) => void; label?: string; testId?: string }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const banks = useBanks({ enabled: hasPermission(me, "consent.read") });
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<RevealedPayer | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  // The access log changed: let its tables refetch; nothing else did.
  const reveal = useApiMutation((reason: string) => trpc.payers.reveal.mutate({ id: payer.id, reason }), { invalidate: [ACCESS_LOG_QUERY_KEY], notifyError: false });
  if (!hasPermission(me, "payer.reveal")) return null;

  const close = () => {
    setOpen(false);
    setRevealed(null);
    form.resetFields();
  };
  const submit = ({ reason }: { reason: string }) =>
    reveal.mutate(reason.trim(), {
      onSuccess: (data) => {
        if (onRevealed) {
          onRevealed(data);
          void message.success(t("payers.help.loaded"));
          close();
        } else setRevealed(data);
      },
      onError: (error) => {
        const fields = fieldErrorsForForm<{ reason: string }>(fieldErrorList(error).filter((f) => f.name[0] === "reason"));
        form.setFields(fields.length ? fields : [{ name: ["reason"], errors: [error.message] }]);
      },
    });

  return (
    <>
      <Button icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid={testId}>
        {label ?? t("payers.reveal.button")}
      </Button>
      <Modal
        open={open}
        title={t("payers.reveal.title", { name: payer.name })}
        onCancel={close}
        destroyOnHidden
        width={560}
        footer={
          revealed
            ? [
                <Button key="close" type="primary" onClick={close} data-testid="reveal-close">
                  {t("app.close")}
                </Button>,
              ]
            : [
                <Button key="cancel" onClick={close}>
                  {t("buttons.cancel")}
                </Button>,
                <Button key="ok" type="primary" danger icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => form.submit()} data-testid="reveal-submit">
                  {t("payers.reveal.submit")}
                </Button>,
              ]
        }
      >
        {revealed ? (
          <div data-testid="revealed-data">
            <Alert type="warning" showIcon message={t("payers.reveal.logged")} style={{ marginBottom: 16 }} />
            <Descriptions bordered size="small" column={1}>
              {revealed.birthDate && <Descriptions.Item label={t("payers.fields.birthDate")}>{revealed.birthDate}</Descriptions.Item>}
              {revealed.businessNumber && <Descriptions.Item label={t("payers.fields.businessNumber")}>{formatBusinessNumber(revealed.businessNumber)}</Descriptions.Item>}
              <Descriptions.Item label={t("payers.fields.phone")}>
                <span data-testid="revealed-phone">{formatPhone(revealed.phone)}</span>
              </Descriptions.Item>
              {revealed.accounts.map((account) => (
                <Descriptions.Item key={account.id} label={`${t("payers.reveal.accounts")} · ${banks.nameOf(account.bankCode)}`}>
                  <Typography.Text code>{account.accountNumber}</Typography.Text>
                </Descriptions.Item>
              ))}
            </Descriptions>
          </div>
        ) : (
          <>
            <Alert type="warning" showIcon message={t("payers.reveal.warning")} style={{ marginBottom: 16 }} data-testid="reveal-warning" />
            <Form form={form} layout="vertical" onFinish={submit}>
              <Form.Item name="reason" label={t("payers.reveal.reason")} rules={[{ required: true, whitespace: true, min: 2, message: t("payers.reveal.reasonRequired") }, { max: 200 }]}>
                <Input.TextArea rows={2} maxLength={200} showCount placeholder={t("payers.reveal.reasonPlaceholder")} data-testid="reveal-reason" />
              </Form.Item>
            </Form>
          </>
        )}
      </Modal>
    </>
  );
}

/** `01023456789` → `010-2345-6789`; Seoul numbers (02) and others keep their area code. */
export function formatPhone(digits: string): string {
  const d = digits.replace(/\D/g, "");
  if (d.startsWith("02")) return d.length === 9 ? `02-${d.slice(2, 5)}-${d.slice(5)}` : `02-${d.slice(2, 6)}-${d.slice(6)}`;
  if (d.length === 11) return `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`;
  if (d.length === 10) return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`;
  return digits;
}

export function formatBusinessNumber(digits: string): string {
  const d = digits.replace(/\D/g, "");
  return d.length === 10 ? `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}` : digits;
}
