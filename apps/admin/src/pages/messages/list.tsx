import { useState } from "react";
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography } from "antd";
import { EyeOutlined, SearchOutlined } from "@ant-design/icons";
import { List, getDefaultSortOrder, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import { useMatch, useNavigate } from "react-router";
import type { Dayjs } from "dayjs";
import type { Message } from "../../api/collection-types.ts";
import { useMe } from "../../auth/session.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { EnumTag, useEnumLabel } from "../../components/enum-tag.tsx";
import { MessageDrawer } from "./drawer.tsx";
import { ResendButton } from "./resend.tsx";
import { ChannelTag, MESSAGE_CHANNELS, MESSAGE_STATUSES, MESSAGE_TEMPLATES, MessageStatusTag } from "./tags.tsx";

interface MessageSearch {
  channel?: string[];
  status?: string[];
  templateCode?: string;
  recipient?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** The messages table; `payerId` fixes it to one payer (the payer page) and drops the filters. */
export function MessagesTable({ payerId, onOpen }: { payerId?: number; onOpen: (id: number) => void }) {
  const t = useTranslate();
  const channelLabel = useEnumLabel("messages.channels");
  const statusLabel = useEnumLabel("messages.status");
  const templateLabel = useEnumLabel("messages.templates");
  const { tableProps, searchFormProps, sorters } = useTable<Message, HttpError, MessageSearch>({
    resource: "messages",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    filters: payerId ? { permanent: [{ field: "payerId", operator: "eq", value: payerId }] } : undefined,
    pagination: { pageSize: payerId ? 5 : 20 },
    // A recipient's phone number must not end up in the address bar.
    syncWithLocation: false,
    onSearch: (values): CrudFilters => [
      { field: "channel", operator: "in", value: values.channel?.length ? values.channel : undefined },
      { field: "status", operator: "in", value: values.status?.length ? values.status : undefined },
      { field: "templateCode", operator: "eq", value: values.templateCode || undefined },
      { field: "recipient", operator: "eq", value: values.recipient?.trim() || undefined },
      { field: "createdAt", operator: "gte", value: values.dates?.[0]?.startOf("day").toISOString() },
      { field: "createdAt", operator: "lte", value: values.dates?.[1]?.endOf("day").toISOString() },
    ],
  });
  return (
    <>
      {!payerId && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Form {...searchFormProps} name="messages-filters" layout="inline" style={{ rowGap: 8 }} data-testid="messages-filters">
            <Form.Item name="channel" label={t("messages.fields.channel")}>
              <Select mode="multiple" allowClear style={{ minWidth: 140 }} placeholder={t("app.all")} options={MESSAGE_CHANNELS.map((c) => ({ value: c, label: channelLabel(c) }))} />
            </Form.Item>
            <Form.Item name="status" label={t("messages.fields.status")}>
              <Select mode="multiple" allowClear style={{ minWidth: 140 }} placeholder={t("app.all")} options={MESSAGE_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} />
            </Form.Item>
            <Form.Item name="templateCode" label={t("messages.fields.template")}>
              <Select allowClear style={{ width: 160 }} placeholder={t("app.all")} options={MESSAGE_TEMPLATES.map((c) => ({ value: c, label: templateLabel(c) }))} />
            </Form.Item>
            <Form.Item name="recipient" label={t("messages.fields.recipient")} tooltip={t("messages.filters.recipient")}>
              <Input allowClear style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="dates" label={t("messages.filters.dateRange")}>
              <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
            </Form.Item>
            <Form.Item>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
                {t("app.search")}
              </Button>
            </Form.Item>
          </Form>
        </Card>
      )}
      <Table<Message>
        {...tableProps}
        rowKey="id"
        data-testid="messages-table"
        pagination={{ ...tableProps.pagination, showSizeChanger: !payerId, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
        onRow={(m) => ({ onClick: (event) => !(event.target as HTMLElement).closest("button") && onOpen(m.id), style: { cursor: "pointer" } })}
      >
        <Table.Column dataIndex="id" title={t("messages.fields.id")} width={70} sorter defaultSortOrder={getDefaultSortOrder("id", sorters)} render={(id: number) => <Typography.Text strong>#{id}</Typography.Text>} />
        <Table.Column dataIndex="createdAt" title={t("messages.fields.createdAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("createdAt", sorters)} render={(v: Date) => formatTimestamp(v)} />
        <Table.Column<Message>
          dataIndex="channel"
          title={t("messages.fields.channel")}
          sorter
          defaultSortOrder={getDefaultSortOrder("channel", sorters)}
          render={(c: string, m) => (
            <Space size={4}>
              <ChannelTag channel={c} />
              {m.deliveredAs && m.deliveredAs !== c && <EnumTag prefix="messages.deliveries" value={m.deliveredAs} />}
            </Space>
          )}
        />
        <Table.Column dataIndex="templateCode" title={t("messages.fields.template")} sorter defaultSortOrder={getDefaultSortOrder("templateCode", sorters)} render={(code: string) => <EnumTag prefix="messages.templates" value={code} />} />
        <Table.Column dataIndex="recipientMasked" title={t("messages.fields.recipient")} render={(r: string) => <Typography.Text code>{r}</Typography.Text>} />
        <Table.Column<Message> dataIndex="status" title={t("messages.fields.status")} sorter defaultSortOrder={getDefaultSortOrder("status", sorters)} render={(s: string, m) => <MessageStatusTag status={s} testId={`message-status-${m.id}`} />} />
        <Table.Column dataIndex="attempts" title={t("messages.fields.attempts")} align="right" sorter defaultSortOrder={getDefaultSortOrder("attempts", sorters)} />
        <Table.Column dataIndex="sentAt" title={t("messages.fields.sentAt")} className="nowrap" sorter defaultSortOrder={getDefaultSortOrder("sentAt", sorters)} render={(v: Date | null) => formatTimestamp(v)} />
        <Table.Column dataIndex="lastError" title={t("messages.fields.lastError")} ellipsis render={(e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : "—")} />
        <Table.Column<Message>
          key="actions"
          title={t("table.actions")}
          fixed="right"
          render={(_, m) => (
            <Space>
              <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(m.id)} data-testid={`message-open-${m.id}`} />
              {m.status === "failed" && <ResendButton id={m.id} size="small" />}
            </Space>
          )}
        />
      </Table>
    </>
  );
}

/** The message log (the notify outbox); a message opens in a drawer at /messages/show/:id. */
export function MessageList() {
  const t = useTranslate();
  const navigate = useNavigate();
  const match = useMatch("/messages/show/:id");
  const { data: me } = useMe();
  const openId = match?.params.id ? Number(match.params.id) : null;
  return (
    <List title={t("messages.titles.list")} headerButtons={() => null}>
      {me?.demoMode && <Alert type="info" showIcon message={t("messages.sandbox")} style={{ marginBottom: 16 }} data-testid="messages-sandbox-note" />}
      <MessagesTable onOpen={(id) => navigate(`/messages/show/${id}`)} />
      <MessageDrawer id={openId} onClose={() => navigate("/messages")} />
    </List>
  );
}

/** The payer page's message tab: the same table, its drawer kept in the page's state. */
export function PayerMessages({ payerId }: { payerId: number }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <MessagesTable payerId={payerId} onOpen={setOpen} />
      <MessageDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}
