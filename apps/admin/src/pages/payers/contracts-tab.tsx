import type { ColumnsType } from "antd/es/table";
import { Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import { ContractStatusTag, ServerTable, useServerTable, type ContractRow } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { usePlugins } from "./lookups.ts";
import { contractPathOf } from "../plugins/contract-path.ts";

/** A payer's contracts across every plugin (contracts.list by payer), each opening its plugin's page. */
export function PayerContracts({ payerId }: { payerId: number }) {
  const t = useTranslate();
  const plugins = usePlugins();
  const table = useServerTable<ContractRow>({
    queryKey: ["contracts", "payer", payerId],
    fetch: (input) => trpc.contracts.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    pageSize: 10,
    permanentFilters: [{ field: "payerId", operator: "eq", value: payerId }],
  });
  const columns: ColumnsType<ContractRow> = [
    { dataIndex: "id", title: "#", sorter: true, width: 70, render: (id: number, row) => <Link to={contractPathOf(row.pluginId, id)}>#{id}</Link> },
    { dataIndex: "pluginId", title: t("invoices.fields.plugin"), sorter: true, render: (id: string) => plugins.nameOf(id) },
    { dataIndex: "title", title: t("invoices.fields.contract"), sorter: true, render: (title: string, row) => <Link to={contractPathOf(row.pluginId, row.id)} data-testid={`payer-contract-${row.id}`}>{title}</Link> },
    { key: "store", title: t("invoices.fields.store"), render: (_, row) => (row.store ? `${row.store.code} · ${row.store.name}` : <Typography.Text type="secondary">—</Typography.Text>) },
    { dataIndex: "status", title: t("invoices.fields.status"), sorter: true, render: (s: "active" | "ended") => <ContractStatusTag status={s} /> },
    { dataIndex: "startsOn", title: t("payerBilling.contract.startsOn"), sorter: true, className: "nowrap" },
    { dataIndex: "endedOn", title: t("payerBilling.contract.endedOn"), className: "nowrap", render: (v: string | null) => v ?? "—" },
    { dataIndex: "nextIssueOn", title: t("payerBilling.contract.nextIssueOn"), sorter: true, className: "nowrap", render: (v: string | null) => v ?? "—" },
  ];
  return <ServerTable<ContractRow, Record<string, unknown>> table={table} columns={columns} testId="payer-contracts" size="small" />;
}
