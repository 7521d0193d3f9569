import { useEffect, useMemo, useState } from "react";
import { Alert, App, Button, Checkbox, Descriptions, Form, Input, Modal, Space, Table, Typography } from "antd";
import { MinusCircleOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { fieldErrorsForForm, Money, useApiMutation, useApiQuery, useLocale, WonInput } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { useAccounts } from "../ledger/lookups.ts";
import { newIdempotencyKey } from "../payments/idempotency-key.ts";
import { autoVatAmounts, VAT_ACCOUNT } from "./auto-vat.ts";
import type { CreditableLine } from "./types.ts";

interface CreditForm {
  amounts: Record<string, bigint | null>;
  reason: string;
}

/** Waits until typing pauses before asking the server for a preview. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * "감액 (credit note)" on an invoice (creditNotes.issue): an amount per invoice line, at most what
 * the line has left, a reason, and a live preview of the entry (receivable vs customer credit).
 */
export function IssueCreditNoteButton({ invoiceId }: { invoiceId: number }) {
  const t = useTranslate();
  const locale = useLocale();
  const accounts = useAccounts();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => newIdempotencyKey("credit-note"));
  const [form] = Form.useForm<CreditForm>();
  const amounts = Form.useWatch("amounts", form) as CreditForm["amounts"] | undefined;
  const [autoVat, setAutoVat] = useState(true);
  const creditable = useApiQuery(["credit-notes", "creditable", invoiceId], () => trpc.creditNotes.creditable.query({ invoiceId }), { enabled: open });
  const hasVat = (creditable.data ?? []).some((l) => l.creditAccount === VAT_ACCOUNT && l.leftWon > 0n);
  const vatAuto = hasVat && autoVat;
  const autoVatByPosition = useMemo(() => (vatAuto ? autoVatAmounts(creditable.data ?? [], amounts ?? {}) : new Map<number, bigint>()), [vatAuto, creditable.data, amounts]);
  const lines = useMemo(
    () =>
      (creditable.data ?? [])
        .map((line) => ({ line, amountWon: autoVatByPosition.get(line.position) ?? amounts?.[String(line.position)] ?? null }))
        .filter((x): x is { line: CreditableLine; amountWon: bigint } => x.amountWon !== null && x.amountWon > 0n)
        .map(({ line, amountWon }) => ({ invoiceLinePosition: line.position, labelKo: `${line.labelKo} 감액`, labelEn: `${line.labelEn} credit`, amountWon })),
    [creditable.data, amounts, autoVatByPosition],
  );
  const settled = useSettled(lines, 300);
  const preview = useApiQuery(["credit-notes", "preview", invoiceId, settled], () => trpc.creditNotes.preview.query({ invoiceId, lines: settled }), { enabled: open && settled.length > 0, keepPrevious: true });
  const issue = useApiMutation((input: Parameters<typeof trpc.creditNotes.issue.mutate>[0]) => trpc.creditNotes.issue.mutate(input), { notifyError: false });

  const submit = async () => {
    const { reason } = await form.validateFields();
    if (lines.length === 0) {
      form.setFields([{ name: "reason", errors: [t("creditNotes.issue.noLines")] }]);
      return;
    }
    issue.mutate(
      { invoiceId, lines, reason: reason.trim(), idempotencyKey: key },
      {
        onSuccess: (outcome) => {
          setOpen(false);
          setKey(newIdempotencyKey("credit-note"));
          void message.success(t("creditNotes.issue.done", { number: outcome.creditNote.number }));
        },
        onError: (error) => {
          // Server fields are lines.N.amountWon: put them under that line's input.
          const byLine = Object.entries(error.errors).map(([field, messages]) => {
            const match = /^lines\.(\d+)\./.exec(field);
            const position = match ? lines[Number(match[1])]?.invoiceLinePosition : undefined;
            return { name: position !== undefined ? ["amounts", String(position)] : ["reason"], errors: Array.isArray(messages) ? messages : [String(messages)] };
          });
          form.setFields(fieldErrorsForForm(byLine.length > 0 ? byLine : [{ name: ["reason"], errors: [error.message] }]));
        },
      },
    );
  };

  return (
    <>
      <Button icon={<MinusCircleOutlined />} onClick={() => setOpen(true)} data-testid="invoice-credit-note">
        {t("creditNotes.issue.button")}
      </Button>
      <Modal
        open={open}
        width={760}
        title={t("creditNotes.issue.title")}
        okText={t("creditNotes.issue.ok")}
        okButtonProps={{ loading: issue.isPending, disabled: lines.length === 0, "data-testid": "credit-note-confirm" } as never}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("creditNotes.issue.help")}</Typography.Paragraph>
        <Form<CreditForm> form={form} layout="vertical" preserve={false} initialValues={{ amounts: {}, reason: "" }}>
          <Table<CreditableLine>
            size="small"
            rowKey="position"
            loading={creditable.isLoading}
            dataSource={creditable.data ?? []}
            pagination={false}
            data-testid="credit-note-lines"
            columns={[
              { key: "label", title: t("invoices.lines.label"), render: (_, l) => (locale === "ko" ? l.labelKo : l.labelEn) },
              { dataIndex: "creditAccount", title: t("creditNotes.fields.account"), render: (code: string) => accounts.nameOf(code) },
              { dataIndex: "amountWon", title: t("invoices.lines.amount"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
              { dataIndex: "leftWon", title: t("creditNotes.fields.left"), align: "right", render: (v: bigint) => <Money amountWon={v} muted={v === 0n} /> },
              {
                key: "take",
                title: t("creditNotes.fields.amount"),
                width: 170,
                render: (_, l) =>
                  vatAuto && l.creditAccount === VAT_ACCOUNT ? (
                    <span data-testid={`credit-note-vat-${l.position}`}>
                      <Money amountWon={autoVatByPosition.get(l.position) ?? 0n} />
                    </span>
                  ) : (
                    <Form.Item name={["amounts", String(l.position)]} style={{ margin: 0 }}>
                      <WonInput max={l.leftWon} disabled={l.leftWon === 0n} data-testid={`credit-note-amount-${l.position}`} />
                    </Form.Item>
                  ),
              },
            ]}
          />
          {hasVat && (
            <Checkbox checked={autoVat} onChange={(e) => setAutoVat(e.target.checked)} style={{ marginTop: 12 }} data-testid="credit-note-auto-vat">
              {t("creditNotes.issue.autoVat")}
            </Checkbox>
          )}
          <Form.Item name="reason" label={t("creditNotes.fields.reason")} style={{ marginTop: 16 }} rules={[{ required: true, whitespace: true, message: t("creditNotes.issue.reasonRequired") }]}>
            <Input.TextArea maxLength={200} rows={2} data-testid="credit-note-reason" />
          </Form.Item>
        </Form>
        <Space direction="vertical" style={{ width: "100%" }} data-testid="credit-note-preview">
          {preview.error && settled.length > 0 ? (
            <Alert type="error" showIcon message={preview.error.message} />
          ) : preview.data && settled.length > 0 ? (
            <Descriptions size="small" bordered column={1}>
              <Descriptions.Item label={t("creditNotes.preview.total")}>
                <Money amountWon={preview.data.totalWon} strong />
              </Descriptions.Item>
              <Descriptions.Item label={t("creditNotes.preview.receivable")}>
                <span data-testid="credit-note-preview-receivable">
                  <Money amountWon={preview.data.receivableWon} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("creditNotes.preview.customerCredit")}>
                <span data-testid="credit-note-preview-credit">
                  <Money amountWon={preview.data.toCustomerCreditWon} />
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t("creditNotes.preview.openAfter")}>
                <span data-testid="credit-note-preview-open-after">
                  <Money amountWon={preview.data.openAfterWon > 0n ? preview.data.openAfterWon : 0n} strong />
                </span>
              </Descriptions.Item>
            </Descriptions>
          ) : (
            <Typography.Text type="secondary">{t("creditNotes.preview.empty")}</Typography.Text>
          )}
        </Space>
      </Modal>
    </>
  );
}
