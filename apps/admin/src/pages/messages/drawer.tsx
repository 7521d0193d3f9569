import { Descriptions, Drawer, Result, Skeleton, Space, Tag, Typography } from "antd";
import { useOne, useTranslate } from "@refinedev/core";
import type { Message } from "../../api/collection-types.ts";
import { formatTimestamp } from "@sunap/admin-kit";
import { EnumTag } from "../../components/enum-tag.tsx";
import { ResendButton } from "./resend.tsx";
import { ChannelTag, MessageStatusTag } from "./tags.tsx";

/** One message as the outbox keeps it (recipient and one-time codes masked by the server). */
export function MessageDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useTranslate();
  const { result: m, query } = useOne<Message>({ resource: "messages", id: id ?? 0, queryOptions: { enabled: id !== null }, errorNotification: false });
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={680}
      title={id !== null ? t("messages.titles.show", { id }) : ""}
      destroyOnHidden
      data-testid="message-drawer"
      extra={m && m.status === "failed" ? <ResendButton id={m.id} /> : null}
    >
      {query.error ? (
        <Result status="error" title={query.error.message} />
      ) : query.isLoading || !m ? (
        <Skeleton active />
      ) : (
        <Descriptions bordered size="small" column={1}>
          <Descriptions.Item label={t("messages.fields.status")}>
            <Space>
              <MessageStatusTag status={m.status} />
              {m.hasSecret && <Tag>{t("messages.fields.hasSecret")}</Tag>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.channel")}>
            <Space>
              <ChannelTag channel={m.channel} />
              {m.deliveredAs && <EnumTag prefix="messages.deliveries" value={m.deliveredAs} />}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.template")}>
            <EnumTag prefix="messages.templates" value={m.templateCode} /> <Typography.Text type="secondary" code>{m.templateCode}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.recipient")}>
            <Typography.Text code>{m.recipientMasked}</Typography.Text>
          </Descriptions.Item>
          {m.subject && <Descriptions.Item label={t("messages.fields.subject")}>{m.subject}</Descriptions.Item>}
          <Descriptions.Item label={t("messages.fields.body")}>
            <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all", fontFamily: "inherit" }} data-testid="message-body">
              {m.body}
            </pre>
          </Descriptions.Item>
          {m.buttons.length > 0 && (
            <Descriptions.Item label={t("messages.fields.buttons")}>
              {m.buttons.map((b) => (
                <div key={b.url}>
                  {b.name}: <Typography.Text code style={{ fontSize: 12, wordBreak: "break-all" }}>{b.url}</Typography.Text>
                </div>
              ))}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t("messages.fields.related")}>{m.relatedType ? `${m.relatedType} #${m.relatedId ?? "—"}` : "—"}</Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.attempts")}>{m.attempts}</Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.createdAt")}>{formatTimestamp(m.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.sentAt")}>{formatTimestamp(m.sentAt)}</Descriptions.Item>
          {m.status === "queued" && <Descriptions.Item label={t("messages.fields.nextAttemptAt")}>{formatTimestamp(m.nextAttemptAt)}</Descriptions.Item>}
          <Descriptions.Item label={t("messages.fields.expiresAt")}>{formatTimestamp(m.expiresAt)}</Descriptions.Item>
          {m.lastError && (
            <Descriptions.Item label={t("messages.fields.lastError")}>
              <Typography.Text type="danger">{m.lastError}</Typography.Text>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t("messages.fields.provider")}>{m.provider ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.providerMessageId")}>{m.providerMessageId ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.locale")}>{m.locale}</Descriptions.Item>
          <Descriptions.Item label={t("messages.fields.idempotencyKey")}>
            <Typography.Text code style={{ fontSize: 12 }}>
              {m.idempotencyKey}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Drawer>
  );
}
