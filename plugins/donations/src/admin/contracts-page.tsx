import { Space } from "antd";
import type { ColumnsType } from "antd/es/table";
import { ContractList, Money, useBusinessToday, useKitTranslate, type ContractRow } from "@sunap/admin-kit";
import type { DonationTerms } from "../billing-rules.ts";
import { pledgeStatusOn } from "../billing/pledge-changes.ts";
import { paths, PLUGIN_ID } from "./client.ts";
import { PledgeStateTag } from "./labels.tsx";
import { strings } from "./strings.ts";

/** Pledges and one-off gifts: the core's contract list with the donation's kind, amount and state. */
export function DonationContractsPage() {
  const t = useKitTranslate(strings);
  const today = useBusinessToday();
  const columns: ColumnsType<ContractRow> = [
    { key: "kind", title: t("list.kind"), render: (_, row) => t((row.terms as DonationTerms).kind === "gift" ? "kind.gift" : "kind.pledge") },
    {
      key: "amount",
      title: t("list.amount"),
      align: "right",
      render: (_, row) => {
        const terms = row.terms as DonationTerms;
        return <Money amountWon={terms.kind === "gift" ? terms.amountWon : terms.monthlyAmountWon} />;
      },
    },
    {
      key: "state",
      title: t("list.state"),
      render: (_, row) => {
        const terms = row.terms as DonationTerms;
        return terms.kind === "pledge" && today ? <PledgeStateTag status={pledgeStatusOn(terms, today)} /> : null;
      },
    },
  ];
  return (
    <Space direction="vertical" style={{ width: "100%" }}>
      <ContractList pluginId={PLUGIN_ID} title={t("list.title")} createPath={paths.create} extraColumns={columns} />
    </Space>
  );
}
