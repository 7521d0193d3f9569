import type { ReactNode } from "react";
import { Alert, Card, Descriptions, Skeleton, Space, Typography } from "antd";
import { Link } from "react-router";
import { formatTimestamp } from "../format/dates.ts";
import { Money } from "../format/money.tsx";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import { ContractStatusTag } from "./contract-status-tag.tsx";
import { EndContractButton } from "./end-contract-button.tsx";
import { useContract, useContractPreview } from "./use-contract.ts";

export interface ContractSummaryProps {
  contractId: number;
  /** The plugin's buttons (edit, its own actions), shown beside "end contract". */
  extra?: ReactNode;
  /** Hide the end button (a plugin that ends contracts its own way, or a read-only user). */
  hideEnd?: boolean;
  /** More rows of the plugin's own (plan, rate, …). */
  children?: ReactNode;
}

/** The contract header: title, payer, store, status, dates and the next invoice the engine would issue. */
export function ContractSummary({ contractId, extra, hideEnd, children }: ContractSummaryProps) {
  const t = useKitTranslate(kitStrings);
  const contract = useContract(contractId);
  const active = contract.data?.status === "active";
  const preview = useContractPreview(active ? contractId : undefined, 1);
  if (contract.isLoading) return <Card><Skeleton active /></Card>;
  if (contract.error || !contract.data) return <Alert type="error" showIcon message={contract.error?.message ?? t("contracts.notFound")} />;
  const c = contract.data;
  const next = preview.data?.[0];
  return (
    <Card
      data-testid="contract-summary"
      title={
        <Space>
          <span>#{c.id}</span>
          <span>{c.title}</span>
          <ContractStatusTag status={c.status} />
        </Space>
      }
      extra={
        <Space>
          {extra}
          {!hideEnd && <EndContractButton contractId={c.id} status={c.status} onEnded={() => void contract.refetch()} />}
        </Space>
      }
    >
      {c.termsProblem && <Alert type="warning" showIcon message={c.termsProblem} style={{ marginBottom: 12 }} />}
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} bordered>
        <Descriptions.Item label={t("contracts.fields.payer")}>
          <Link to={`/payers/show/${c.payer.id}`} data-testid="contract-payer">
            {c.payer.name}
          </Link>{" "}
          <Typography.Text type="secondary">{c.payer.payerCode}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t("contracts.fields.store")}>{c.store ? `${c.store.code} · ${c.store.name}` : "—"}</Descriptions.Item>
        <Descriptions.Item label={t("contracts.fields.status")}>
          <ContractStatusTag status={c.status} />
        </Descriptions.Item>
        <Descriptions.Item label={t("contracts.fields.startsOn")}>{c.startsOn}</Descriptions.Item>
        <Descriptions.Item label={t("contracts.fields.endedOn")}>{c.endedOn ?? "—"}</Descriptions.Item>
        <Descriptions.Item label={t("contracts.fields.nextIssueOn")}>
          <span data-testid="contract-next-issue">
            {next ? (
              <Space size={4} wrap>
                <span>{next.issueOn}</span>
                <Typography.Text type="secondary">
                  ({next.start} ~ {next.end})
                </Typography.Text>
                <Money amountWon={next.totalWon} strong />
              </Space>
            ) : (
              (c.nextIssueOn ?? "—")
            )}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t("contracts.fields.createdAt")}>{formatTimestamp(c.createdAt)}</Descriptions.Item>
        {children}
      </Descriptions>
    </Card>
  );
}
