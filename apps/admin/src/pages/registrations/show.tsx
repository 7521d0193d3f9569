import { Descriptions, Flex, Space, Table, Typography } from "antd";
import { ArrowRightOutlined } from "@ant-design/icons";
import { Show } from "@refinedev/antd";
import { useShow, useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import type { RegistrationDetail } from "../../api/collection-types.ts";
import { QueryError } from "../../components/query-error.tsx";
import { formatTimestamp } from "@sunap/admin-kit";
import { ReasonText } from "../../components/reason-text.tsx";
import { hasPermission, useMe } from "../../auth/session.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { useBanks } from "../banks/use-banks.ts";
import { ConsentMethodTag } from "../consents/tags.tsx";
import { LiveBadge, refetchInterval, useRegistrationsLive } from "./live.tsx";
import { RunNowButton } from "./run-now.tsx";
import { RegistrationStatusTag } from "./status.tsx";

type HistoryRow = RegistrationDetail["history"][number];

/** One registration with its whole history, refreshed live like the queue. */
export function RegistrationShow() {
  const t = useTranslate();
  const { data: me } = useMe();
  const live = useRegistrationsLive();
  const banks = useBanks();
  const { query, result: r } = useShow<RegistrationDetail>({ resource: "registrations", errorNotification: false, queryOptions: { refetchInterval: refetchInterval(live) } });
  if (query.error) return <QueryError error={query.error} />;
  return (
    <Show
      title={r ? t("registrations.titles.show", { id: r.id }) : t("registrations.titles.list")}
      isLoading={query.isLoading}
      canDelete={false}
      canEdit={false}
      headerButtons={({ defaultButtons }) => (
        <Space size="middle">
          <LiveBadge mode={live} />
          <RunNowButton />
          {defaultButtons}
        </Space>
      )}
    >
      {r && (
        <Flex vertical gap={24}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} data-testid="registration-details">
            <Descriptions.Item label={t("registrations.fields.status")}>
              <RegistrationStatusTag status={r.status} testId="registration-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.reason")}>
              <ReasonText reason={r.reasonText} testId="registration-reason" />
            </Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.payer")}>
              <PayerLink payer={r.payer} />
            </Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.payerNumber")}>{r.payerNumber}</Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.account")}>
              {banks.nameOf(r.account.bankCode)} <Typography.Text code>{r.account.accountNumberMasked}</Typography.Text> · {r.account.holderName}
            </Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.consent")}>
              <Space>
                {hasPermission(me, "consent.read") ? <Link to={`/consents/show/${r.consent.id}`}>#{r.consent.id}</Link> : `#${r.consent.id}`}
                <ConsentMethodTag method={r.consent.method} />
                {r.consent.withdrawnAt && <Typography.Text type="danger">{t("consents.status.withdrawn")} · {formatTimestamp(r.consent.withdrawnAt)}</Typography.Text>}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.registeredOn")}>{r.registeredOn ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.finishedAt")}>{formatTimestamp(r.finishedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.createdAt")}>{formatTimestamp(r.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={t("registrations.fields.updatedAt")}>{formatTimestamp(r.updatedAt)}</Descriptions.Item>
            {r.cancelReason && <Descriptions.Item label={t("registrations.fields.cancelReason")}>{r.cancelReason}</Descriptions.Item>}
            {r.replacesRegistrationId !== null && (
              <Descriptions.Item label={t("registrations.fields.replaces")}>
                <Link to={`/registrations/show/${r.replacesRegistrationId}`}>#{r.replacesRegistrationId}</Link>
              </Descriptions.Item>
            )}
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t("registrations.fields.history")}</Typography.Title>
            <Table<HistoryRow> size="small" rowKey="id" dataSource={r.history} pagination={false} bordered data-testid="registration-history" locale={{ emptyText: t("app.empty") }}>
              <Table.Column<HistoryRow> dataIndex="at" title={t("registrations.fields.at")} className="nowrap" render={(v: Date) => formatTimestamp(v)} />
              <Table.Column<HistoryRow>
                key="change"
                title={t("registrations.fields.change")}
                render={(_, h) => (
                  <Space size={4}>
                    {h.from && <RegistrationStatusTag status={h.from} />}
                    {h.from && <ArrowRightOutlined style={{ fontSize: 11, opacity: 0.6 }} />}
                    <RegistrationStatusTag status={h.to} />
                  </Space>
                )}
              />
              <Table.Column<HistoryRow> key="reason" title={t("registrations.fields.reason")} render={(_, h) => <ReasonText reason={h.reasonText} />} />
              <Table.Column<HistoryRow> key="note" title={t("registrations.fields.note")} render={(_, h) => (h.note ? <Typography.Text code style={{ fontSize: 12 }}>{h.note}</Typography.Text> : "—")} />
              <Table.Column<HistoryRow> key="actor" title={t("registrations.fields.actor")} render={(_, h) => h.actorEmail ?? <Typography.Text type="secondary">{t("registrations.system")}</Typography.Text>} />
            </Table>
          </div>
        </Flex>
      )}
    </Show>
  );
}
