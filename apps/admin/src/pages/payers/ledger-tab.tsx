import { Flex, Statistic, Table, Typography } from "antd";
import { ShowButton, useTable } from "@refinedev/antd";
import { useTranslate, type HttpError } from "@refinedev/core";
import type { LedgerEntryRow } from "../../api/types.ts";
import { trpc } from "../../api/trpc.ts";
import { useApiQuery, Money, useFormatWon } from "@sunap/admin-kit";
import { KindTag } from "../ledger/list.tsx";
import { useAccounts } from "../ledger/lookups.ts";

/** The journal entries that name this payer (ledger.entries filtered by payerId) and its receivables balance today. */
export function PayerLedger({ payerId }: { payerId: number }) {
  const t = useTranslate();
  const format = useFormatWon();
  const accounts = useAccounts();
  const balance = useApiQuery(["ledger.balance", "payer", payerId], () => trpc.ledger.balance.query({ payerId, accountCode: "receivables" }));
  const { tableProps } = useTable<LedgerEntryRow, HttpError>({
    resource: "ledger",
    sorters: { initial: [{ field: "effectiveOn", order: "desc" }] },
    filters: { permanent: [{ field: "payerId", operator: "eq", value: payerId }] },
    pagination: { pageSize: 10 },
    syncWithLocation: false,
  });
  const payerAmount = (entry: LedgerEntryRow) => entry.lines.filter((l) => l.payerId === payerId).reduce((sum, l) => sum + l.amountWon, 0n);
  return (
    <Flex vertical gap={16}>
      <Statistic
        title={t("payers.receivables")}
        value={balance.data ? format(balance.data.balanceWon) : "—"}
        loading={balance.isPending}
        valueStyle={{ fontVariantNumeric: "tabular-nums" }}
      />
      <Table<LedgerEntryRow> {...tableProps} rowKey="id" size="small" data-testid="payer-ledger-table" locale={{ emptyText: t("payers.ledgerEmpty") }} pagination={{ ...tableProps.pagination, showTotal: (total) => t("app.total", { total }) }}>
        <Table.Column dataIndex="id" title={t("ledger.fields.id")} render={(id: number) => <Typography.Text strong>#{id}</Typography.Text>} />
        <Table.Column dataIndex="effectiveOn" title={t("ledger.fields.effectiveOn")} className="nowrap" />
        <Table.Column dataIndex="kind" title={t("ledger.fields.kind")} render={(kind: string) => <KindTag kind={kind} />} />
        <Table.Column dataIndex="memo" title={t("ledger.fields.memo")} ellipsis />
        <Table.Column<LedgerEntryRow>
          key="accounts"
          title={t("ledger.fields.lines")}
          render={(_, e) => (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[...new Set(e.lines.filter((l) => l.payerId === payerId).map((l) => accounts.nameOf(l.accountCode)))].join(" · ")}
            </Typography.Text>
          )}
        />
        <Table.Column<LedgerEntryRow> key="amount" title={t("ledger.fields.debitWon")} align="right" render={(_, e) => <Money amountWon={payerAmount(e)} />} />
        <Table.Column<LedgerEntryRow> key="actions" render={(_, e) => <ShowButton hideText size="small" resource="ledger" recordItemId={e.id} />} />
      </Table>
    </Flex>
  );
}
