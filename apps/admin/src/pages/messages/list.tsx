import { useState } from "react";
import { Alert, Button, DatePicker, Form, Input, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { EyeOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { useMatch, useNavigate } from "react-router";
import type { Message } from "../../api/collection-types.ts";
import { trpc } from "../../api/trpc.ts";
import { useMe } from "../../auth/session.ts";
import { ServerTable, dayRangeFilters, formatTimestamp, useServerTable, type DayRange } from "@sunap/admin-kit";
import { EnumTag, useEnumLabel } from "../../components/enum-tag.tsx";
import { MessageDrawer } from "./drawer.tsx";
import { ResendButton } from "./resend.tsx";
import { ChannelTag, MESSAGE_CHANNELS, MESSAGE_STATUSES, MESSAGE_TEMPLATES, MessageStatusTag } from "./tags.tsx";

interface MessageSearch {
  channel?: string[];
  status?: string[];
  templateCode?: string;
  recipient?: string;
  dates?: DayRange;
}

/** The messages table; `payerId` fixes it to one payer (the payer page) and drops the filters. */
export function MessagesTable({ payerId, onOpen }: { payerId?: number; onOpen: (id: number) => void }) {
  const t = useTranslate();
  const channelLabel = useEnumLabel("messages.channels");
  const statusLabel = useEnumLabel("messages.status");
  const templateLabel = useEnumLabel("messages.templates");
  // Not synced with the address bar: a recipient's phone number must not end up there.
  const table = useServerTable<Message, MessageSearch>({
    queryKey: ["messages", payerId ?? null],
    fetch: (input) => trpc.messages.list.query(input),
    initialSorter: { field: "id", order: "desc" },
    permanentFilters: payerId ? [{ field: "payerId", operator: "eq", value: payerId }] : [],
    pageSize: payerId ? 5 : 20,
    filters: (values) => [
      { field: "channel", operator: "in", value: values.channel },
      { field: "status", operator: "in", value: values.status },
      { field: "templateCode", operator: "eq", value: values.templateCode },
      { field: "recipient", operator: "eq", value: values.recipient },
      ...dayRangeFilters("createdAt", values.dates),
    ],
  });
  const columns: ColumnsType<Message> = [
    { dataIndex: "id", title: t("messages.fields.id"), width: 70, sorter: true, render: (id: number) => <Typography.Text strong>#{id}</Typography.Text> },
    { dataIndex: "createdAt", title: t("messages.fields.createdAt"), className: "nowrap", sorter: true, render: (v: Date) => formatTimestamp(v) },
    {
      dataIndex: "channel",
      title: t("messages.fields.channel"),
      sorter: true,
      render: (c: string, m) => (
        <Space size={4}>
          <ChannelTag channel={c} />
          {m.deliveredAs && m.deliveredAs !== c && <EnumTag prefix="messages.deliveries" value={m.deliveredAs} />}
        </Space>
      ),
    },
    { dataIndex: "templateCode", title: t("messages.fields.template"), sorter: true, render: (code: string) => <EnumTag prefix="messages.templates" value={code} /> },
    { dataIndex: "recipientMasked", title: t("messages.fields.recipient"), render: (r: string) => <Typography.Text code>{r}</Typography.Text> },
    { dataIndex: "status", title: t("messages.fields.status"), sorter: true, render: (s: string, m) => <MessageStatusTag status={s} testId={`message-status-${m.id}`} /> },
    { dataIndex: "attempts", title: t("messages.fields.attempts"), align: "right", sorter: true },
    { dataIndex: "sentAt", title: t("messages.fields.sentAt"), className: "nowrap", sorter: true, render: (v: Date | null) => formatTimestamp(v) },
    { dataIndex: "lastError", title: t("messages.fields.lastError"), ellipsis: true, render: (e: string | null) => (e ? <Typography.Text type="danger">{e}</Typography.Text> : "—") },
    {
      key: "actions",
      title: t("table.actions"),
      fixed: "right",
      render: (_, m) => (
        <Space>
          <Button size="small" icon={<EyeOutlined />} onClick={() => onOpen(m.id)} data-testid={`message-open-${m.id}`} />
          {m.status === "failed" && <ResendButton id={m.id} size="small" />}
        </Space>
      ),
    },
  ];
  return (
    <ServerTable<Message, MessageSearch>
      table={table}
      columns={columns}
      testId="messages-table"
      onRow={(m) => ({ onClick: (event) => !(event.target as HTMLElement).closest("button") && onOpen(m.id), style: { cursor: "pointer" } })}
      filters={
        payerId ? undefined : (
          <>
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
          </>
        )
      }
    />
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
