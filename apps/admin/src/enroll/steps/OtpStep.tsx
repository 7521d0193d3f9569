import { useEffect, useRef, useState, type FormEvent } from "react";
import { Alert, Field, fieldAria } from "../components/Field.tsx";
import { useLocale } from "../i18n.ts";
import type { FieldErrors } from "../validation.ts";

export interface Challenge {
  challengeId: string;
  phoneMasked: string;
  /** When the code stops working, on this device's clock. */
  deadline: number;
}

interface Props {
  challenge: Challenge | null;
  /** The phone the code goes to, before one was sent (a manage link's registered phone). */
  phoneMasked: string | null;
  errors: FieldErrors;
  formError: string | null;
  info: string | null;
  sending: boolean;
  verifying: boolean;
  onSend: () => void;
  onVerify: (code: string) => void;
  onChangePhone?: (() => void) | undefined;
}

function useSecondsLeft(deadline: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (deadline === null) return;
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [deadline]);
  return deadline === null ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}

/** The 6-digit code: a 3-minute countdown, resend (the server limits how often), the server's refusals under the input. */
export function OtpStep({ challenge, phoneMasked, errors, formError, info, sending, verifying, onSend, onVerify, onChangePhone }: Props) {
  const { t } = useLocale();
  const [code, setCode] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const secondsLeft = useSecondsLeft(challenge?.deadline ?? null);
  const expired = challenge !== null && secondsLeft === 0;

  useEffect(() => {
    if (!challenge) return;
    setCode("");
    setLocalError(null);
    input.current?.focus();
  }, [challenge]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) {
      setLocalError(t("check.code"));
      return;
    }
    setLocalError(null);
    onVerify(code);
  };

  const codeError = localError ?? errors.code ?? (expired ? t("otp.expired") : undefined);
  const time = `${Math.floor(secondsLeft / 60)}:${String(secondsLeft % 60).padStart(2, "0")}`;

  return (
    <form className="step" onSubmit={submit} noValidate aria-labelledby="otp-title">
      <section className="card">
        <h2 className="card-title" id="otp-title">
          {t("otp.title")}
        </h2>
        {formError && <Alert>{formError}</Alert>}
        {info && !formError && <Alert tone="info">{info}</Alert>}
        {challenge ? (
          <>
            <p className="lead">{t("otp.sentTo", { phone: challenge.phoneMasked })}</p>
            <Field
              id="code"
              label={t("otp.code")}
              hint={
                <span className={`countdown${secondsLeft <= 30 ? " is-low" : ""}`}>
                  {t("otp.remaining", { time })}
                </span>
              }
              error={codeError}
            >
              <input
                {...fieldAria("code", { hint: true, error: codeError })}
                ref={input}
                className="input input-code"
                type="text"
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]*"
                maxLength={6}
                placeholder="000000"
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
              />
            </Field>
          </>
        ) : (
          <p className="lead">{phoneMasked ? t("otp.toRegistered", { phone: phoneMasked }) : t("otp.again")}</p>
        )}
        {errors.phone && (
          <p className="field-error" role="alert">
            {errors.phone}
          </p>
        )}
      </section>
      <div className="actions">
        {challenge ? (
          <>
            <button type="submit" className="button button-primary" disabled={verifying || expired} aria-busy={verifying || undefined} data-testid="otp-verify">
              {verifying ? t("common.loading") : t("otp.verify")}
            </button>
            <button type="button" className="button button-secondary" onClick={onSend} disabled={sending} data-testid="otp-resend">
              {sending ? t("common.loading") : t("otp.resend")}
            </button>
          </>
        ) : (
          <button type="button" className="button button-primary" onClick={onSend} disabled={sending} data-testid="otp-send">
            {sending ? t("common.loading") : t("otp.send")}
          </button>
        )}
        {onChangePhone && (
          <button type="button" className="button button-link" onClick={onChangePhone}>
            {t("otp.changePhone")}
          </button>
        )}
      </div>
    </form>
  );
}
