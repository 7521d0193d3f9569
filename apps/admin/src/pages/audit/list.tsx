import { Button, Card, Col, DatePicker, Descriptions, Drawer, Form, Input, Row, Skeleton, Table, Typography } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { List, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useOne, useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import { useMatch, useNavigate } from "react-router";
import type { Dayjs } from "dayjs";
import type { AuditRecord } from "../../api/types.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { JsonView } from "../../components/json-view.tsx";

interface AuditSearch {
  dates?: [Dayjs | null, Dayjs | null] | null;
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
  const { tableProps, searchFormProps, sorters } = useTable<AuditRecord, HttpError, AuditSearch>({
    resource: "audit",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    onSearch: (values): CrudFilters => [
      { field: "at", operator: "gte", value: values.dates?.[0]?.startOf("day").toISOString() },
      { field: "at", operator: "lte", value: values.dates?.[1]?.endOf("day").toISOString() },
      { field: "actorEmail", operator: "contains", value: values.actorEmail?.trim() || undefined },
      { field: "action", operator: "contains", value: values.action?.trim() || undefined },
      { field: "entityType", operator: "contains", value: values.entityType?.trim() || undefined },
    ],
  });
  return (
    <List title={t("audit.titles.list")}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} name="audit-filters" layout="inline" style={{ rowGap: 8 }} data-testid="audit-filters">
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
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("app.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <Table<AuditRecord>
        {...tableProps}
        rowKey="id"
        data-testid="audit-table"
        pagination={{ ...tableProps.pagination, showSizeChanger: true, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        onRow={(record) => ({ onClick: () => navigate(`/audit/show/${record.id}`), style: { cursor: "pointer" } })}
      >
        <Table.Column dataIndex="id" title={t("audit.fields.id")} sorter defaultSortOrder={getDefaultSortOrder("id", sorters)} width={90} />
        <Table.Column dataIndex="at" title={t("audit.fields.at")} sorter defaultSortOrder={getDefaultSortOrder("at", sorters)} render={(value: Date) => formatTimestamp(value)} />
        <Table.Column dataIndex="actorEmail" title={t("audit.fields.actorEmail")} sorter defaultSortOrder={getDefaultSortOrder("actorEmail", sorters)} render={(value: string | null) => value ?? <Typography.Text type="secondary">{t("audit.system")}</Typography.Text>} />
        <Table.Column dataIndex="action" title={t("audit.fields.action")} sorter defaultSortOrder={getDefaultSortOrder("action", sorters)} render={(value: string) => <Typography.Text code>{value}</Typography.Text>} />
        <Table.Column dataIndex="entityType" title={t("audit.fields.entityType")} sorter defaultSortOrder={getDefaultSortOrder("entityType", sorters)} />
        <Table.Column dataIndex="entityId" title={t("audit.fields.entityId")} sorter defaultSortOrder={getDefaultSortOrder("entityId", sorters)} render={(value: string | null) => value ?? "—"} />
        <Table.Column dataIndex="ip" title={t("audit.fields.ip")} sorter defaultSortOrder={getDefaultSortOrder("ip", sorters)} render={(value: string | null) => value ?? "—"} />
      </Table>
      <AuditDrawer id={openId} onClose={() => navigate("/audit")} />
    </List>
  );
}
