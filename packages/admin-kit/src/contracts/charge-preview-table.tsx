import { Table, Typography } from "antd";
import { Money } from "../format/money.tsx";
import { useLocale } from "../locale/locale-context.tsx";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import type { PreviewedPeriod } from "./contract-types.ts";

/** Periods the engine would bill, each expandable into its charge lines with their basis (contracts.preview). */
export function ChargePreviewTable({ periods, loading, testId = "charge-preview" }: { periods: readonly PreviewedPeriod[] | undefined; loading?: boolean; testId?: string }) {
  const t = useKitTranslate(kitStrings);
  const locale = useLocale();
  return (
    <Table<PreviewedPeriod>
      size="small"
      rowKey="key"
      data-testid={testId}
      loading={loading}
      dataSource={periods ? [...periods] : []}
      pagination={false}
      locale={{ emptyText: t("table.empty") }}
      scroll={{ x: "max-content" }}
      expandable={{
        expandedRowRender: (period) => (
          <Table
            size="small"
            rowKey={(_, index) => String(index)}
            pagination={false}
            dataSource={period.lines}
            columns={[
              { key: "label", title: t("preview.line"), render: (_, line) => line.label[locale] },
              { key: "basis", title: t("preview.basis"), render: (_, line) => (line.basis ? <Typography.Text type="secondary">{line.basis[locale]}</Typography.Text> : "—") },
              { key: "amount", title: t("invoices.fields.total"), align: "right", render: (_, line) => <Money amountWon={line.amountWon} /> },
            ]}
          />
        ),
      }}
      columns={[
        { key: "period", title: t("invoices.fields.period"), render: (_, p) => `${p.start} ~ ${p.end}` },
        { dataIndex: "issueOn", title: t("invoices.fields.issueOn") },
        { dataIndex: "dueOn", title: t("invoices.fields.dueOn") },
        { key: "total", title: t("invoices.fields.total"), align: "right", render: (_, p) => <Money amountWon={p.totalWon} strong /> },
      ]}
    />
  );
}
