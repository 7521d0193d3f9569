import { Button, DatePicker, Form, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { EyeOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import type { Consent } from "../../api/collection-types.ts";
import { trpc } from "../../api/trpc.ts";
import { ServerTable, dayRangeFilters, formatTimestamp, useServerTable, type DayRange } from "@sunap/admin-kit";
import { ReasonText } from "../../components/reason-text.tsx";
import { useEnumLabel } from "../../components/enum-tag.tsx";
import { useBanks } from "../banks/use-banks.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePayerSelect } from "../payers/lookups.ts";
import { RegistrationStatusTag } from "../registrations/status.tsx";
import { CertificateButton } from "./downloads.tsx";
import { CONSENTS_LIST } from "./query-keys.ts";
import { CONSENT_METHODS, ConsentMethodTag, ConsentStatusTag } from "./tags.tsx";

interface ConsentSearch {
  payerId?: string;
  method?: string[];
  bankCode?: string;
  dates?: DayRange;
}

/**
 * Consents (masked) with their latest CMS registration: every consent with filters (the consent
 * list), or one payer's without them (the payer page).
 */
export function ConsentsTable({ payerId, onOpen }: { payerId?: number; onOpen: (id: number) => void }) {
  const t = useTranslate();
  const banks = useBanks();
  const table = useServerTable<Consent, ConsentSearch>({
    queryKey: [CONSENTS_LIST, payerId ?? null],
    fetch: (input) => trpc.consents.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    pageSize: payerId ? 5 : 20,
    filters: (values) => [
      { field: "payerId", operator: "eq", value: values.payerId ? Number(values.payerId) : undefined },
      { field: "method", operator: "in", value: values.method },
      { field: "bankCode", operator: "eq", value: values.bankCode },
      ...dayRangeFilters("agreedAt", values.dates),
    ],
  });
  const columns: ColumnsType<Consent> = [
    { dataIndex: "id", title: t("consents.fields.id"), width: 80, sorter: true, render: (id: number) => <Typography.Text strong>#{id}</Typography.Text> },
    ...(payerId ? [] : [{ key: "payer", title: t("consents.fields.payer"), render: (_: unknown, c: Consent) => <PayerLink payer={c.payer} /> }]),
    { dataIndex: "method", title: t("consents.fields.method"), sorter: true, render: (method: string) => <ConsentMethodTag method={method} /> },
    { dataIndex: "agreedAt", title: t("consents.fields.agreedAt"), className: "nowrap", sorter: true, render: (v: Date) => formatTimestamp(v) },
    {
      key: "account",
      title: t("consents.fields.account"),
      render: (_, c) => (
        <Space direction="vertical" size={0}>
          <span className="nowrap">{banks.nameOf(c.bankCode)}</span>
          <Typography.Text code>{c.accountMasked ?? "—"}</Typography.Text>
        </Space>
      ),
    },
    { dataIndex: "holderName", title: t("consents.fields.holderName"), render: (v: string | null) => v ?? "—" },
    { dataIndex: "status", title: t("consents.fields.status"), render: (status: string) => <ConsentStatusTag status={status} /> },
    {
      key: "registration",
      title: t("consents.fields.registration"),
      render: (_, c) =>
        c.registration ? (
          <Space direction="vertical" size={0}>
            <RegistrationStatusTag status={c.registration.status} />
            {c.registration.reasonText && <ReasonText reason={c.registration.reasonText} />}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      key: "actions",
      title: t("table.actions"),
      fixed: "right",
      render: (_, c) => (
        <Space>
          <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(c.id)} data-testid={`consent-open-${c.id}`}>
            {t("consents.evidence")}
          </Button>
          <CertificateButton consentId={c.id} size="small" />
        </Space>
      ),
    },
  ];
  return (
    <ServerTable<Consent, ConsentSearch>
      table={table}
      columns={columns}
      testId="consents-table"
      emptyText={t("consents.empty")}
      filters={payerId ? undefined : <ConsentFilters bankOptions={banks.options} />}
    />
  );
}

/** The consent list's filter items (the payer page shows one payer's consents without them). */
function ConsentFilters({ bankOptions }: { bankOptions: { value: string; label: string }[] }) {
  const t = useTranslate();
  const payers = usePayerSelect();
  const methodLabel = useEnumLabel("consents.methods");
  return (
    <>
      <Form.Item name="payerId" label={t("consents.fields.payer")}>
        <Select {...payers.selectProps} allowClear style={{ width: 200 }} placeholder={t("app.all")} />
      </Form.Item>
      <Form.Item name="method" label={t("consents.fields.method")}>
        <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t("app.all")} options={CONSENT_METHODS.map((m) => ({ value: m, label: methodLabel(m) }))} />
      </Form.Item>
      <Form.Item name="bankCode" label={t("consents.fields.bank")}>
        <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} placeholder={t("app.all")} options={bankOptions} />
      </Form.Item>
      <Form.Item name="dates" label={t("consents.fields.agreedAt")}>
        <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
      </Form.Item>
    </>
  );
}
