import type { EnrollPage } from "../api.ts";
import { useLocale } from "../i18n.ts";

interface Props {
  page: EnrollPage;
  /** The verified account, once the bank confirmed its holder. */
  account?: { bankName: string; accountMasked: string; holderName: string; verified: boolean } | undefined;
}

/** Who collects, how much, when, and from which account: shown wherever the payer agrees. */
export function DebitSummary({ page, account }: Props) {
  const { t } = useLocale();
  return (
    <dl className="summary" data-testid="debit-summary">
      <div>
        <dt>{t("debit.creditor")}</dt>
        <dd>
          <strong>{page.creditor.legalName}</strong>
          {page.creditor.creditorText && <span className="summary-sub">{page.creditor.creditorText}</span>}
        </dd>
      </div>
      <div>
        <dt>{t("debit.amount")}</dt>
        <dd>{page.debit.amountText ?? t("debit.amountUnset")}</dd>
      </div>
      <div>
        <dt>{t("debit.schedule")}</dt>
        <dd>{page.debit.scheduleText ?? t("debit.scheduleUnset")}</dd>
      </div>
      {account && (
        <div>
          <dt>{t("debit.account")}</dt>
          <dd>
            {account.bankName} {account.accountMasked}
            <span className="summary-sub">
              {account.holderName}
              {account.verified && <span className="badge badge-ok"> ✓ {t("terms.verifiedAccount")}</span>}
            </span>
          </dd>
        </div>
      )}
    </dl>
  );
}
