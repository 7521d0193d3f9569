import { useState, type FormEvent } from "react";
import type { Bank } from "../api.ts";
import { Alert, Field, fieldAria } from "../components/Field.tsx";
import { useLocale } from "../i18n.ts";
import { bankName, formatPhone, lengthsText, type DetailsForm, type FieldErrors } from "../validation.ts";

interface Props {
  /** enroll: a new payer gives consent; change: a known payer registers another account. */
  mode: "enroll" | "change";
  banks: readonly Bank[];
  form: DetailsForm;
  errors: FieldErrors;
  formError: string | null;
  busy: boolean;
  /** The phone is already confirmed for this form: the button checks the account straight away. */
  phoneConfirmed: boolean;
  registeredPhone: string | null;
  onChange: (form: DetailsForm) => void;
  onSubmit: () => void;
}

export function DetailsStep({ mode, banks, form, errors, formError, busy, phoneConfirmed, registeredPhone, onChange, onSubmit }: Props) {
  const { t, locale } = useLocale();
  // The holder's name follows the payer's until the payer types one of their own.
  const [holderTouched, setHolderTouched] = useState(form.holderName !== "" && form.holderName !== form.name);
  const business = form.kind === "business";
  const bank = banks.find((b) => b.code === form.bankCode);
  const set = (patch: Partial<DetailsForm>) => onChange({ ...form, ...patch });
  const setName = (name: string) => set(holderTouched ? { name } : { name, holderName: name });

  const rule = !bank ? t("details.accountRulePickBank") : lengthsText(bank, locale) ? t("details.accountRule", { bank: bankName(bank, locale), lengths: lengthsText(bank, locale)! }) : t("details.accountRuleDefault");
  const groups = [
    { label: t("details.banksGroup"), banks: banks.filter((b) => b.kind !== "securities") },
    { label: t("details.securitiesGroup"), banks: banks.filter((b) => b.kind === "securities") },
  ].filter((g) => g.banks.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };

  return (
    <form className="step" onSubmit={submit} noValidate aria-labelledby="details-title">
      {formError && <Alert>{formError}</Alert>}
      {mode === "enroll" && (
        <section className="card">
          <h2 className="card-title" id="details-title">
            {t("details.sectionPayer")}
          </h2>
          <Field id="kind" label={t("details.kind")} group>
            <div className="segmented">
              {(["individual", "business"] as const).map((kind) => (
                <label key={kind} className={`segment${form.kind === kind ? " is-selected" : ""}`}>
                  <input type="radio" name="kind" value={kind} checked={form.kind === kind} onChange={() => set({ kind })} />
                  <span>{t(kind === "individual" ? "details.kindIndividual" : "details.kindBusiness")}</span>
                </label>
              ))}
            </div>
          </Field>
          <Field id="name" label={t(business ? "details.nameBusiness" : "details.name")} error={errors.name}>
            <input {...fieldAria("name", { error: errors.name })} className="input" type="text" autoComplete={business ? "organization" : "name"} maxLength={50} value={form.name} onChange={(e) => setName(e.target.value)} />
          </Field>
          {business ? (
            <>
              <Field id="representative" label={t("details.representative")} error={errors.representative}>
                <input {...fieldAria("representative", { error: errors.representative })} className="input" type="text" autoComplete="name" maxLength={50} value={form.representative} onChange={(e) => set({ representative: e.target.value })} />
              </Field>
              <Field id="businessNumber" label={t("details.businessNumber")} hint={t("details.businessNumberHint")} error={errors.businessNumber}>
                <input
                  {...fieldAria("businessNumber", { hint: true, error: errors.businessNumber })}
                  className="input"
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  maxLength={12}
                  placeholder="1234567890"
                  value={form.businessNumber}
                  onChange={(e) => set({ businessNumber: e.target.value.replace(/[^\d-]/g, "") })}
                />
              </Field>
            </>
          ) : (
            <Field id="birthDate" label={t("details.birthDate")} hint={t("details.birthDateHint")} error={errors.birthDate}>
              <input
                {...fieldAria("birthDate", { hint: true, error: errors.birthDate })}
                className="input"
                type="text"
                inputMode="numeric"
                autoComplete="bday"
                maxLength={10}
                placeholder="19900517"
                value={form.birthDate}
                onChange={(e) => set({ birthDate: e.target.value.replace(/[^\d-]/g, "") })}
              />
            </Field>
          )}
          <Field id="phone" label={t("details.phone")} hint={t("details.phoneHint")} error={errors.phone}>
            <input
              {...fieldAria("phone", { hint: true, error: errors.phone })}
              className="input"
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              maxLength={13}
              placeholder="010-1234-5678"
              value={form.phone}
              onChange={(e) => set({ phone: formatPhone(e.target.value) })}
            />
          </Field>
        </section>
      )}

      <section className="card">
        <h2 className="card-title" id={mode === "change" ? "details-title" : undefined}>
          {t("details.sectionAccount")}
        </h2>
        <Field id="bankCode" label={t("details.bank")} error={errors.bankCode}>
          <select {...fieldAria("bankCode", { error: errors.bankCode })} className="input select" value={form.bankCode} onChange={(e) => set({ bankCode: e.target.value })}>
            <option value="">{t("details.bankPlaceholder")}</option>
            {groups.map((group) => (
              <optgroup key={group.label} label={group.label}>
                {group.banks.map((b) => (
                  <option key={b.code} value={b.code} disabled={!b.acceptsCms}>
                    {bankName(b, locale)}
                    {b.acceptsCms ? "" : ` (${t("details.noCms")})`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <Field
          id="accountNumber"
          label={t("details.accountNumber")}
          hint={
            <>
              {rule}
              {form.accountNumber && <span className="counter"> · {t("details.accountCount", { count: form.accountNumber.length })}</span>}
            </>
          }
          error={errors.accountNumber}
        >
          <input
            {...fieldAria("accountNumber", { hint: true, error: errors.accountNumber })}
            className="input input-digits"
            type="text"
            inputMode="numeric"
            pattern="[0-9]*"
            autoComplete="off"
            maxLength={16}
            placeholder="0000000000000"
            value={form.accountNumber}
            onChange={(e) => set({ accountNumber: e.target.value.replace(/\D/g, "") })}
          />
        </Field>
        <Field id="holderName" label={t("details.holderName")} hint={t("details.holderHint")} error={errors.holderName}>
          <input
            {...fieldAria("holderName", { hint: true, error: errors.holderName })}
            className="input"
            type="text"
            autoComplete="off"
            maxLength={50}
            value={form.holderName}
            onChange={(e) => {
              setHolderTouched(true);
              set({ holderName: e.target.value });
            }}
          />
        </Field>
        {mode === "change" && registeredPhone && <p className="note">{t("details.registeredPhone", { phone: registeredPhone })}</p>}
      </section>

      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined} data-testid="details-submit">
          {busy ? t("common.loading") : t(phoneConfirmed ? "details.submitVerified" : "details.submit")}
        </button>
      </div>
    </form>
  );
}
