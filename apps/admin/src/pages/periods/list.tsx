import { useState } from "react";
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { List } from "@refinedev/antd";
import { LockOutlined, UnlockOutlined } from "@ant-design/icons";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, useApiQuery, fieldErrorList, fieldErrorsForForm, formatTimestamp } from "@sunap/admin-kit";
import type { Period } from "../../api/types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

/** Months with their status; close (confirm) and reopen (with a reason) for those allowed. */
export function PeriodList() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const canClose = hasPermission(me, "period.close");
  const canReopen = hasPermission(me, "period.reopen");
  const periods = useApiQuery(["periods.list"], () => trpc.periods.list.query());
  const close = useApiMutation((month: string) => trpc.periods.close.mutate({ month }), { invalidate: [["sunap", "periods.list"]] });
  const reopen = useApiMutation((input: { month: string; reason: string }) => trpc.periods.reopen.mutate(input), { invalidate: [["sunap", "periods.list"]], notifyError: false });
  const [reopening, setReopening] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();

  const submitReopen = ({ reason }: { reason: string }) => {
    if (!reopening) return;
    reopen.mutate(
      { month: reopening, reason },
      {
        onSuccess: () => {
          void message.success(t("periods.reopened", { month: reopening }));
          setReopening(null);
          form.resetFields();
        },
        onError: (error) => {
          const fields = fieldErrorsForForm<{ reason: string }>(fieldErrorList(error).filter((f) => f.name[0] === "reason"));
          form.setFields(fields.length ? fields : [{ name: ["reason"], errors: [error.message] }]);
        },
      },
    );
  };

  return (
    <List title={t("periods.titles.list")} headerButtons={() => null}>
      <Alert type="info" showIcon message={t("periods.intro")} style={{ marginBottom: 16 }} />
      <Table<Period>
        rowKey="month"
        loading={periods.isFetching}
        dataSource={periods.data?.data ?? []}
        pagination={{ pageSize: 12, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        data-testid="periods-table"
        rowClassName={(row) => `period-${row.month}`}
      >
        <Table.Column<Period> dataIndex="month" title={t("periods.fields.month")} render={(month: string) => <Typography.Text strong>{month}</Typography.Text>} />
        <Table.Column<Period>
          key="status"
          title={t("periods.fields.status")}
          render={(_, row) =>
            row.closed ? (
              <Tag color="default" icon={<LockOutlined />}>
                {t("periods.status.closed")}
              </Tag>
            ) : row.ended ? (
              <Tag color="green">{t("periods.status.open")}</Tag>
            ) : (
              <Tag color="blue">{t("periods.status.current")}</Tag>
            )
          }
        />
        <Table.Column<Period> dataIndex="entries" title={t("periods.fields.entries")} align="right" render={(n: number) => n.toLocaleString()} />
        <Table.Column<Period> dataIndex="closedAt" title={t("periods.fields.closedAt")} render={(value: Date | null) => (value ? formatTimestamp(value) : "—")} />
        <Table.Column<Period>
          key="actions"
          title={t("app.actions")}
          render={(_, row) => (
            <Space>
              {canClose && !row.closed && row.ended && (
                <Popconfirm
                  title={t("periods.close")}
                  description={t("periods.closeConfirm", { month: row.month })}
                  okText={t("periods.close")}
                  cancelText={t("buttons.cancel")}
                  onConfirm={() => close.mutateAsync(row.month).then(() => void message.success(t("periods.closed", { month: row.month }))).catch(() => undefined)}
                >
                  <Button size="small" icon={<LockOutlined />} data-testid={`period-close-${row.month}`}>
                    {t("periods.close")}
                  </Button>
                </Popconfirm>
              )}
              {canReopen && row.closed && (
                <Button size="small" icon={<UnlockOutlined />} onClick={() => setReopening(row.month)} data-testid={`period-reopen-${row.month}`}>
                  {t("periods.reopen")}
                </Button>
              )}
            </Space>
          )}
        />
      </Table>
      <Modal
        open={reopening !== null}
        title={t("periods.reopenTitle", { month: reopening ?? "" })}
        okText={t("periods.reopen")}
        cancelText={t("buttons.cancel")}
        onCancel={() => setReopening(null)}
        onOk={() => form.submit()}
        confirmLoading={reopen.isPending}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={submitReopen}>
          <Form.Item name="reason" label={t("periods.reason")} rules={[{ required: true, whitespace: true, min: 3, message: t("periods.reasonRequired") }]}>
            <Input.TextArea id="reason" rows={3} maxLength={500} showCount />
          </Form.Item>
        </Form>
      </Modal>
    </List>
  );
}
