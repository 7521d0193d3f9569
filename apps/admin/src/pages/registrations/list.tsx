import { Form, Segmented, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { List, ShowButton } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import type { Registration } from "../../api/collection-types.ts";
import { trpc } from "../../api/trpc.ts";
import { ServerTable, formatTimestamp, useServerTable } from "@sunap/admin-kit";
import { ReasonText } from "../../components/reason-text.tsx";
import { useEnumLabel } from "../../components/enum-tag.tsx";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePayerSelect } from "../payers/lookups.ts";
import { useBanks } from "../banks/use-banks.ts";
import { ConsentMethodTag } from "../consents/tags.tsx";
import { LiveBadge, refetchInterval, useRegistrationsLive, type LiveMode } from "./live.tsx";
import { REGISTRATIONS_LIST } from "./query-keys.ts";
import { RunNowButton } from "./run-now.tsx";
import { REGISTRATION_STATUSES, RegistrationStatusTag } from "./status.tsx";

interface RegistrationSearch {
  status?: string[];
  payerId?: string;
}

/** Registrations, newest first; with a payer, only theirs (the payer page). Refreshes live. */
export function RegistrationsTable({ payerId, live, quickStatus }: { payerId?: number; live: LiveMode; quickStatus?: boolean }) {
  const t = useTranslate();
  const banks = useBanks();
  const table = useServerTable<Registration, RegistrationSearch>({
    queryKey: [REGISTRATIONS_LIST, payerId ?? null],
    fetch: (input) => trpc.registrations.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    pageSize: payerId ? 5 : 20,
    refetchInterval: refetchInterval(live),
    filters: (values) => [
      { field: "status", operator: "in", value: values.status },
      { field: "payerId", operator: "eq", value: values.payerId ? Number(values.payerId) : undefined },
    ],
  });
  const columns: ColumnsType<Registration> = [
    { dataIndex: "id", title: t("registrations.fields.id"), width: 80, sorter: true, render: (id: number) => <Typography.Text strong>#{id}</Typography.Text> },
    { dataIndex: "status", title: t("registrations.fields.status"), sorter: true, render: (s: string, r) => <RegistrationStatusTag status={s} testId={`registration-status-${r.id}`} /> },
    { key: "reason", title: t("registrations.fields.reason"), render: (_, r) => <ReasonText reason={r.reasonText} /> },
    ...(payerId ? [] : [{ key: "payer", title: t("registrations.fields.payer"), render: (_: unknown, r: Registration) => <PayerLink payer={r.payer} /> }]),
    {
      key: "account",
      title: t("registrations.fields.account"),
      render: (_, r) => (
        <Space direction="vertical" size={0}>
          <span className="nowrap">{banks.nameOf(r.account.bankCode)}</span>
          <Typography.Text code>{r.account.accountNumberMasked}</Typography.Text>
        </Space>
      ),
    },
    { key: "consent", title: t("registrations.fields.consent"), render: (_, r) => <ConsentMethodTag method={r.consent.method} /> },
    { dataIndex: "registeredOn", title: t("registrations.fields.registeredOn"), className: "nowrap", render: (v: string | null) => v ?? "—" },
    { dataIndex: "createdAt", title: t("registrations.fields.createdAt"), className: "nowrap", sorter: true, render: (v: Date) => formatTimestamp(v) },
    { dataIndex: "updatedAt", title: t("registrations.fields.updatedAt"), className: "nowrap", sorter: true, render: (v: Date) => formatTimestamp(v) },
    { key: "actions", title: t("table.actions"), fixed: "right", render: (_, r) => <ShowButton hideText size="small" resource="registrations" recordItemId={r.id} /> },
  ];
  return (
    <ServerTable<Registration, RegistrationSearch>
      table={table}
      columns={columns}
      testId="registrations-table"
      filters={
        quickStatus ? (
          <RegistrationFilters
            status={table.values?.status ?? []}
            onQuickStatus={(status) => {
              table.form.setFieldValue("status", status);
              table.search({ ...(table.values ?? {}), status });
            }}
          />
        ) : undefined
      }
    />
  );
}

/** The list page's filters: one-click status tabs above the status and payer fields. */
function RegistrationFilters({ status, onQuickStatus }: { status: string[]; onQuickStatus: (status: string[] | undefined) => void }) {
  const t = useTranslate();
  const payers = usePayerSelect();
  const statusLabel = useEnumLabel("registrations.status");
  const quick = status.length === 1 ? status[0]! : "all";
  return (
    <>
      {/* Full width: the tabs take a row of their own in the inline form. */}
      <Form.Item style={{ width: "100%" }}>
        <Segmented
          value={quick}
          data-testid="registrations-status-tabs"
          onChange={(value) => onQuickStatus(value === "all" ? undefined : [String(value)])}
          options={[{ value: "all", label: t("app.all") }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
        />
      </Form.Item>
      <Form.Item name="status" label={t("registrations.fields.status")}>
        <Select mode="multiple" allowClear style={{ minWidth: 200 }} placeholder={t("app.all")} options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} data-testid="registrations-filter-status" />
      </Form.Item>
      <Form.Item name="payerId" label={t("registrations.fields.payer")}>
        <Select {...payers.selectProps} allowClear style={{ width: 200 }} placeholder={t("app.all")} />
      </Form.Item>
    </>
  );
}

export function RegistrationList() {
  const t = useTranslate();
  const live = useRegistrationsLive();
  return (
    <List
      title={t("registrations.titles.list")}
      headerButtons={
        <Space size="middle">
          <LiveBadge mode={live} />
          <RunNowButton />
        </Space>
      }
    >
      <RegistrationsTable live={live} quickStatus />
    </List>
  );
}
