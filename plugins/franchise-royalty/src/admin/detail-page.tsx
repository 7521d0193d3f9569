import { useState } from "react";
import { Link, useParams } from "react-router";
import { Button, Card, Descriptions, Space } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { formatWon } from "@sunap/core";
import { ChargePreviewTable, ContractSummary, useApiQuery, useContract, useContractPreview, useKitTranslate, useLocale } from "@sunap/admin-kit";
import { formatRate } from "../billing/royalty-rate.ts";
import type { RoyaltyTerms } from "../billing/terms.ts";
import { royaltyClient } from "./client.ts";
import { RoyaltyInvoicesTable } from "./invoice-tables.tsx";
import { PATHS } from "./paths.ts";
import { strings } from "./strings.ts";
import { useHasPermission } from "./use-permission.ts";

/** One store's royalty terms: the contract, its rate and fees, the next invoices and those issued, each month's statement a click away. */
export function RoyaltyContractDetailPage() {
  const t = useKitTranslate(strings);
  const locale = useLocale();
  const id = Number(useParams().id);
  const contract = useContract(id);
  const preview = useContractPreview(id, 3);
  const canWrite = useHasPermission("contract.write");
  const [page, setPage] = useState(1);
  const invoices = useApiQuery(["royalty", "invoices", id, page], () => royaltyClient.contracts.invoices.query({ contractId: id, pagination: { current: page, pageSize: 12 } }), { enabled: id > 0, keepPrevious: true });
  const terms = contract.data && !contract.data.termsProblem ? (contract.data.terms as RoyaltyTerms) : null;
  const storeId = contract.data?.storeId ?? undefined;

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <ContractSummary
        contractId={id}
        extra={
          canWrite && contract.data?.status === "active" ? (
            <Link to={PATHS.edit(id)}>
              <Button icon={<EditOutlined />}>{t("contracts.edit")}</Button>
            </Link>
          ) : null
        }
      >
        {terms && (
          <>
            <Descriptions.Item label={t("terms.royalty")} span={2}>
              {terms.royalty.kind === "flat"
                ? formatRate(terms.royalty.rateBp)
                : `${terms.royalty.mode === "whole" ? t("terms.whole") : t("terms.marginal")}: ${terms.royalty.tiers.map((tier) => `${formatWon(tier.fromWon, locale)}~ ${formatRate(tier.rateBp)}`).join(", ")}`}
            </Descriptions.Item>
            <Descriptions.Item label={t("terms.minimum")}>{formatWon(terms.minimumRoyaltyWon, locale)}</Descriptions.Item>
            <Descriptions.Item label={t("terms.fixedFees")} span={2}>
              {terms.fixedFees.length === 0 ? "—" : terms.fixedFees.map((f) => `${f.name[locale]} ${formatWon(f.amountWon, locale)}`).join(", ")}
            </Descriptions.Item>
            <Descriptions.Item label={t("terms.reportDueDay")}>{t("terms.reportDueDayValue", { day: terms.reportDueDay })}</Descriptions.Item>
            <Descriptions.Item label={t("terms.firstMonth")}>{terms.firstMonth}</Descriptions.Item>
          </>
        )}
      </ContractSummary>
      <Card size="small" title={t("contracts.previewTitle")}>
        <ChargePreviewTable periods={preview.data} loading={preview.isLoading} />
      </Card>
      <Card size="small" title={t("invoices.title")} extra={storeId && <Link to={PATHS.statement(storeId)}>{t("statement.open")}</Link>}>
        <RoyaltyInvoicesTable
          testId="royalty-invoices"
          invoices={invoices.data?.data ?? []}
          loading={invoices.isLoading}
          pagination={{ current: page, pageSize: 12, total: invoices.data?.total ?? 0, onChange: setPage }}
        />
      </Card>
    </Space>
  );
}
