import { Col, DatePicker, Descriptions, Drawer, Form, Input, Row, Skeleton, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { List } from "@refinedev/antd";
import { useOne, useTranslate } from "@refinedev/core";
import { useMatch, useNavigate } from "react-router";
import type { AuditRecord } from "../../api/types.ts";
import { trpc } from "../../api/trpc.ts";
import { ServerTable, dayRangeFilters, formatTimestamp, useServerTable, type DayRange } from "@sunap/admin-kit";
import { JsonView } from "../../components/json-view.tsx";

interface AuditSearch {
  dates?: DayRange;
  actorEmail?: string;
  action?: string;
  entityType?: string;
}

/** One audit record with its before/after snapshots; opened from the list at /audit/show/:id. */
function AuditDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useTranslate();
  const { result: record, query } = useOne<AuditRecord>({ resource: "audit", id: id ?? 0, queryOptions: { enabled: id !== null } });
  return (
    <Drawer open={id !== null} onClose={onClose} width={720} title={id !== null ? `${t("audit.titles.show")} #${id}` : ""} data-testid="audit-drawer" destroyOnHidden>
      {query.isLoading || !record ? (
        <Skeleton active />
      ) : (
        <>
          <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t("audit.fields.at")}>{formatTimestamp(record.at)}</Descriptions.Item>
            <Descriptions.Item label={t("audit.fields.actorEmail")}>{record.actorEmail ?? t("audit.system")}</Descriptions.Item>
            <Descriptions.Item label={t("audit.fields.action")}>
              <Typography.Text code>{record.action}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("audit.fields.entityType")}>{record.entityType}</Descriptions.Item>
            <Descriptions.Item label={t("audit.fields.entityId")}>{record.entityId ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("audit.fields.ip")}>{record.ip ?? "—"}</Descriptions.Item>
          </Descriptions>
          <Row gutter={16}>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t("audit.fields.before")}</Typography.Title>
              <div data-testid="audit-before">
                <JsonView value={record.before} />
              </div>
            </Col>
            <Col xs={24} lg={12}>
              <Typography.Title level={5}>{t("audit.fields.after")}</Typography.Title>
              <div data-testid="audit-after">
                <JsonView value={record.after} />
              </div>
            </Col>
          </Row>
        </>
      )}
    </Drawer>
  );
}

export function AuditList() {
  const t = useTranslate();
  const navigate = useNavigate();
  // The drawer's record is in the URL (/audit/show/:id) so it can be linked; the list stays mounted.
  const match = useMatch("/audit/show/:id");
  const openId = match?.params.id ? Number(match.params.id) : null;
  const table = useServerTable<AuditRecord, AuditSearch>({
    queryKey: ["audit"],
    fetch: (input) => trpc.audit.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    filters: (values) => [
      ...dayRangeFilters("at", values.dates),
      { field: "actorEmail", operator: "contains", value: values.actorEmail },
      { field: "action", operator: "contains", value: values.action },
      { field: "entityType", operator: "contains", value: values.entityType },
    ],
  });
  const columns: ColumnsType<AuditRecord> = [
    { dataIndex: "id", title: t("audit.fields.id"), sorter: true, width: 90 },
    { dataIndex: "at", title: t("audit.fields.at"), sorter: true, render: (value: Date) => formatTimestamp(value) },
    { dataIndex: "actorEmail", title: t("audit.fields.actorEmail"), sorter: true, render: (value: string | null) => value ?? <Typography.Text type="secondary">{t("audit.system")}</Typography.Text> },
    { dataIndex: "action", title: t("audit.fields.action"), sorter: true, render: (value: string) => <Typography.Text code>{value}</Typography.Text> },
    { dataIndex: "entityType", title: t("audit.fields.entityType"), sorter: true },
    { dataIndex: "entityId", title: t("audit.fields.entityId"), sorter: true, render: (value: string | null) => value ?? "—" },
    { dataIndex: "ip", title: t("audit.fields.ip"), sorter: true, render: (value: string | null) => value ?? "—" },
  ];
  return (
    <List title={t("audit.titles.list")}>
      <ServerTable<AuditRecord, AuditSearch>
        table={table}
        columns={columns}
        testId="audit-table"
        onRow={(record) => ({ onClick: () => navigate(`/audit/show/${record.id}`), style: { cursor: "pointer" } })}
        filters={
          <>
            <Form.Item name="dates" label={t("audit.filters.dateRange")}>
              <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
            </Form.Item>
            <Form.Item name="actorEmail" label={t("audit.filters.actor")}>
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="action" label={t("audit.filters.action")}>
              <Input allowClear style={{ width: 160 }} placeholder="store.update" />
            </Form.Item>
            <Form.Item name="entityType" label={t("audit.filters.entityType")}>
              <Input allowClear style={{ width: 140 }} placeholder="store" />
            </Form.Item>
          </>
        }
      />
      <AuditDrawer id={openId} onClose={() => navigate("/audit")} />
    </List>
  );
}
