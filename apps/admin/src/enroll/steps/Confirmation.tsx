import type { Receipt } from "../api.ts";
import { useLocale, type MessageKey } from "../i18n.ts";
import { formatDateTime, selfServicePath } from "../format.ts";

interface Props {
  mode: "enroll" | "change";
  receipt: Receipt;
  bankName: string;
  scheduleText: string | null;
}

/** What the payer keeps: the receipt, the masked account, and what happens next. */
export function Confirmation({ mode, receipt, bankName, scheduleText }: Props) {
  const { t, locale } = useLocale();
  const status = receipt.registrationStatus ? t(`status.${receipt.registrationStatus}` as MessageKey) : t("status.pending");
  return (
    <section className="step" aria-labelledby="done-title" data-testid="confirmation">
      <div className="card done">
        <div className="done-icon" aria-hidden="true">
          ✓
        </div>
        <h2 className="done-title" id="done-title">
          {t(mode === "change" ? "done.titleChange" : "done.title")}
        </h2>
        <dl className="summary">
          <div>
            <dt>{t("done.receipt")}</dt>
            <dd data-testid="receipt-number">
              <strong>{String(receipt.consentId).padStart(6, "0")}</strong>
            </dd>
          </div>
          <div>
            <dt>{t("done.payerCode")}</dt>
            <dd data-testid="receipt-payer-code">{receipt.payerCode}</dd>
          </div>
          <div>
            <dt>{t("done.account")}</dt>
            <dd data-testid="receipt-account">
              {bankName} {receipt.accountMasked}
            </dd>
          </div>
          <div>
            <dt>{t("done.agreedAt")}</dt>
            <dd>{formatDateTime(receipt.agreedAt, locale)}</dd>
          </div>
          <div>
            <dt>{t("done.status")}</dt>
            <dd>
              <span className="badge badge-wait">{status}</span>
            </dd>
          </div>
        </dl>
      </div>
      <div className="card">
        <h3 className="card-title">{t("done.next")}</h3>
        <ol className="next-steps">
          <li>{t("done.next1")}</li>
          <li>{t("done.next2")}</li>
          <li>{mode === "change" ? t("done.nextChange") : scheduleText ? t("done.next3", { schedule: scheduleText }) : t("done.next3NoSchedule")}</li>
          <li>{t("done.next4")}</li>
        </ol>
        {receipt.managePath && (
          <a className="button button-secondary" href={selfServicePath(receipt.managePath)}>
            {t("done.manage")}
          </a>
        )}
        <p className="note">{t("done.close")}</p>
      </div>
    </section>
  );
}
