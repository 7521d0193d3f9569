import { useEffect, useMemo, useRef, useState } from "react";
import { App, Alert, Card, Col, DatePicker, Form, Input, Radio, Row, Space, Table, Typography } from "antd";
import { Create } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { useNavigate, useSearchParams } from "react-router";
import type { Dayjs } from "dayjs";
import { fieldErrorList, fieldErrorsForForm, fromBusinessDate, InvoiceStatusTag, Money, PayerSelect, toBusinessDate, useApiMutation, useApiQuery, useBusinessToday, useDebounced, useFormatWon, WonInput } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import type { OpenInvoice, RecordPaymentInput } from "../../api/billing-types.ts";
import { AllocationPreviewPanel } from "./allocation-preview.tsx";
import { newIdempotencyKey } from "./idempotency-key.ts";

interface PaymentValues {
  payerId?: number;
  receivedOn?: Dayjs | null;
  amountWon?: bigint | null;
  method: "bank_transfer" | "cash";
  reference?: string;
  memo?: string;
  mode: "oldest_due" | "chosen";
}

type Allocation = RecordPaymentInput["allocation"];

/** Chosen amounts as the server's allocation list: only invoices given more than zero. */
function chosenAllocation(chosen: Record<number, bigint | null>): Allocation {
  return { kind: "chosen", allocations: Object.entries(chosen).flatMap(([id, amountWon]) => (amountWon && amountWon > 0n ? [{ invoiceId: Number(id), amountWon }] : [])) };
}

/**
 * Records money received by hand: payer, date, amount, method, reference; allocated oldest due
 * first or to chosen invoices, with a live preview of the allocation and the resulting credit.
 */
export function PaymentCreate() {
  const t = useTranslate();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const format = useFormatWon();
  const [params] = useSearchParams();
  const today = useBusinessToday();
  const [form] = Form.useForm<PaymentValues>();
  const [idempotencyKey] = useState(() => newIdempotencyKey("pay"));
  const [chosen, setChosen] = useState<Record<number, bigint | null>>({});
  const presetPayer = Number(params.get("payerId")) || undefined;
  const presetInvoice = Number(params.get("invoiceId")) || undefined;

  const payerId = Form.useWatch("payerId", form);
  const amountWon = Form.useWatch("amountWon", form);
  const receivedOn = Form.useWatch("receivedOn", form);
  const mode = Form.useWatch("mode", form) ?? "oldest_due";

  useEffect(() => {
    if (today && !form.getFieldValue("receivedOn")) form.setFieldValue("receivedOn", fromBusinessDate(today));
  }, [today, form]);

  const summary = useApiQuery(["payer-summary", payerId], () => trpc.payments.payerSummary.query({ payerId: payerId! }), { enabled: typeof payerId === "number" });
  const openInvoices = summary.data?.openInvoices ?? [];

  // Coming from an invoice: that invoice, chosen for its open amount (once, not on every refetch).
  const presetDone = useRef(false);
  useEffect(() => {
    if (!presetInvoice || !summary.data || presetDone.current) return;
    presetDone.current = true;
    const invoice = summary.data.openInvoices.find((i) => i.id === presetInvoice);
    if (!invoice) return;
    form.setFieldsValue({ mode: "chosen", amountWon: form.getFieldValue("amountWon") ?? invoice.openWon });
    setChosen((current) => (Object.keys(current).length ? current : { [invoice.id]: invoice.openWon }));
  }, [presetInvoice, summary.data, form]);

  const allocation: Allocation = mode === "chosen" ? chosenAllocation(chosen) : { kind: "oldest_due" };
  const request = useDebounced(
    useMemo(
      () => (typeof payerId === "number" && typeof amountWon === "bigint" && amountWon > 0n ? { payerId, amountWon, receivedOn: toBusinessDate(receivedOn) ?? undefined, allocation } : null),
      [payerId, amountWon, receivedOn?.valueOf(), JSON.stringify(allocation, (_, v) => (typeof v === "bigint" ? v.toString() : v))],
    ),
    300,
  );
  const preview = useApiQuery(["payment-preview", request], () => trpc.payments.previewAllocation.query(request!), { enabled: request !== null, keepPrevious: true });

  const record = useApiMutation((input: RecordPaymentInput) => trpc.payments.record.mutate(input), { notifyError: false });
  const chosenTotal = Object.values(chosen).reduce<bigint>((sum, v) => sum + (v ?? 0n), 0n);

  const submit = (values: PaymentValues) => {
    record.mutate(
      {
        payerId: values.payerId!,
        receivedOn: toBusinessDate(values.receivedOn)!,
        amountWon: values.amountWon!,
        method: values.method,
        reference: values.reference?.trim() ?? "",
        memo: values.memo?.trim() ?? "",
        idempotencyKey,
        allocation: values.mode === "chosen" ? chosenAllocation(chosen) : { kind: "oldest_due" },
      },
      {
        onSuccess: (outcome) => {
          void message.success(outcome.replayed ? t("payments.replayed") : t("payments.recorded"));
          navigate(`/payments/show/${outcome.payment.id}`);
        },
        onError: (error) => {
          const fields = Object.keys(error.errors);
          if (fields.length) form.setFields(fieldErrorsForForm<PaymentValues>(fieldErrorList(error).filter((f) => ["payerId", "receivedOn", "amountWon", "method", "reference", "memo"].includes(String(f.name[0])))));
          if (!fields.length || fields.some((f) => f.startsWith("allocation"))) void message.error(error.message);
        },
      },
    );
  };

  return (
    <Create
      title={t("payments.titles.create")}
      saveButtonProps={{ onClick: () => form.submit(), loading: record.isPending, children: t("payments.record"), "data-testid": "payment-submit" } as never}
    >
      <Row gutter={24}>
        <Col xs={24} xl={11}>
          <Form<PaymentValues> form={form} layout="vertical" name="payment-record" data-testid="payment-form" initialValues={{ method: "bank_transfer", mode: "oldest_due", payerId: presetPayer }} onFinish={submit}>
            <Form.Item name="payerId" label={t("payments.fields.payer")} rules={[{ required: true }]}>
              <PayerSelect
                data-testid="payment-payer"
                onChange={() => {
                  setChosen({});
                }}
              />
            </Form.Item>
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="receivedOn" label={t("payments.fields.receivedOn")} rules={[{ required: true }]}>
                  <DatePicker format="YYYY-MM-DD" style={{ width: "100%" }} data-testid="payment-received-on" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="amountWon" label={t("payments.fields.amount")} rules={[{ required: true }, { validator: (_, v: bigint | null) => (v === null || v === undefined || v > 0n ? Promise.resolve() : Promise.reject(new Error("> 0"))) }]}>
                  <WonInput data-testid="payment-amount" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="method" label={t("payments.fields.method")} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: "bank_transfer", label: t("payments.methods.bank_transfer") },
                  { value: "cash", label: t("payments.methods.cash") },
                ]}
              />
            </Form.Item>
            <Form.Item name="reference" label={t("payments.fields.reference")}>
              <Input maxLength={200} data-testid="payment-reference" />
            </Form.Item>
            <Form.Item name="memo" label={t("payments.fields.memo")}>
              <Input.TextArea maxLength={500} rows={2} />
            </Form.Item>
            <Form.Item name="mode" label={t("payments.allocation.mode")}>
              <Radio.Group
                data-testid="payment-mode"
                options={[
                  { value: "oldest_due", label: t("payments.allocation.oldestDue") },
                  { value: "chosen", label: t("payments.allocation.chosen") },
                ]}
              />
            </Form.Item>
          </Form>
          {mode === "chosen" && typeof payerId === "number" && (
            <ChosenInvoices invoices={openInvoices} loading={summary.isLoading} chosen={chosen} onChange={setChosen} total={chosenTotal} amountWon={amountWon ?? null} />
          )}
        </Col>
        <Col xs={24} xl={13}>
          <Card size="small" title={t("payments.allocation.preview")}>
            {summary.data && summary.data.customerCreditWon !== null && summary.data.customerCreditWon > 0n && (
              <Alert type="info" showIcon style={{ marginBottom: 12 }} message={`${t("payments.allocation.existingCredit")}: ${format(summary.data.customerCreditWon)}`} />
            )}
            <AllocationPreviewPanel preview={request ? preview.data : undefined} loading={preview.isFetching} error={request ? preview.error : null} />
          </Card>
        </Col>
      </Row>
    </Create>
  );
}

function ChosenInvoices({ invoices, loading, chosen, onChange, total, amountWon }: { invoices: OpenInvoice[]; loading: boolean; chosen: Record<number, bigint | null>; onChange: (next: Record<number, bigint | null>) => void; total: bigint; amountWon: bigint | null }) {
  const t = useTranslate();
  return (
    <Card size="small" title={t("payments.allocation.chosen")} data-testid="payment-chosen">
      <Table<OpenInvoice>
        size="small"
        rowKey="id"
        loading={loading}
        dataSource={invoices}
        pagination={false}
        locale={{ emptyText: t("payments.allocation.noOpenInvoices") }}
        columns={[
          { dataIndex: "number", title: t("payments.allocation.invoice") },
          { dataIndex: "dueOn", title: t("payments.allocation.dueOn"), render: (v: string, row) => <Space size={4}>{v}<InvoiceStatusTag status={row.status} overdue={row.overdue} /></Space> },
          { dataIndex: "openWon", title: t("payments.allocation.open"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
          {
            key: "amount",
            title: t("payments.allocation.amount"),
            render: (_, row) => <WonInput value={chosen[row.id] ?? null} max={row.openWon} style={{ width: 150 }} data-testid={`payment-chosen-${row.id}`} onChange={(v) => onChange({ ...chosen, [row.id]: v })} />,
          },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, textAlign: "right" }}>
        {t("payments.allocation.chosenTotal")}: <Money amountWon={total} strong />
        {amountWon !== null && total > amountWon && <Typography.Text type="danger"> (&gt; <Money amountWon={amountWon} />)</Typography.Text>}
      </Typography.Paragraph>
    </Card>
  );
}
