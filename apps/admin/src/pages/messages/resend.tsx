import { App, Button, Popconfirm } from "antd";
import { RedoOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";
import { MESSAGES_QUERY_KEYS } from "./query-keys.ts";

/** Queues a failed message again (message.write); the server refuses sent or expired ones. */
export function ResendButton({ id, size }: { id: number; size?: "small" | "middle" }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const resend = useApiMutation((messageId: number) => trpc.messages.resend.mutate({ id: messageId }), { invalidate: MESSAGES_QUERY_KEYS });
  if (!hasPermission(me, "message.write")) return null;
  return (
    <Popconfirm title={t("messages.resend")} description={t("messages.resendConfirm", { id })} okText={t("messages.resend")} cancelText={t("buttons.cancel")} onConfirm={() => resend.mutate(id, { onSuccess: () => void message.success(t("messages.resent")) })}>
      <Button size={size} icon={<RedoOutlined />} loading={resend.isPending} data-testid={`message-resend-${id}`}>
        {t("messages.resend")}
      </Button>
    </Popconfirm>
  );
}
