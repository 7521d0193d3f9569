import type { FormEvent } from "react";
import type { EnrollPage, Terms } from "../api.ts";
import { DebitSummary } from "../components/DebitSummary.tsx";
import { Alert } from "../components/Field.tsx";
import { useLocale, type MessageKey } from "../i18n.ts";
import type { FieldErrors } from "../validation.ts";

export interface Agreement {
  autoDebit: boolean;
  privacy: boolean;
}

interface Props {
  page: EnrollPage;
  account: { bankName: string; accountMasked: string; holderName: string };
  agreed: Agreement;
  errors: FieldErrors;
  formError: string | null;
  onChange: (agreed: Agreement) => void;
  onNext: () => void;
  onBack: () => void;
}

function TermsBox({ id, terms, label, checked, error, onChange }: { id: keyof Agreement; terms: Terms; label: MessageKey; checked: boolean; error: string | undefined; onChange: (checked: boolean) => void }) {
  const { t } = useLocale();
  return (
    <div className={`terms${error ? " has-error" : ""}`}>
      <label className="check">
        <input type="checkbox" id={`terms-${id}`} checked={checked} onChange={(e) => onChange(e.target.checked)} aria-invalid={error ? true : undefined} aria-describedby={error ? `terms-${id}-error` : undefined} data-testid={`terms-${id}`} />
        <span>
          <span className="tag">[{t("common.required")}]</span> {t(label)}
          <span className="terms-title">{terms.title}</span>
        </span>
      </label>
      <details className="terms-text">
        <summary>{t("terms.read")}</summary>
        <div className="terms-body" tabIndex={0}>
          {terms.body}
        </div>
        <p className="terms-meta">{t("terms.version", { version: terms.version, hash: `${terms.sha256.slice(0, 16)}…` })}</p>
      </details>
      {error && (
        <p className="field-error" id={`terms-${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The debit and the two texts, each ticked on its own and readable in full before agreeing. */
export function TermsStep({ page, account, agreed, errors, formError, onChange, onNext, onBack }: Props) {
  const { t } = useLocale();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onNext();
  };
  return (
    <form className="step" onSubmit={submit} noValidate aria-labelledby="terms-title">
      <section className="card">
        <h2 className="card-title" id="terms-title">
          {t("terms.title")}
        </h2>
        {formError && <Alert>{formError}</Alert>}
        <DebitSummary page={page} account={{ ...account, verified: true }} />
      </section>
      <section className="card">
        <TermsBox id="autoDebit" terms={page.terms.autoDebit} label="terms.autoDebit" checked={agreed.autoDebit} error={errors.autoDebit} onChange={(autoDebit) => onChange({ ...agreed, autoDebit })} />
        <TermsBox id="privacy" terms={page.terms.privacy} label="terms.privacy" checked={agreed.privacy} error={errors.privacy} onChange={(privacy) => onChange({ ...agreed, privacy })} />
      </section>
      <div className="actions">
        <button type="submit" className="button button-primary" data-testid="terms-next">
          {t("common.next")}
        </button>
        <button type="button" className="button button-link" onClick={onBack}>
          {t("common.back")}
        </button>
      </div>
    </form>
  );
}
