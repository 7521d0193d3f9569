import { Card, Col, Descriptions, Empty, Flex, Row, Skeleton, Table, Tag, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiQuery, SideAmount } from "@sunap/admin-kit";
import type { PluginOverview } from "../../api/types.ts";
import { PluginIcon } from "../../components/plugin-icon.tsx";
import { useLocale } from "../../i18n/locale-context.tsx";
import { QueryError } from "../../components/query-error.tsx";
import type { adminPlugins } from "../../plugins.ts";

type PluginAccount = PluginOverview["accounts"][number];

/** A plugin's manifest (what it does) and the balances of the accounts it posts to, as of today. */
export function PluginOverviewPage({ plugin }: { plugin: (typeof adminPlugins)[number] }) {
  const t = useTranslate();
  const { locale } = useLocale();
  const id = plugin.manifest.id;
  const overview = useApiQuery(["plugins.overview", id], () => trpc.plugins.overview.query({ id }));
  const manifest = overview.data?.manifest ?? plugin.manifest;
  if (overview.error) return <QueryError error={overview.error} />;
  return (
    <Flex vertical gap={16} data-testid={`plugin-overview-${id}`}>
      <Card>
        <Flex gap={16} align="flex-start">
          <Flex align="center" justify="center" style={{ width: 56, height: 56, borderRadius: 14, background: "#1f4fd11a", color: "#1f4fd1", fontSize: 28 }}>
            <PluginIcon name={manifest.icon} />
          </Flex>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t("plugins.title", { name: manifest.name[locale] })}
            </Typography.Title>
            <Typography.Paragraph type="secondary" style={{ margin: "4px 0 0" }}>
              {manifest.description[locale]}
            </Typography.Paragraph>
          </div>
        </Flex>
      </Card>
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card title={t("plugins.accounts")} extra={overview.data ? <Typography.Text type="secondary">{t("plugins.asOf", { date: overview.data.asOf })}</Typography.Text> : null}>
            {overview.isPending ? (
              <Skeleton active />
            ) : (overview.data?.accounts.length ?? 0) === 0 ? (
              <Empty description={t("plugins.noAccounts")} />
            ) : (
              <Table<PluginAccount> rowKey="code" dataSource={overview.data?.accounts ?? []} pagination={false} size="middle">
                <Table.Column<PluginAccount> dataIndex="code" title={t("ledger.accounts.code")} render={(code: string) => <Typography.Text code>{code}</Typography.Text>} />
                <Table.Column<PluginAccount> key="name" title={t("ledger.accounts.name")} render={(_, a) => a.name[locale]} />
                <Table.Column<PluginAccount> dataIndex="type" title={t("ledger.accounts.type")} render={(type: string) => <Tag>{t(`ledger.types.${type}`)}</Tag>} />
                <Table.Column<PluginAccount> key="debit" title={t("ledger.accounts.debitBalance")} align="right" render={(_, a) => <SideAmount amountWon={a.balanceWon} side="debit" />} />
                <Table.Column<PluginAccount> key="credit" title={t("ledger.accounts.creditBalance")} align="right" render={(_, a) => <SideAmount amountWon={a.balanceWon} side="credit" />} />
              </Table>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t("plugins.info")}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="ID">
                <Typography.Text code>{manifest.id}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t("plugins.dimensions")}>
                <Flex gap={4} wrap="wrap">
                  {manifest.reportDimensions.map((d) => (
                    <Tag key={d}>{d}</Tag>
                  ))}
                </Flex>
              </Descriptions.Item>
              {plugin.pages.length > 0 && (
                <Descriptions.Item label={t("plugins.pages")}>{plugin.pages.map((p) => p.label[locale]).join(", ")}</Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
