import { ContractList, Money, pickLabel, useKitTranslate, useLocale } from "@sunap/admin-kit";
import type { ColumnsType } from "antd/es/table";
import type { LoanContractTerms } from "../loan-contract.ts";
import { REPAYMENT_METHOD_LABELS } from "../loan-terms.ts";
import { loanPaths, PLUGIN_ID } from "./client.ts";
import { strings } from "./strings.ts";

type Row = Parameters<NonNullable<ColumnsType<{ terms: unknown }>[number]["render"]>>[1];

/** The loans: the core's contract list of this plugin, with principal, rate, term and method. */
export function LoansPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const terms = (row: Row) => row.terms as LoanContractTerms;
  const extraColumns: ColumnsType<{ terms: unknown }> = [
    { key: "principal", title: t("loans.principal"), align: "right", render: (_, row) => <Money amountWon={terms(row).principalWon} /> },
    { key: "rate", title: t("loans.rate"), align: "right", render: (_, row) => `${terms(row).annualRatePercent}%` },
    { key: "months", title: t("loans.months"), align: "right", render: (_, row) => terms(row).termMonths },
    { key: "method", title: t("loans.method"), render: (_, row) => pickLabel(REPAYMENT_METHOD_LABELS[terms(row).method], locale) },
  ];
  return <ContractList pluginId={PLUGIN_ID} title={t("loans.title")} createPath={loanPaths.create} detailPath={loanPaths.detail} extraColumns={extraColumns as never} />;
}
