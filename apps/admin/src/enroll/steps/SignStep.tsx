import { useRef, useState, type FormEvent } from "react";
import { Alert } from "../components/Field.tsx";
import { SignaturePad, type SignaturePadHandle } from "../components/SignaturePad.tsx";
import { useLocale } from "../i18n.ts";
import type { FieldErrors } from "../validation.ts";

interface Props {
  signerName: string;
  creditorName: string;
  account: { bankName: string; accountMasked: string };
  errors: FieldErrors;
  formError: string | null;
  submitting: boolean;
  onSubmit: (pngBase64: string) => void;
  onBack: () => void;
}

/** The drawn signature and the one button that gives the consent. */
export function SignStep({ signerName, creditorName, account, errors, formError, submitting, onSubmit, onBack }: Props) {
  const { t } = useLocale();
  const pad = useRef<SignaturePadHandle>(null);
  const [hasInk, setHasInk] = useState(false);
  const [emptyError, setEmptyError] = useState(false);
  const error = emptyError && !hasInk ? t("sign.empty") : errors.signature;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    const png = pad.current?.toPngBase64() ?? null;
    if (!png) {
      setEmptyError(true);
      return;
    }
    onSubmit(png);
  };

  return (
    <form className="step" onSubmit={submit} noValidate aria-labelledby="sign-title">
      <section className="card">
        <h2 className="card-title" id="sign-title">
          {t("sign.title")}
        </h2>
        {formError && <Alert>{formError}</Alert>}
        <p className="lead">{t("sign.summary", { name: signerName, creditor: creditorName, bank: account.bankName, account: account.accountMasked })}</p>
        <p className="field-hint" id="signature-hint">
          {t("sign.help")}
        </p>
        <SignaturePad
          ref={pad}
          label={t("sign.pad")}
          placeholder={t("sign.placeholder")}
          invalid={Boolean(error)}
          describedBy={error ? "signature-error signature-hint" : "signature-hint"}
          onInk={(ink) => {
            setHasInk(ink);
            if (ink) setEmptyError(false);
          }}
        />
        <div className="pad-tools">
          {error ? (
            <p className="field-error" id="signature-error" role="alert">
              {error}
            </p>
          ) : (
            <span />
          )}
          <button type="button" className="button button-small" onClick={() => pad.current?.clear()} data-testid="signature-clear">
            {t("sign.clear")}
          </button>
        </div>
      </section>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={submitting} aria-busy={submitting || undefined} data-testid="submit-consent">
          {submitting ? t("sign.submitting") : t("sign.submit")}
        </button>
        <button type="button" className="button button-link" onClick={onBack} disabled={submitting}>
          {t("common.back")}
        </button>
      </div>
    </form>
  );
}
