import { Alert, Card, Table, Tag, Typography } from "antd";
import { Link } from "react-router";
import type { ChargeLine } from "@sunap/core";
import { Money, useKitTranslate, useLocale } from "@sunap/admin-kit";
import type { UpcomingPeriod } from "../subscriptions/upcoming-periods.ts";
import { strings } from "./strings.ts";

/** The charge lines of one period with the basis of each amount (proration, discount, VAT). */
function LinesTable({ lines }: { lines: ChargeLine[] }) {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  return (
    <Table<ChargeLine>
      size="small"
      rowKey={(_, index) => String(index)}
      pagination={false}
      dataSource={lines}
      columns={[
        { title: t("detail.lines"), key: "label", render: (_, line) => line.label[locale] },
        { title: t("detail.total"), key: "amount", align: "right", render: (_, line) => <Money amountWon={line.amountWon} /> },
        { title: t("detail.basis"), key: "basis", render: (_, line) => <Typography.Text type="secondary">{line.basis?.[locale] ?? ""}</Typography.Text> },
      ]}
    />
  );
}

/** The next periods the engine will bill, each expandable to its lines; the rounding rule stated above them. */
export function UpcomingTable({ periods, loading }: { periods: UpcomingPeriod[]; loading: boolean }) {
  const t = useKitTranslate(strings);
  return (
    <Card title={t("detail.upcoming")} style={{ marginTop: 16 }} data-testid="subscription-upcoming">
      <Alert type="info" showIcon message={t("detail.rounding")} style={{ marginBottom: 12 }} data-testid="subscription-rounding-rule" />
      <Table<UpcomingPeriod>
        // Remount when the periods arrive or change, so the first one opens with its lines.
        key={periods[0]?.key ?? "none"}
        rowKey="key"
        size="small"
        loading={loading}
        pagination={false}
        dataSource={periods}
        locale={{ emptyText: t("detail.upcomingEmpty") }}
        expandable={{ expandedRowRender: (p) => <LinesTable lines={p.lines} />, defaultExpandedRowKeys: periods.slice(0, 1).map((p) => p.key) }}
        columns={[
          { title: t("detail.period"), key: "period", render: (_, p) => `${p.start} ~ ${p.end}` },
          { title: t("detail.key"), dataIndex: "key", render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
          { title: t("detail.issueOn"), dataIndex: "issueOn" },
          { title: t("detail.dueOn"), dataIndex: "dueOn" },
          { title: t("detail.total"), key: "total", align: "right", render: (_, p) => <Money amountWon={p.totalWon} strong /> },
        ]}
      />
    </Card>
  );
}

export interface IssuedInvoice {
  id: number;
  number: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  issueOn: string;
  dueOn: string;
  totalWon: bigint;
  openWon: bigint;
  voidedAt: Date | null;
}

/** The invoices issued so far for this subscription, oldest first. */
export function IssuedTable({ invoices, loading }: { invoices: IssuedInvoice[]; loading: boolean }) {
  const t = useKitTranslate(strings);
  return (
    <Card title={t("detail.invoices")} style={{ marginTop: 16 }} data-testid="subscription-invoices">
      <Table<IssuedInvoice>
        rowKey="id"
        size="small"
        loading={loading}
        pagination={{ pageSize: 12, hideOnSinglePage: true }}
        dataSource={invoices}
        locale={{ emptyText: t("detail.invoicesEmpty") }}
        columns={[
          { title: t("detail.number"), dataIndex: "number", render: (number: string, i) => <Link to={`/invoices/show/${i.id}`}>{number}</Link> },
          { title: t("detail.period"), key: "period", render: (_, i) => `${i.periodStart} ~ ${i.periodEnd}` },
          { title: t("detail.key"), dataIndex: "periodKey", render: (key: string) => <Typography.Text code>{key}</Typography.Text> },
          { title: t("detail.issueOn"), dataIndex: "issueOn" },
          { title: t("detail.dueOn"), dataIndex: "dueOn" },
          { title: t("detail.total"), key: "total", align: "right", render: (_, i) => <Money amountWon={i.totalWon} /> },
          { title: t("detail.open"), key: "open", align: "right", render: (_, i) => (i.voidedAt ? <Tag>{t("detail.void")}</Tag> : <Money amountWon={i.openWon} muted={i.openWon === 0n} />) },
        ]}
      />
    </Card>
  );
}
