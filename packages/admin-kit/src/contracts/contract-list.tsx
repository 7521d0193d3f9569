import type { ReactNode } from "react";
import { Button, Form, Input, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { PlusOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { coreClient } from "../api/clients.ts";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import { StoreSelect } from "../lookups/store-select.tsx";
import { ServerTable } from "../server-table/server-table.tsx";
import { useServerTable } from "../server-table/use-server-table.ts";
import { ContractStatusTag } from "./contract-status-tag.tsx";
import { defaultContractPath, type ContractRow } from "./contract-types.ts";

interface ContractSearch {
  search?: string;
  status?: "active" | "ended";
  storeId?: number;
}

export interface ContractListProps {
  pluginId: string;
  /** Columns of the plugin's own, shown after the title (read `row.terms` with the plugin's type). */
  extraColumns?: ColumnsType<ContractRow>;
  /** The plugin's create page; no button when absent (or when the user may not write, see `canCreate`). */
  createPath?: string;
  canCreate?: boolean;
  /** The plugin's detail page of a contract; default `/plugins/<id>/contracts/<contractId>`. */
  detailPath?: (contractId: number) => string;
  /** Only this payer's (or store's) contracts, e.g. on a payer page. */
  payerId?: number;
  storeId?: number;
  title?: ReactNode;
  pageSize?: number;
}

/**
 * A plugin's contracts (contracts.list with the plugin id): search by title, payer name or code,
 * status and store; sorted and paged on the server. Each row opens the plugin's detail page.
 */
export function ContractList({ pluginId, extraColumns = [], createPath, canCreate = true, detailPath, payerId, storeId, title, pageSize }: ContractListProps) {
  const t = useKitTranslate(kitStrings);
  const pathOf = detailPath ?? ((id: number) => defaultContractPath(pluginId, id));
  const table = useServerTable<ContractRow, ContractSearch>({
    queryKey: ["contracts", pluginId, payerId ?? null, storeId ?? null],
    fetch: (input) => coreClient.contracts.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    pageSize,
    syncWithLocation: payerId === undefined && storeId === undefined,
    permanentFilters: [
      { field: "pluginId", operator: "eq", value: pluginId },
      ...(payerId !== undefined ? [{ field: "payerId", operator: "eq" as const, value: payerId }] : []),
      ...(storeId !== undefined ? [{ field: "storeId", operator: "eq" as const, value: storeId }] : []),
    ],
    filters: (values) => [
      { field: "search", operator: "contains", value: values.search },
      { field: "status", operator: "eq", value: values.status },
      { field: "storeId", operator: "eq", value: values.storeId },
    ],
  });

  const columns: ColumnsType<ContractRow> = [
    { dataIndex: "id", title: t("contracts.fields.id"), sorter: true, width: 80, render: (id: number) => <Link to={pathOf(id)} data-testid={`contract-link-${id}`}>#{id}</Link> },
    { dataIndex: "title", title: t("contracts.fields.title"), sorter: true, render: (text: string, row) => <Link to={pathOf(row.id)}>{text}</Link> },
    ...extraColumns,
    {
      key: "payer",
      title: t("contracts.fields.payer"),
      render: (_, row) => (
        <Space direction="vertical" size={0}>
          <span>{row.payer.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.payer.payerCode}
          </Typography.Text>
        </Space>
      ),
    },
    { key: "store", title: t("contracts.fields.store"), render: (_, row) => (row.store ? `${row.store.code} · ${row.store.name}` : <Typography.Text type="secondary">—</Typography.Text>) },
    { dataIndex: "status", title: t("contracts.fields.status"), sorter: true, render: (status: "active" | "ended") => <ContractStatusTag status={status} /> },
    { dataIndex: "startsOn", title: t("contracts.fields.startsOn"), sorter: true, className: "nowrap" },
    { dataIndex: "endedOn", title: t("contracts.fields.endedOn"), sorter: true, className: "nowrap", render: (value: string | null) => value ?? "—" },
    { dataIndex: "nextIssueOn", title: t("contracts.fields.nextIssueOn"), sorter: true, className: "nowrap", render: (value: string | null) => value ?? "—" },
  ];

  return (
    <>
      {(title || (createPath && canCreate)) && (
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center", marginBottom: 12 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {title}
          </Typography.Title>
          {createPath && canCreate && (
            <Link to={createPath}>
              <Button type="primary" icon={<PlusOutlined />} data-testid={`${pluginId}-contract-create`}>
                {t("contracts.create")}
              </Button>
            </Link>
          )}
        </div>
      )}
      <ServerTable<ContractRow, ContractSearch>
        table={table}
        columns={columns}
        testId={`${pluginId}-contracts`}
        filters={
          <>
            <Form.Item name="search" label={t("contracts.filters.payer")}>
              <Input allowClear style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="status" label={t("contracts.filters.status")}>
              <Select
                allowClear
                style={{ width: 120 }}
                placeholder={t("table.all")}
                options={[
                  { value: "active", label: t("contracts.status.active") },
                  { value: "ended", label: t("contracts.status.ended") },
                ]}
              />
            </Form.Item>
            {storeId === undefined && (
              <Form.Item name="storeId" label={t("contracts.filters.store")}>
                <StoreSelect style={{ width: 200 }} />
              </Form.Item>
            )}
          </>
        }
      />
    </>
  );
}
