import { useState } from "react";
import { Card, DatePicker, Flex, Space, Table, Tag, Typography } from "antd";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import dayjs from "dayjs";
import { trpc } from "../../api/trpc.ts";
import { useApiQuery, SideAmount, useFormatWon } from "@sunap/admin-kit";
import type { LedgerAccount } from "../../api/types.ts";
import { useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import { adminPlugins } from "../../plugins.ts";
import { LedgerTabs } from "./tabs.tsx";

const TYPE_COLORS: Record<string, string> = { asset: "blue", liability: "orange", equity: "purple", revenue: "green", expense: "red" };

/** The chart of accounts with each balance as of a chosen date, and the trial balance's check. */
export function LedgerAccounts() {
  const t = useTranslate();
  const { locale } = useLocale();
  const format = useFormatWon();
  const { data: me } = useMe();
  const [asOf, setAsOf] = useState<string | undefined>(undefined);
  const accounts = useApiQuery(["ledger.accounts", asOf ?? "today"], () => trpc.ledger.accounts.query({ asOf }), { keepPrevious: true });
  const trial = useApiQuery(["ledger.trialBalance", asOf ?? "today"], () => trpc.ledger.trialBalance.query({ asOf }), { keepPrevious: true });
  const rows = accounts.data?.data ?? [];
  const debitTotal = rows.reduce((s, a) => (a.balanceWon > 0n ? s + a.balanceWon : s), 0n);
  const creditTotal = rows.reduce((s, a) => (a.balanceWon < 0n ? s - a.balanceWon : s), 0n);
  const pluginName = (id: string | null) => {
    if (!id) return <Typography.Text type="secondary">{t("ledger.accounts.core")}</Typography.Text>;
    const plugin = adminPlugins.find((p) => p.manifest.id === id);
    return <Tag>{plugin ? plugin.manifest.name[locale] : id}</Tag>;
  };
  const shownAsOf = accounts.data?.asOf ?? asOf ?? me?.today;

  return (
    <List title={t("ledger.titles.list")} headerButtons={() => null}>
      <LedgerTabs />
      <Flex justify="space-between" align="center" wrap="wrap" gap={12} style={{ marginBottom: 16 }}>
        <Space>
          <Typography.Text>{t("ledger.accounts.asOf")}</Typography.Text>
          <DatePicker
            value={shownAsOf ? dayjs(shownAsOf) : null}
            format="YYYY-MM-DD"
            allowClear={false}
            onChange={(value) => setAsOf(value ? value.format("YYYY-MM-DD") : undefined)}
            data-testid="accounts-as-of"
          />
        </Space>
        {trial.data && (
          <Card size="small" data-testid="trial-balance">
            <Space size="large">
              <Typography.Text strong>{t("ledger.accounts.trialBalance")}</Typography.Text>
              <span>
                {t("ledger.fields.debit")} {format(debitTotal)}
              </span>
              <span>
                {t("ledger.fields.credit")} {format(creditTotal)}
              </span>
              {trial.data.totalWon === 0n ? (
                <Tag color="green">{t("ledger.accounts.balanced")}</Tag>
              ) : (
                <Tag color="red">{t("ledger.accounts.unbalanced", { difference: format(trial.data.totalWon) })}</Tag>
              )}
            </Space>
          </Card>
        )}
      </Flex>
      <Table<LedgerAccount>
        rowKey="code"
        size="middle"
        loading={accounts.isFetching}
        dataSource={rows}
        pagination={false}
        data-testid="accounts-table"
        locale={{ emptyText: t("app.empty") }}
        summary={() => (
          <Table.Summary fixed>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={4}>
                <Typography.Text strong>{t("ledger.accounts.totals")}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Typography.Text strong>{format(debitTotal)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Typography.Text strong>{format(creditTotal)}</Typography.Text>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        )}
      >
        <Table.Column<LedgerAccount> dataIndex="code" title={t("ledger.accounts.code")} render={(code: string) => <Typography.Text code>{code}</Typography.Text>} />
        <Table.Column<LedgerAccount> key="name" title={t("ledger.accounts.name")} render={(_, a) => (locale === "en" ? a.nameEn : a.nameKo)} />
        <Table.Column<LedgerAccount> dataIndex="type" title={t("ledger.accounts.type")} render={(type: string) => <Tag color={TYPE_COLORS[type]}>{t(`ledger.types.${type}`)}</Tag>} />
        <Table.Column<LedgerAccount> dataIndex="pluginId" title={t("ledger.accounts.plugin")} render={(id: string | null) => pluginName(id)} />
        <Table.Column<LedgerAccount> key="debit" title={t("ledger.accounts.debitBalance")} align="right" render={(_, a) => <SideAmount amountWon={a.balanceWon} side="debit" />} />
        <Table.Column<LedgerAccount> key="credit" title={t("ledger.accounts.creditBalance")} align="right" render={(_, a) => <SideAmount amountWon={a.balanceWon} side="credit" />} />
      </Table>
    </List>
  );
}
