import { Button, Card, Flex, Form, Segmented, Select, Space, Table, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { List, ShowButton, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import type { Registration } from "../../api/collection-types.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { ReasonText } from "../../components/reason-text.tsx";
import { useEnumLabel } from "../../components/enum-tag.tsx";
import { PayerLink } from "../payers/payer-link.tsx";
import { usePayerSelect } from "../payers/lookups.ts";
import { useBanks } from "../banks/use-banks.ts";
import { ConsentMethodTag } from "../consents/tags.tsx";
import { LiveBadge, refetchInterval, useRegistrationsLive, type LiveMode } from "./live.tsx";
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
  const payers = usePayerSelect();
  const statusLabel = useEnumLabel("registrations.status");
  const { tableProps, searchFormProps, sorters, setFilters, filters } = useTable<Registration, HttpError, RegistrationSearch>({
    resource: "registrations",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    filters: payerId ? { permanent: [{ field: "payerId", operator: "eq", value: payerId }] } : undefined,
    pagination: { pageSize: payerId ? 5 : 20 },
    syncWithLocation: false,
    queryOptions: { refetchInterval: refetchInterval(live) },
    onSearch: (values): CrudFilters => [
      { field: "status", operator: "in", value: values.status?.length ? values.status : undefined },
      { field: "payerId", operator: "eq", value: values.payerId ? Number(values.payerId) : undefined },
    ],
  });
  const activeStatuses = (filters.find((f) => "field" in f && f.field === "status")?.value as string[] | undefined) ?? [];
  const quick = activeStatuses.length === 1 ? activeStatuses[0]! : "all";

  return (
    <>
      {quickStatus && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Flex vertical gap={12}>
            <Segmented
              value={quick}
              data-testid="registrations-status-tabs"
              onChange={(value) => {
                const status = value === "all" ? undefined : [String(value)];
                searchFormProps.form?.setFieldValue("status", status);
                setFilters([{ field: "status", operator: "in", value: status }], "merge");
              }}
              options={[{ value: "all", label: t("app.all") }, ...REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))]}
            />
            <Form {...searchFormProps} name="registrations-filters" layout="inline" style={{ rowGap: 8 }}>
              <Form.Item name="status" label={t("registrations.fields.status")}>
                <Select mode="multiple" allowClear style={{ minWidth: 200 }} placeholder={t("app.all")} options={REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} data-testid="registrations-filter-status" />
              </Form.Item>
              <Form.Item name="payerId" label={t("registrations.fields.payer")}>
                <Select {...payers.selectProps} allowClear style={{ width: 200 }} placeholder={t("app.all")} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                  {t("app.search")}
                </Button>
              </Form.Item>
            </Form>
          </Flex>
        </Card>
      )}
      <Table<Registration>
        {...tableProps}
        rowKey="id"
        data-testid="registrations-table"
        pagination={{ ...tableProps.pagination, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
      >
        <Table.Column dataIndex="id" title={t("registrations.fields.id")} width={80} sorter defaultSortOrder={getDefaultSortOrder("id", sorters)} render={(id: number) => <Typography.Text strong>#{id}</Typography.Text>} />
        <Table.Column<Registration> dataIndex="status" title={t("registrations.fields.status")} sorter defaultSortOrder={getDefaultSortOrder("status", sorters)} render={(s: string, r) => <RegistrationStatusTag status={s} testId={`registration-status-${r.id}`} />} />
        <Table.Column<Registration> key="reason" title={t("registrations.fields.reason")} render={(_, r) => <ReasonText reason={r.reasonText} />} />
        {!payerId && <Table.Column<Registration> key="payer" title={t("registrations.fields.payer")} render={(_, r) => <PayerLink payer={r.payer} />} />}
        <Table.Column<Registration>
          key="account"
          title={t("registrations.fields.account")}
          render={(_, r) => (
            <Space direction="vertical" size={0}>
              <span className="nowrap">{banks.nameOf(r.account.bankCode)}</span>
              <Typography.Text code>{r.account.accountNumberMasked}</Typography.Text>
            </Space>
          )}
        />
        <Table.Column<Registration> key="consent" title={t("registrations.fields.consent")} render={(_, r) => <ConsentMethodTag method={r.consent.method} />} />
        <Table.Column<Registration> dataIndex="registeredOn" title={t("registrations.fields.registeredOn")} className="nowrap" render={(v: string | null) => v ?? "—"} />
        <Table.Column dataIndex="createdAt" title={t("registrations.fields.createdAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("createdAt", sorters)} render={(v: Date) => formatTimestamp(v)} />
        <Table.Column dataIndex="updatedAt" title={t("registrations.fields.updatedAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("updatedAt", sorters)} render={(v: Date) => formatTimestamp(v)} />
        <Table.Column<Registration> key="actions" title={t("table.actions")} fixed="right" render={(_, r) => <ShowButton hideText size="small" resource="registrations" recordItemId={r.id} />} />
      </Table>
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
