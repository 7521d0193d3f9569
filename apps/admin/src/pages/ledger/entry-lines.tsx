import { Table, Typography } from "antd";
import { useTranslate } from "@refinedev/core";
import type { LedgerEntryRow } from "../../api/types.ts";
import { SideAmount, useFormatWon } from "@sunap/admin-kit";

type Line = LedgerEntryRow["lines"][number];

/** An entry's lines with debit and credit columns (signed amounts: debit positive). */
export function EntryLines({ lines, accountName, storeName }: { lines: Line[]; accountName: (code: string) => string; storeName: (id: number | null) => string | null }) {
  const t = useTranslate();
  const format = useFormatWon();
  const debit = lines.reduce((s, l) => (l.amountWon > 0n ? s + l.amountWon : s), 0n);
  const credit = lines.reduce((s, l) => (l.amountWon < 0n ? s - l.amountWon : s), 0n);
  return (
    <Table<Line>
      size="small"
      rowKey="id"
      dataSource={lines}
      pagination={false}
      bordered
      data-testid="entry-lines"
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={2}>
            <Typography.Text strong>{t("ledger.accounts.totals")}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} align="right">
            <Typography.Text strong>{format(debit)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <Typography.Text strong>{format(credit)}</Typography.Text>
          </Table.Summary.Cell>
        </Table.Summary.Row>
      )}
    >
      <Table.Column<Line>
        key="account"
        title={t("ledger.fields.account")}
        render={(_, line) => (
          <span>
            {accountName(line.accountCode)} <Typography.Text type="secondary">({line.accountCode})</Typography.Text>
          </span>
        )}
      />
      <Table.Column<Line> key="store" title={t("ledger.fields.store")} render={(_, line) => storeName(line.storeId) ?? <Typography.Text type="secondary">—</Typography.Text>} />
      <Table.Column<Line> key="debit" title={t("ledger.fields.debit")} align="right" width={160} render={(_, line) => <SideAmount amountWon={line.amountWon} side="debit" />} />
      <Table.Column<Line> key="credit" title={t("ledger.fields.credit")} align="right" width={160} render={(_, line) => <SideAmount amountWon={line.amountWon} side="credit" />} />
    </Table>
  );
}
