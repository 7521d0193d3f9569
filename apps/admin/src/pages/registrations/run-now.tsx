import { App, Button, Popconfirm } from "antd";
import { ThunderboltOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { useQueryClient } from "@tanstack/react-query";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";
import { invalidateRegistrations } from "./live.tsx";

/** Runs the registration submit and collect steps now (registration.write); the jobs do the same every 10 minutes. */
export function RunNowButton() {
  const t = useTranslate();
  const { notification } = App.useApp();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const run = useApiMutation(() => trpc.registrations.runNow.mutate(), { invalidate: [] });
  if (!hasPermission(me, "registration.write")) return null;
  return (
    <Popconfirm
      title={t("registrations.runNow")}
      description={<div style={{ maxWidth: 320 }}>{t("registrations.runNowHint")}</div>}
      okText={t("registrations.runNow")}
      cancelText={t("buttons.cancel")}
      onConfirm={() =>
        run.mutate(undefined, {
          onSuccess: (result) => {
            void invalidateRegistrations(queryClient);
            notification.success({
              message: t("registrations.runNow"),
              description: t("registrations.ran", { submitted: result.submittedRecords, registered: result.registered, rejected: result.rejected, cancelled: result.cancelled }),
            });
          },
        })
      }
    >
      <Button type="primary" icon={<ThunderboltOutlined />} loading={run.isPending} data-testid="registrations-run-now">
        {t("registrations.runNow")}
      </Button>
    </Popconfirm>
  );
}
