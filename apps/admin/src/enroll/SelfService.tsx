import { useState, type FormEvent } from "react";
import { api, failureOf, type EnrollPage, type Failure, type Withdrawal } from "./api.ts";
import { Alert, Field, fieldAria } from "./components/Field.tsx";
import { EnrollFlow } from "./EnrollFlow.tsx";
import { CODE_VALID_MS, deadlineFrom, formatDate } from "./format.ts";
import { useLocale, type MessageKey } from "./i18n.ts";
import { OtpStep, type Challenge } from "./steps/OtpStep.tsx";
import { bankName } from "./validation.ts";

interface Props {
  token: string;
  page: EnrollPage;
  idempotencyKey: string;
  onLinkProblem: (failure: Failure) => void;
  onReload: () => Promise<void>;
}

type View = "overview" | "change" | "withdraw";

/** The payer's own page from any message (a manage link): change the account, or withdraw the consent. */
export function SelfService({ token, page, idempotencyKey, onLinkProblem, onReload }: Props) {
  const { t, locale } = useLocale();
  const [view, setView] = useState<View>("overview");
  const inProgress = page.consents.some((c) => c.registrationStatus === "pending" || c.registrationStatus === "submitted");
  const bankOf = (code: string) => {
    const bank = page.banks.find((b) => b.code === code);
    return bank ? bankName(bank, locale) : code;
  };

  if (view === "change") {
    return <EnrollFlow mode="change" token={token} page={page} idempotencyKey={idempotencyKey} onLinkProblem={onLinkProblem} onReload={onReload} onCancel={() => setView("overview")} />;
  }
  if (view === "withdraw") {
    return <WithdrawFlow token={token} page={page} bankOf={bankOf} onLinkProblem={onLinkProblem} onCancel={() => setView("overview")} />;
  }
  return (
    <section className="step" aria-labelledby="manage-title">
      <div className="card">
        <h2 className="card-title" id="manage-title">
          {t("manage.hello", { name: page.prefill.name ?? "" })}
        </h2>
        <p>{t("manage.intro", { creditor: page.creditor.legalName })}</p>
        {page.prefill.phoneMasked && <p className="note">{t("manage.phone", { phone: page.prefill.phoneMasked })}</p>}
      </div>
      <div className="card">
        <h3 className="card-title">{t("manage.consents")}</h3>
        {page.consents.length === 0 ? (
          <p data-testid="no-consent">{t("manage.none")}</p>
        ) : (
          <ul className="consents" data-testid="consents">
            {page.consents.map((consent) => (
              <li key={consent.id} className="consent">
                <div>
                  <strong>{bankOf(consent.bankCode)}</strong> <span className="mono">{consent.accountMasked}</span>
                </div>
                <div className="consent-meta">
                  <span className={`badge ${consent.registrationStatus === "registered" ? "badge-ok" : "badge-wait"}`}>{t(`status.${consent.registrationStatus}` as MessageKey)}</span>
                  <span>{t("manage.agreedOn", { date: formatDate(consent.agreedAt, locale) })}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
      </div>
      {page.consents.length > 0 && (
        <div className="actions">
          {inProgress && <p className="note">{t("manage.changePending")}</p>}
          <button type="button" className="button button-primary" disabled={inProgress} onClick={() => setView("change")} data-testid="manage-change">
            {t("manage.change")}
          </button>
          <button type="button" className="button button-danger" onClick={() => setView("withdraw")} data-testid="manage-withdraw">
            {t("manage.withdraw")}
          </button>
        </div>
      )}
    </section>
  );
}

interface WithdrawProps {
  token: string;
  page: EnrollPage;
  bankOf: (code: string) => string;
  onLinkProblem: (failure: Failure) => void;
  onCancel: () => void;
}

/** 출금동의 해지: a code to the registered phone, then the confirmation with an optional reason. */
function WithdrawFlow({ token, page, bankOf, onLinkProblem, onCancel }: WithdrawProps) {
  const { t, locale } = useLocale();
  const [challenge, setChallenge] = useState<Challenge | null>(null);
  const [proof, setProof] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | undefined>(undefined);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState<"send" | "verify" | "withdraw" | null>(null);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<Withdrawal | null>(null);

  const attempt = async <T,>(kind: "send" | "verify" | "withdraw", call: () => Promise<T>): Promise<T | Failure> => {
    setBusy(kind);
    try {
      return await call();
    } catch (error) {
      const failure = failureOf(error, t("errors.network"));
      if (failure.linkProblem) onLinkProblem(failure);
      return failure;
    } finally {
      setBusy(null);
    }
  };
  const isFailure = (value: unknown): value is Failure => typeof value === "object" && value !== null && "fields" in value && "linkProblem" in value;

  const send = async () => {
    const sent = await attempt("send", () => api.enroll.sendOtp.mutate({ token, locale }));
    if (isFailure(sent)) return setFormError(sent.message);
    setFormError(null);
    setCodeError(undefined);
    setChallenge({ challengeId: sent.challengeId, phoneMasked: sent.phoneMasked, deadline: deadlineFrom(sent.expiresAt, CODE_VALID_MS) });
  };

  const verify = async (code: string) => {
    if (!challenge) return;
    const verified = await attempt("verify", () => api.enroll.verifyOtp.mutate({ token, challengeId: challenge.challengeId, code }));
    if (isFailure(verified)) return setCodeError(verified.fields.code ?? verified.message);
    setProof(verified.otpProof);
    setFormError(null);
  };

  const withdraw = async (event: FormEvent) => {
    event.preventDefault();
    if (!proof || busy) return;
    const done = await attempt("withdraw", () => api.enroll.withdraw.mutate({ token, otpProof: proof, reason: reason.trim() || null, locale }));
    if (isFailure(done)) {
      if ("otp" in done.fields) {
        setProof(null);
        setChallenge(null);
      }
      return setFormError(done.message);
    }
    setResult(done);
  };

  if (result) {
    return (
      <section className="step" aria-labelledby="withdrawn-title" data-testid="withdrawn">
        <div className="card done">
          <div className="done-icon" aria-hidden="true">
            ✓
          </div>
          <h2 className="done-title" id="withdrawn-title">
            {t("withdraw.done")}
          </h2>
          <p>{t("withdraw.doneBody", { date: formatDate(result.withdrawnOn, locale) })}</p>
          <ul className="consents">
            {result.registrations.map((r) => {
              const consent = page.consents.find((c) => c.id === r.consentId);
              const key = `withdraw.result.${r.status}` as MessageKey;
              return (
                <li key={r.registrationId} className="consent">
                  <span>
                    {consent && <strong>{bankOf(consent.bankCode)} </strong>}
                    <span className="mono">{consent?.accountMasked ?? `#${r.registrationId}`}</span>
                  </span>
                  <span className="badge badge-wait">{key in RESULT_KEYS ? t(key) : t(`status.${r.status}` as MessageKey)}</span>
                </li>
              );
            })}
          </ul>
        </div>
      </section>
    );
  }

  if (!proof) {
    return (
      <>
        <OtpStep
          challenge={challenge}
          phoneMasked={page.prefill.phoneMasked}
          errors={codeError ? { code: codeError } : {}}
          formError={formError}
          info={null}
          sending={busy === "send"}
          verifying={busy === "verify"}
          onSend={() => void send()}
          onVerify={(code) => void verify(code)}
        />
        <div className="actions">
          <button type="button" className="button button-link" onClick={onCancel}>
            {t("manage.back")}
          </button>
        </div>
      </>
    );
  }

  return (
    <form className="step" onSubmit={withdraw} noValidate aria-labelledby="withdraw-title">
      <section className="card">
        <h2 className="card-title" id="withdraw-title">
          {t("withdraw.title")}
        </h2>
        {formError && <Alert>{formError}</Alert>}
        <Alert tone="info">{t("withdraw.warning")}</Alert>
        <Field id="reason" label={`${t("withdraw.reason")} (${t("common.optional")})`} hint={t("withdraw.reasonHint")}>
          <textarea {...fieldAria("reason", { hint: true })} className="input textarea" maxLength={500} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </section>
      <div className="actions">
        <button type="submit" className="button button-danger" disabled={busy !== null} aria-busy={busy === "withdraw" || undefined} data-testid="withdraw-submit">
          {busy === "withdraw" ? t("withdraw.submitting") : t("withdraw.submit")}
        </button>
        <button type="button" className="button button-link" onClick={onCancel} disabled={busy !== null}>
          {t("manage.back")}
        </button>
      </div>
    </form>
  );
}

const RESULT_KEYS: Record<string, true> = { "withdraw.result.cancel_requested": true, "withdraw.result.cancelled": true, "withdraw.result.submitted": true };
