import { useState } from "react";
import { Alert, App, Button, Descriptions, Flex, Form, Input, Modal, Table, Typography } from "antd";
import { StopOutlined } from "@ant-design/icons";
import { Show } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { Link, useParams } from "react-router";
import { fieldErrorsForForm, formatTimestamp, Money, useApiMutation, useApiQuery } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import type { PaymentDetail } from "../../api/billing-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { QueryError } from "../../components/query-error.tsx";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePlugins } from "../payers/lookups.ts";
import { PaymentMethodTag, PaymentStatusTag } from "./method-tag.tsx";

type AllocationRow = PaymentDetail["allocations"][number];

/** One payment: who paid, when, how much, the invoices it paid and what it left as credit; void with a reason. */
export function PaymentShow() {
  const t = useTranslate();
  const id = Number(useParams().id);
  const { data: me } = useMe();
  const plugins = usePlugins();
  const query = useApiQuery(["payment", id], () => trpc.payments.get.query({ id }));
  if (query.error) return <QueryError error={query.error} />;
  const payment = query.data;
  return (
    <Show
      title={t("payments.titles.show") + (payment ? ` #${payment.id}` : "")}
      isLoading={query.isLoading}
      canDelete={false}
      canEdit={false}
      headerButtons={({ defaultButtons }) => (
        <Flex gap={8} wrap>
          {payment && !payment.voided && hasPermission(me, "payment.write") && <VoidPaymentButton paymentId={payment.id} />}
          {defaultButtons}
        </Flex>
      )}
    >
      {payment && (
        <Flex vertical gap={16}>
          {payment.voided && <Alert type="warning" showIcon message={t("payments.voided", { at: formatTimestamp(payment.voidedAt), reason: payment.voidReason ?? "" })} data-testid="payment-voided" />}
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="payment-details">
            <Descriptions.Item label={t("payments.fields.payer")}>
              <PayerLink payer={payment.payer} />
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.receivedOn")}>{payment.receivedOn}</Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.method")}>
              <PaymentMethodTag method={payment.method} />
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.amount")}>
              <Money amountWon={payment.amountWon} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.allocated")}>
              <Money amountWon={payment.allocatedWon} />
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.credit")}>
              <span data-testid="payment-credit">
                <Money amountWon={payment.creditWon} />
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.reference")}>{payment.reference || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.memo")}>{payment.memo || "—"}</Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.status")}>
              <PaymentStatusTag voided={payment.voided} />
            </Descriptions.Item>
            <Descriptions.Item label={t("invoices.entries.entry")}>
              <Link to={`/ledger/show/${payment.entryId}`}>#{payment.entryId}</Link>
              {payment.voidEntryId && (
                <>
                  {" · "}
                  <Link to={`/ledger/show/${payment.voidEntryId}`}>#{payment.voidEntryId}</Link>
                </>
              )}
            </Descriptions.Item>
            <Descriptions.Item label={t("payments.fields.createdAt")}>{formatTimestamp(payment.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("invoices.allocations.title")}
          </Typography.Title>
          <Table<AllocationRow>
            size="small"
            rowKey="invoiceId"
            dataSource={payment.allocations}
            pagination={false}
            data-testid="payment-allocations"
            locale={{ emptyText: t("invoices.allocations.empty") }}
            scroll={{ x: "max-content" }}
            columns={[
              { dataIndex: "invoiceNumber", title: t("invoices.fields.number"), render: (n: string, row) => <Link to={`/invoices/show/${row.invoiceId}`}>{n}</Link> },
              { dataIndex: "pluginId", title: t("invoices.fields.plugin"), render: (id: string) => plugins.nameOf(id) },
              { key: "period", title: t("invoices.fields.period"), render: (_, row) => `${row.periodStart} ~ ${row.periodEnd}` },
              { dataIndex: "dueOn", title: t("invoices.fields.dueOn") },
              { key: "store", title: t("invoices.fields.store"), render: (_, row) => (row.store ? `${row.store.code} · ${row.store.name}` : "—") },
              { dataIndex: "invoiceTotalWon", title: t("invoices.fields.total"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
              { dataIndex: "amountWon", title: t("invoices.allocations.amount"), align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
              { dataIndex: "invoiceOpenWon", title: t("invoices.fields.open"), align: "right", render: (v: bigint) => <Money amountWon={v} muted={v === 0n} /> },
            ]}
          />
        </Flex>
      )}
    </Show>
  );
}

function VoidPaymentButton({ paymentId }: { paymentId: number }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const voidPayment = useApiMutation((input: { id: number; reason: string }) => trpc.payments.void.mutate(input), { notifyError: false });
  const submit = async () => {
    const { reason } = await form.validateFields();
    voidPayment.mutate(
      { id: paymentId, reason: reason.trim() },
      {
        onSuccess: () => {
          setOpen(false);
          void message.success(t("payments.void.done"));
        },
        onError: (error) => form.setFields(fieldErrorsForForm(Object.keys(error.errors).length ? error : [{ name: ["reason"], errors: [error.message] }])),
      },
    );
  };
  return (
    <>
      <Button danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid="payment-void">
        {t("payments.void.button")}
      </Button>
      <Modal open={open} title={t("payments.void.title")} okText={t("payments.void.ok")} okButtonProps={{ danger: true, loading: voidPayment.isPending }} onOk={() => void submit()} onCancel={() => setOpen(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t("payments.void.help")}</Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label={t("payments.void.reason")} rules={[{ required: true, whitespace: true, message: t("invoices.void.reasonRequired") }]}>
            <Input.TextArea maxLength={500} rows={2} data-testid="payment-void-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
