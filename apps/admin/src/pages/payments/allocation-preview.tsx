import { Alert, Descriptions, Space, Table, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import { Money, useFormatWon, type ApiError } from "@sunap/admin-kit";
import type { AllocationPreview } from "../../api/billing-types.ts";

type PreviewRow = AllocationPreview["allocations"][number];

/** What recording the payment would do: each invoice's share and what is left as customer credit. */
export function AllocationPreviewPanel({ preview, loading, error }: { preview: AllocationPreview | undefined; loading: boolean; error: ApiError | null }) {
  const t = useTranslate();
  const format = useFormatWon();
  if (error) return <Alert type="error" showIcon message={error.message} data-testid="allocation-preview-error" />;
  return (
    <Space direction="vertical" style={{ width: "100%" }} data-testid="allocation-preview">
      <Table<PreviewRow>
        size="small"
        rowKey="invoiceId"
        loading={loading}
        dataSource={preview?.allocations ?? []}
        pagination={false}
        locale={{ emptyText: preview ? t("payments.allocation.noOpenInvoices") : t("payments.allocation.pickPayer") }}
        columns={[
          { dataIndex: "invoiceNumber", title: t("payments.allocation.invoice") },
          { dataIndex: "dueOn", title: t("payments.allocation.dueOn") },
          { dataIndex: "openWon", title: t("payments.allocation.open"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
          { dataIndex: "amountWon", title: t("payments.allocation.amount"), align: "right", render: (v: bigint) => <Money amountWon={v} strong /> },
          { dataIndex: "openAfterWon", title: t("payments.allocation.openAfter"), align: "right", render: (v: bigint) => <Money amountWon={v} muted={v === 0n} /> },
        ]}
      />
      {preview && (
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t("payments.fields.credit")}>
            <Typography.Text data-testid="allocation-credit" type={preview.creditWon > 0n ? "warning" : undefined}>
              {preview.creditWon > 0n ? t("payments.allocation.creditResult", { amount: format(preview.creditWon) }) : t("payments.allocation.noCredit")}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("payments.allocation.existingCredit")}>
            <Money amountWon={preview.customerCreditWon} />
          </Descriptions.Item>
        </Descriptions>
      )}
    </Space>
  );
}
