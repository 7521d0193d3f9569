import { Button, Space, Table, Typography, type TableProps } from "antd";
import { EyeOutlined } from "@ant-design/icons";
import { getDefaultSortOrder } from "@refinedev/antd";
import { useTranslate, type CrudSort } from "@refinedev/core";
import type { Consent } from "../../api/collection-types.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { ReasonText } from "../../components/reason-text.tsx";
import { PayerLink } from "../payers/payer-link.tsx";
import { RegistrationStatusTag } from "../registrations/status.tsx";
import { CertificateButton } from "./downloads.tsx";
import { ConsentMethodTag, ConsentStatusTag } from "./tags.tsx";

/** Consents (masked) with their latest CMS registration; used by the consent list and the payer page. */
export function ConsentsTable({ tableProps, sorters, bankName, onOpen, showPayer = true }: { tableProps: TableProps<Consent>; sorters: CrudSort[]; bankName: (code: string) => string; onOpen: (id: number) => void; showPayer?: boolean }) {
  const t = useTranslate();
  return (
    <Table<Consent>
      {...tableProps}
      rowKey="id"
      data-testid="consents-table"
      pagination={tableProps.pagination === false ? false : { ...tableProps.pagination, showTotal: (total) => t("app.total", { total }) }}
      locale={{ emptyText: t("consents.empty") }}
      scroll={{ x: "max-content" }}
    >
      <Table.Column dataIndex="id" title={t("consents.fields.id")} width={80} sorter defaultSortOrder={getDefaultSortOrder("id", sorters)} render={(id: number) => <Typography.Text strong>#{id}</Typography.Text>} />
      {showPayer && <Table.Column<Consent> key="payer" title={t("consents.fields.payer")} render={(_, c) => <PayerLink payer={c.payer} />} />}
      <Table.Column dataIndex="method" title={t("consents.fields.method")} sorter defaultSortOrder={getDefaultSortOrder("method", sorters)} render={(method: string) => <ConsentMethodTag method={method} />} />
      <Table.Column dataIndex="agreedAt" title={t("consents.fields.agreedAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("agreedAt", sorters)} render={(v: Date) => formatTimestamp(v)} />
      <Table.Column<Consent>
        key="account"
        title={t("consents.fields.account")}
        render={(_, c) => (
          <Space direction="vertical" size={0}>
            <span className="nowrap">{bankName(c.bankCode)}</span>
            <Typography.Text code>{c.accountMasked ?? "—"}</Typography.Text>
          </Space>
        )}
      />
      <Table.Column dataIndex="holderName" title={t("consents.fields.holderName")} render={(v: string | null) => v ?? "—"} />
      <Table.Column<Consent> dataIndex="status" title={t("consents.fields.status")} render={(status: string) => <ConsentStatusTag status={status} />} />
      <Table.Column<Consent>
        key="registration"
        title={t("consents.fields.registration")}
        render={(_, c) =>
          c.registration ? (
            <Space direction="vertical" size={0}>
              <RegistrationStatusTag status={c.registration.status} />
              {c.registration.reasonText && <ReasonText reason={c.registration.reasonText} />}
            </Space>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )
        }
      />
      <Table.Column<Consent>
        key="actions"
        title={t("table.actions")}
        fixed="right"
        render={(_, c) => (
          <Space>
            <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(c.id)} data-testid={`consent-open-${c.id}`}>
              {t("consents.evidence")}
            </Button>
            <CertificateButton consentId={c.id} size="small" />
          </Space>
        )}
      />
    </Table>
  );
}
