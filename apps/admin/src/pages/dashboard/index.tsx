import type { ReactNode } from "react";
import { Card, Col, Empty, Flex, Row, Skeleton, Statistic, Typography, theme } from "antd";
import { BookOutlined, ShopOutlined, TeamOutlined, WalletOutlined } from "@ant-design/icons";
import { Area, AreaChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatWon } from "@sunap/core";
import { trpc } from "../../api/trpc.ts";
import { useApiQuery, type Locale } from "@sunap/admin-kit";
import { useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

/** Axis ticks only: a compact label (만원 / M). Figures people read use formatWon on the bigint. */
function compactWon(value: number, locale: Locale): string {
  if (value === 0) return "0";
  if (locale === "ko") return value >= 100_000_000 ? `${(value / 100_000_000).toLocaleString("ko-KR", { maximumFractionDigits: 1 })}억` : `${Math.round(value / 10_000).toLocaleString("ko-KR")}만`;
  return value >= 1_000_000 ? `₩${(value / 1_000_000).toLocaleString("en-US", { maximumFractionDigits: 1 })}M` : `₩${Math.round(value / 1_000).toLocaleString("en-US")}k`;
}

function StatCard({ title, value, suffix, icon, color, testId }: { title: string; value: string | number; suffix?: string; icon: ReactNode; color: string; testId: string }) {
  return (
    <Card data-testid={testId} styles={{ body: { padding: 20 } }}>
      <Flex justify="space-between" align="flex-start">
        <Statistic title={title} value={value} suffix={suffix} valueStyle={{ fontVariantNumeric: "tabular-nums", fontWeight: 600 }} />
        <Flex align="center" justify="center" style={{ width: 44, height: 44, borderRadius: 12, background: `${color}1a`, color, fontSize: 22 }}>
          {icon}
        </Flex>
      </Flex>
    </Card>
  );
}

export function DashboardPage() {
  const { t, locale } = useLocale();
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const summary = useApiQuery(["dashboard.summary"], () => trpc.dashboard.summary.query());
  const data = summary.data;
  const scoped = me?.user?.role === "store_owner";

  // Recharts plots numbers; the bigint stays in each point for the tooltip text.
  const points = (data?.receivablesHistory ?? []).map((p) => ({ month: p.asOf.slice(0, 7), asOf: p.asOf, value: Number(p.receivablesWon), amountWon: p.receivablesWon }));
  const hasHistory = points.some((p) => p.amountWon !== 0n);

  return (
    <Flex vertical gap={24}>
      <Flex justify="space-between" align="flex-end" wrap="wrap" gap={8}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("dashboard.welcome", { org: me?.organization?.legalName ?? t("app.name") })}
          </Typography.Title>
          <Typography.Text type="secondary">{t("dashboard.asOf", { date: data?.today ?? me?.today ?? "" })}</Typography.Text>
        </div>
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} sm={12} xl={6}>
          {data ? (
            <StatCard testId="stat-stores" title={t(scoped ? "dashboard.storesScoped" : "dashboard.stores")} value={data.stores} suffix={t("dashboard.storesUnit")} icon={<ShopOutlined />} color="#1f4fd1" />
          ) : (
            <Card><Skeleton active paragraph={{ rows: 1 }} /></Card>
          )}
        </Col>
        {(data?.users ?? null) !== null || !data ? (
          <Col xs={24} sm={12} xl={6}>
            {data ? (
              <StatCard testId="stat-users" title={t("dashboard.users")} value={data.users ?? 0} suffix={t("dashboard.usersUnit")} icon={<TeamOutlined />} color="#13a8a8" />
            ) : (
              <Card><Skeleton active paragraph={{ rows: 1 }} /></Card>
            )}
          </Col>
        ) : null}
        <Col xs={24} sm={12} xl={6}>
          {data ? (
            <StatCard testId="stat-receivables" title={t("dashboard.receivables")} value={formatWon(data.openReceivablesWon, locale)} icon={<WalletOutlined />} color="#d4380d" />
          ) : (
            <Card><Skeleton active paragraph={{ rows: 1 }} /></Card>
          )}
        </Col>
        <Col xs={24} sm={12} xl={6}>
          {data ? (
            <StatCard testId="stat-entries" title={t("dashboard.entriesThisMonth")} value={data.entriesThisMonth} suffix={t("dashboard.entriesUnit")} icon={<BookOutlined />} color="#722ed1" />
          ) : (
            <Card><Skeleton active paragraph={{ rows: 1 }} /></Card>
          )}
        </Col>
      </Row>
      <Card title={t("dashboard.chartTitle")} data-testid="receivables-chart">
        {!data ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : !hasHistory ? (
          <Empty description={t("dashboard.chartEmpty")} />
        ) : (
          <div style={{ width: "100%", height: 320 }}>
            <ResponsiveContainer>
              <AreaChart data={points} margin={{ top: 8, right: 32, bottom: 0, left: 8 }}>
                <defs>
                  <linearGradient id="receivablesFill" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0%" stopColor={token.colorPrimary} stopOpacity={0.35} />
                    <stop offset="100%" stopColor={token.colorPrimary} stopOpacity={0.02} />
                  </linearGradient>
                </defs>
                <CartesianGrid strokeDasharray="3 3" vertical={false} stroke={token.colorBorderSecondary} />
                <XAxis dataKey="month" tick={{ fontSize: 12 }} tickLine={false} axisLine={{ stroke: token.colorBorder }} />
                <YAxis tickFormatter={(v: number) => compactWon(v, locale)} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} width={64} />
                <Tooltip
                  formatter={(_value, _name, item) => [formatWon((item.payload as { amountWon: bigint }).amountWon, locale), t("dashboard.chartSeries")]}
                  labelFormatter={(_label, payload) => (payload?.[0]?.payload as { asOf?: string } | undefined)?.asOf ?? ""}
                />
                <Area type="monotone" dataKey="value" name={t("dashboard.chartSeries")} stroke={token.colorPrimary} strokeWidth={2} fill="url(#receivablesFill)" dot={{ r: 3 }} activeDot={{ r: 5 }} isAnimationActive={false} />
              </AreaChart>
            </ResponsiveContainer>
          </div>
        )}
      </Card>
    </Flex>
  );
}
