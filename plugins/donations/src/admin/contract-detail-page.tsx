import { useParams, useNavigate } from "react-router";
import { Alert, Button, Card, Col, Descriptions, Row, Space, Typography } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { ChargePreviewTable, ContractInvoices, ContractSummary, Money, useApiQuery, useBusinessToday, useContract, useContractPreview, useFormatWon, useKitTranslate, type KitTranslate } from "@sunap/admin-kit";
import type { DonationTerms, PledgeTerms } from "../billing-rules.ts";
import { pledgeAmountOn } from "../billing/pledge-billing.ts";
import { pledgeStatusOn } from "../billing/pledge-changes.ts";
import { donationsClient, paths } from "./client.ts";
import { PledgeStateTag } from "./labels.tsx";
import { PledgeActions } from "./pledge-actions.tsx";
import { strings, type StringKey } from "./strings.ts";
import { TaxConsentPanel } from "./tax-consent-panel.tsx";

/** A pledge or gift: the core's summary with the donation's terms, its changes, the next collections and the donor's panels. */
export function DonationContractDetailPage() {
  const t = useKitTranslate(strings);
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const formatWon = useFormatWon();
  const contract = useContract(id);
  const today = useBusinessToday();
  const preview = useContractPreview(contract.data?.status === "active" ? id : undefined, 6);
  const terms = contract.data?.terms as DonationTerms | undefined;
  const active = contract.data?.status === "active";

  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      <ContractSummary
        contractId={id}
        extra={
          active && (
            <Button icon={<EditOutlined />} onClick={() => navigate(paths.edit(id))} data-testid="donation-edit">
              {t("detail.edit")}
            </Button>
          )
        }
      >
        {terms && termsItems(terms, today, t, formatWon)}
      </ContractSummary>
      {terms?.kind === "pledge" && active && today && contract.data && (
        <Card size="small">
          <PledgeActions contractId={id} version={contract.data.version} pledge={terms} today={today} onChanged={() => void contract.refetch()} />
        </Card>
      )}
      {active && (
        <Card size="small" title={t("detail.upcoming")}>
          <Typography.Paragraph type="secondary">{t("detail.noProration")}</Typography.Paragraph>
          <ChargePreviewTable periods={preview.data} loading={preview.isLoading} />
        </Card>
      )}
      <Card size="small" title={t("detail.invoices")}>
        <ContractInvoices contractId={id} />
      </Card>
      {contract.data && (
        <Row gutter={16}>
          <Col xs={24} lg={12}>
            <DonorPanel payerId={contract.data.payerId} />
          </Col>
          <Col xs={24} lg={12}>
            <TaxConsentPanel payerId={contract.data.payerId} />
          </Col>
        </Row>
      )}
      {contract.error && <Alert type="error" showIcon message={contract.error.message} />}
    </Space>
  );
}

/**
 * The donation's rows of the summary. A plain function, not a component: antd's Descriptions
 * only lays out items that are its direct children.
 */
function termsItems(terms: DonationTerms, today: string | undefined, t: KitTranslate<StringKey>, formatWon: (amountWon: bigint) => string) {
  const tag = [terms.campaign, terms.fund].map((v) => v || "—").join(" / ");
  if (terms.kind === "gift") {
    return [
      <Descriptions.Item key="gift" label={t("detail.gift")}>
        <Money amountWon={terms.amountWon} strong /> · {terms.on}
      </Descriptions.Item>,
      <Descriptions.Item key="tag" label={t("detail.campaignFund")}>{tag}</Descriptions.Item>,
      terms.note ? <Descriptions.Item key="note" label={t("form.note")}>{terms.note}</Descriptions.Item> : null,
    ];
  }
  const pledge: PledgeTerms = terms;
  return [
    <Descriptions.Item key="state" label={t("detail.state")}>{today && <PledgeStateTag status={pledgeStatusOn(pledge, today)} />}</Descriptions.Item>,
    <Descriptions.Item key="monthly" label={t("detail.monthly")}>
      <Money amountWon={pledgeAmountOn(pledge, today ?? pledge.startOn)} strong />
    </Descriptions.Item>,
    <Descriptions.Item key="day" label={t("detail.day")}>{t("detail.dayValue", { day: pledge.dayOfMonth })}</Descriptions.Item>,
    <Descriptions.Item key="tag" label={t("detail.campaignFund")}>{tag}</Descriptions.Item>,
    <Descriptions.Item key="pauses" label={t("detail.pauses")}>
      <span data-testid="pledge-pauses">
        {pledge.pauses.length ? pledge.pauses.map((p) => (p.until ? t("detail.pauseRange", { from: p.from, until: p.until }) : t("detail.pauseOpen", { from: p.from }))).join(", ") : t("common.none")}
      </span>
    </Descriptions.Item>,
    <Descriptions.Item key="changes" label={t("detail.amountChanges")}>
      <span data-testid="pledge-amount-changes">
        {pledge.amountChanges.length ? pledge.amountChanges.map((c) => t("detail.amountChange", { on: c.effectiveOn, amount: formatWon(c.monthlyAmountWon) })).join(", ") : t("common.none")}
      </span>
    </Descriptions.Item>,
    pledge.cancelledOn ? <Descriptions.Item key="cancelled" label={t("detail.cancelledOn")}>{pledge.cancelledOn}</Descriptions.Item> : null,
  ];
}

function DonorPanel({ payerId }: { payerId: number }) {
  const t = useKitTranslate(strings);
  const summary = useApiQuery(["donations", "donor", payerId], () => donationsClient.donors.summary.query({ payerId }));
  const s = summary.data;
  return (
    <Card size="small" title={t("donor.title")} loading={summary.isLoading} data-testid="donor-summary">
      {s && (
        <Descriptions size="small" column={1}>
          <Descriptions.Item label={t("donor.collectedThisYear", { year: s.year })}>
            <Money amountWon={s.collectedThisYearWon} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t("donor.collectedLastYear")}>
            <Money amountWon={s.collectedLastYearWon} />
          </Descriptions.Item>
          <Descriptions.Item label={t("donor.thankYou")}>{s.thankYou ? t("donor.thankYouSent", { status: s.thankYou.status }) : t("donor.thankYouNone")}</Descriptions.Item>
        </Descriptions>
      )}
    </Card>
  );
}
