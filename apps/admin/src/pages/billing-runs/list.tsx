import { useEffect } from "react";
import { Alert, App, Button, Popconfirm, Progress, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { PlayCircleOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { formatTimestamp, Money, ServerTable, useApiMutation, useBusinessToday, useServerTable } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { hasPermission, useMe } from "../../auth/session.ts";

type Run = Awaited<ReturnType<typeof trpc.billing.runs.query>>["data"][number];
type Failure = Run["failures"][number];

const POLL_MS = 2000;

function RunStatus({ run }: { run: Run }) {
  const t = useTranslate();
  if (run.running) return <Tag color="processing">{t("billingRuns.running")}</Tag>;
  if (run.failureCount > 0) return <Tag color="red">{t("billingRuns.failed")}</Tag>;
  return <Tag color="green">{t("billingRuns.finished")}</Tag>;
}

/** Progress of a run: invoices issued of the contracts looked at (a finished run is full). */
function RunProgress({ run }: { run: Run }) {
  const percent = run.running ? (run.contracts > 0 ? Math.min(99, Math.round(((run.issued + run.failureCount) / run.contracts) * 100)) : 0) : 100;
  return <Progress percent={percent} size="small" status={run.running ? "active" : run.failureCount > 0 ? "exception" : "success"} style={{ width: 140 }} />;
}

/** Billing runs (billing.runs) with their progress and failures; "run billing now" starts one, and the page polls while one runs. */
export function BillingRunList() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const today = useBusinessToday();
  const table = useServerTable<Run>({
    queryKey: ["billing-runs"],
    fetch: (input) => trpc.billing.runs.query(input),
    initialSorter: { field: "id", order: "desc" },
    syncWithLocation: true,
  });
  const running = table.rows.some((r) => r.running);
  const { refetch } = table;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(refetch, POLL_MS);
    return () => clearInterval(timer);
  }, [running, refetch]);

  const runNow = useApiMutation(() => trpc.billing.runNow.mutate({ wait: false }), { invalidate: [["sunap", "list", "billing-runs"]] });

  const columns: ColumnsType<Run> = [
    { dataIndex: "id", title: t("billingRuns.fields.id"), sorter: true, width: 70, render: (id: number) => `#${id}` },
    { dataIndex: "runOn", title: t("billingRuns.fields.runOn"), sorter: true, className: "nowrap" },
    { dataIndex: "trigger", title: t("billingRuns.fields.trigger"), sorter: true, render: (trigger: string) => <Tag>{t(`billingRuns.triggers.${trigger}`, trigger)}</Tag> },
    { key: "status", title: t("billingRuns.fields.status"), render: (_, run) => <RunStatus run={run} /> },
    { key: "progress", title: "", render: (_, run) => <RunProgress run={run} /> },
    { dataIndex: "contracts", title: t("billingRuns.fields.contracts"), sorter: true, align: "right" },
    { dataIndex: "issued", title: t("billingRuns.fields.issued"), sorter: true, align: "right", render: (n: number) => <Typography.Text strong>{n}</Typography.Text> },
    { dataIndex: "totalWon", title: t("billingRuns.fields.total"), align: "right", render: (v: bigint) => <Money amountWon={v} /> },
    { dataIndex: "failureCount", title: t("billingRuns.fields.failures"), align: "right", render: (n: number) => (n > 0 ? <Typography.Text type="danger">{n}</Typography.Text> : "0") },
    { dataIndex: "startedAt", title: t("billingRuns.fields.startedAt"), sorter: true, className: "nowrap", render: (v: Date) => formatTimestamp(v) },
    { dataIndex: "finishedAt", title: t("billingRuns.fields.finishedAt"), className: "nowrap", render: (v: Date | null) => (v ? formatTimestamp(v) : "—") },
  ];

  return (
    <List
      title={t("billingRuns.title")}
      headerButtons={
        hasPermission(me, "invoice.write") ? (
          <Popconfirm
            title={t("billingRuns.runNow")}
            description={t("billingRuns.confirm", { today: today ?? "" })}
            onConfirm={() =>
              runNow.mutate(undefined, {
                onSuccess: () => {
                  void message.success(t("billingRuns.started"));
                },
              })
            }
          >
            <Button type="primary" icon={<PlayCircleOutlined />} loading={runNow.isPending} data-testid="billing-run-now">
              {t("billingRuns.runNow")}
            </Button>
          </Popconfirm>
        ) : null
      }
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Alert type="info" showIcon message={t("billingRuns.intro")} />
        {running && <Alert type="warning" showIcon message={t("billingRuns.polling")} data-testid="billing-runs-polling" />}
        <ServerTable<Run, Record<string, unknown>>
          table={table}
          columns={columns}
          testId="billing-runs-table"
          expandable={{
            rowExpandable: (run) => run.failureCount > 0,
            expandedRowRender: (run) => (
              <Table<Failure>
                size="small"
                rowKey={(f, index) => `${f.contractId}-${index}`}
                dataSource={run.failures}
                pagination={false}
                columns={[
                  { dataIndex: "contractId", title: t("billingRuns.failure.contract"), render: (id: number) => `#${id}` },
                  { dataIndex: "periodKey", title: t("invoices.fields.period"), render: (k: string | null) => k ?? "—" },
                  { dataIndex: "message", title: t("billingRuns.failure.message") },
                ]}
              />
            ),
          }}
        />
      </Space>
    </List>
  );
}
