import { useEffect, useRef, useState } from "react";
import { api, failureOf, type EnrollPage, type Failure, type Receipt, type VerifiedAccount } from "./api.ts";
import { DebitSummary } from "./components/DebitSummary.tsx";
import { Progress } from "./components/Progress.tsx";
import { CODE_VALID_MS, deadlineFrom } from "./format.ts";
import { useLocale } from "./i18n.ts";
import { Confirmation } from "./steps/Confirmation.tsx";
import { DetailsStep } from "./steps/DetailsStep.tsx";
import { OtpStep, type Challenge } from "./steps/OtpStep.tsx";
import { SignStep } from "./steps/SignStep.tsx";
import { TermsStep, type Agreement } from "./steps/TermsStep.tsx";
import { bankName, checkDetails, EMPTY_DETAILS, normalizeBirthDate, type DetailsForm, type FieldErrors } from "./validation.ts";

export type Step = "details" | "otp" | "checking" | "terms" | "sign" | "done";

/** Which step shows the server's message for a field. */
const STEP_OF_FIELD: Record<string, Step> = {
  name: "details",
  representative: "details",
  birthDate: "details",
  businessNumber: "details",
  phone: "details",
  bankCode: "details",
  accountNumber: "details",
  holderName: "details",
  code: "otp",
  otp: "otp",
  autoDebit: "terms",
  privacy: "terms",
  signature: "sign",
};

const PROOF_VALID_MS = 30 * 60_000;
/** A manage link's code always goes to the registered phone. */
const REGISTERED_PHONE = "registered";

interface Proof {
  otpProof: string;
  phone: string;
  until: number;
}

interface Props {
  /** enroll: a new consent; change: a payer with a manage link registers another account. */
  mode: "enroll" | "change";
  token: string;
  page: EnrollPage;
  idempotencyKey: string;
  onLinkProblem: (failure: Failure) => void;
  /** Loads the page again (new terms); resolves when it has. */
  onReload: () => Promise<void>;
  onCancel?: (() => void) | undefined;
}

const digitsOf = (value: string) => value.replace(/\D/g, "");

function todayInSeoul(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Seoul" }).format(new Date());
}

/**
 * The consent, step by step: details → code to the phone → the bank's holder check → terms →
 * signature → submit (one idempotency key per page load, so a double tap gives one consent).
 * A refusal is shown on the step and next to the field it concerns.
 */
export function EnrollFlow({ mode, token, page, idempotencyKey, onLinkProblem, onReload, onCancel }: Props) {
  const { t, locale } = useLocale();
  const [step, setStep] = useState<Step>("details");
  const [form, setForm] = useState<DetailsForm>(() => ({
    ...EMPTY_DETAILS,
    kind: page.prefill.kind ?? "individual",
    name: page.prefill.name ?? "",
    holderName: page.prefill.name ?? "",
  }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [challenge, setChallenge] = useState<(Challenge & { phone: string }) | null>(null);
  const [otpInfo, setOtpInfo] = useState<string | null>(null);
  const [proof, setProof] = useState<Proof | null>(null);
  const [verified, setVerified] = useState<VerifiedAccount | null>(null);
  const [agreed, setAgreed] = useState<Agreement & { termsKey: string }>({ termsKey: "", autoDebit: false, privacy: false });
  const [busy, setBusy] = useState<"send" | "verify" | "submit" | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const inFlight = useRef(false);
  const heading = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  const phoneKey = mode === "change" ? REGISTERED_PHONE : digitsOf(form.phone);
  const verifiedBank = verified ? page.banks.find((b) => b.code === verified.bankCode) : undefined;
  const verifiedBankName = verified ? (verifiedBank ? bankName(verifiedBank, locale) : verified.bankName[locale]) : "";

  // Ticks count for the texts they were given to: other terms (the language was switched, or a
  // new version came out) must be read and ticked again before signing.
  const termsKey = `${page.terms.autoDebit.sha256}|${page.terms.privacy.sha256}`;
  const agreement = agreed.termsKey === termsKey ? agreed : { termsKey, autoDebit: false, privacy: false };
  const termsChanged = agreed.termsKey !== termsKey && (agreed.autoDebit || agreed.privacy);
  const shownStep: Step = step === "sign" && !(agreement.autoDebit && agreement.privacy) ? "terms" : step;

  // A new step starts at the top, and a screen reader hears where it is.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    heading.current?.focus({ preventScroll: true });
  }, [shownStep]);

  const go = (next: Step, fieldErrors: FieldErrors = {}, message: string | null = null) => {
    setErrors(fieldErrors);
    setFormError(message);
    setStep(next);
  };

  /** The server said no: to the step that owns the field, with its message next to it. */
  const refused = (failure: Failure, fallback: Step, fieldsMessage: string | null = null) => {
    if (failure.linkProblem) {
      onLinkProblem(failure);
      return;
    }
    const fields = Object.keys(failure.fields);
    const owner = fields.map((field) => STEP_OF_FIELD[field]).find(Boolean);
    if ("otp" in failure.fields) {
      // The phone check is used up or expired: a new code is needed.
      setProof(null);
      setChallenge(null);
      setOtpInfo(null);
      go("otp", {}, failure.message);
      return;
    }
    if (!owner) {
      go(fallback, {}, failure.message);
      return;
    }
    go(owner, failure.fields, fieldsMessage ?? (owner === fallback ? null : t("errors.fixBelow")));
  };

  const run = async <T,>(kind: "send" | "verify" | "submit", call: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; failure: Failure }> => {
    inFlight.current = true;
    setBusy(kind);
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      return { ok: false, failure: failureOf(error, t("errors.network")) };
    } finally {
      inFlight.current = false;
      setBusy(null);
    }
  };

  const checkAccount = async (current: Proof) => {
    go("checking");
    const individual = form.kind === "individual";
    const outcome = await run("verify", () =>
      api.enroll.verifyAccount.mutate({
        token,
        otpProof: current.otpProof,
        bankCode: form.bankCode,
        accountNumber: form.accountNumber,
        holderName: form.holderName.trim(),
        ...(mode === "enroll" ? { kind: form.kind, birthDate: individual ? normalizeBirthDate(form.birthDate) : null, businessNumber: individual ? null : digitsOf(form.businessNumber) } : {}),
      }),
    );
    if (outcome.ok) {
      setVerified(outcome.value);
      go("terms");
    } else {
      refused(outcome.failure, "details", t("checking.failed"));
    }
  };

  const sendCode = async () => {
    if (inFlight.current) return;
    const resend = step === "otp" && challenge !== null;
    const outcome = await run("send", () => api.enroll.sendOtp.mutate({ token, phone: mode === "enroll" ? form.phone : null, locale }));
    if (outcome.ok) {
      setChallenge({ challengeId: outcome.value.challengeId, phoneMasked: outcome.value.phoneMasked, deadline: deadlineFrom(outcome.value.expiresAt, CODE_VALID_MS), phone: phoneKey });
      setOtpInfo(resend ? t("otp.resent") : null);
      go("otp");
    } else if (outcome.failure.linkProblem) {
      onLinkProblem(outcome.failure);
    } else if (step === "details" && mode === "enroll" && outcome.failure.fields.phone) {
      go("details", { phone: outcome.failure.fields.phone });
    } else {
      // Asking too often, a locked phone, the limit per hour: said where the payer is.
      setOtpInfo(null);
      go(step, {}, outcome.failure.message);
    }
  };

  const submitDetails = async () => {
    if (inFlight.current) return;
    const problems = checkDetails(form, page.banks, { withPayer: mode === "enroll", today: todayInSeoul() }, t, locale);
    if (Object.keys(problems).length > 0) {
      go("details", problems, null);
      window.setTimeout(() => document.querySelector<HTMLElement>("[aria-invalid=true]")?.focus(), 0);
      return;
    }
    if (proof && proof.phone === phoneKey && proof.until > Date.now()) {
      await checkAccount(proof);
      return;
    }
    if (challenge && challenge.phone === phoneKey && challenge.deadline > Date.now()) {
      go("otp");
      return;
    }
    await sendCode();
  };

  const verifyCode = async (code: string) => {
    if (inFlight.current || !challenge) return;
    const outcome = await run("verify", () => api.enroll.verifyOtp.mutate({ token, challengeId: challenge.challengeId, code }));
    if (outcome.ok) {
      const current = { otpProof: outcome.value.otpProof, phone: challenge.phone, until: deadlineFrom(outcome.value.expiresAt, PROOF_VALID_MS) };
      setProof(current);
      setOtpInfo(null);
      await checkAccount(current);
    } else if (outcome.failure.linkProblem) {
      onLinkProblem(outcome.failure);
    } else {
      go("otp", { code: outcome.failure.fields.code ?? outcome.failure.message });
    }
  };

  const toSign = () => {
    const missing: FieldErrors = {};
    if (!agreement.autoDebit) missing.autoDebit = t("terms.mustAgree");
    if (!agreement.privacy) missing.privacy = t("terms.mustAgree");
    if (Object.keys(missing).length > 0) go("terms", missing);
    else go("sign");
  };

  const submit = async (pngBase64: string) => {
    if (inFlight.current) return;
    if (!proof) {
      go("otp", {}, t("otp.again"));
      return;
    }
    const individual = form.kind === "individual";
    const outcome = await run("submit", () =>
      api.enroll.submit.mutate({
        token,
        otpProof: proof.otpProof,
        idempotencyKey,
        locale,
        payer:
          mode === "enroll"
            ? {
                kind: form.kind,
                name: form.name.trim(),
                birthDate: individual ? normalizeBirthDate(form.birthDate) : null,
                businessNumber: individual ? null : digitsOf(form.businessNumber),
                representative: individual ? null : form.representative.trim(),
                phone: form.phone,
              }
            : null,
        account: { bankCode: form.bankCode, accountNumber: form.accountNumber, holderName: form.holderName.trim() },
        agreedTerms: { autoDebit: page.terms.autoDebit.sha256, privacy: page.terms.privacy.sha256 },
        signature: { method: "drawn", pngBase64 },
      }),
    );
    if (outcome.ok) {
      setReceipt(outcome.value);
      go("done");
    } else if (outcome.failure.domainCode === "enroll.terms_outdated") {
      await onReload();
      setAgreed({ termsKey: "", autoDebit: false, privacy: false });
      go("terms", {}, t("terms.changed"));
    } else {
      refused(outcome.failure, "sign");
    }
  };

  const account = verified ? { bankName: verifiedBankName, accountMasked: verified.accountMasked, holderName: form.holderName.trim() } : null;

  return (
    <>
      <div ref={heading} tabIndex={-1} className="step-anchor">
        {shownStep !== "done" && <Progress step={shownStep} />}
      </div>
      {shownStep === "details" && (
        <>
          <p className="intro">{mode === "change" ? t("intro.change") : t("intro.enroll", { creditor: page.creditor.legalName })}</p>
          {mode === "enroll" && (
            <section className="card card-compact">
              <DebitSummary page={page} />
            </section>
          )}
          <DetailsStep
            mode={mode}
            banks={page.banks}
            form={form}
            errors={errors}
            formError={formError}
            busy={busy !== null}
            phoneConfirmed={Boolean(proof && proof.phone === phoneKey && proof.until > Date.now())}
            registeredPhone={page.prefill.phoneMasked}
            onChange={(next) => {
              setForm(next);
              if (formError) setFormError(null);
            }}
            onSubmit={() => void submitDetails()}
          />
          {onCancel && (
            <div className="actions">
              <button type="button" className="button button-link" onClick={onCancel}>
                {t("manage.back")}
              </button>
            </div>
          )}
        </>
      )}
      {shownStep === "otp" && (
        <OtpStep
          challenge={challenge}
          phoneMasked={page.prefill.phoneMasked}
          errors={errors}
          formError={formError}
          info={otpInfo}
          sending={busy === "send"}
          verifying={busy === "verify"}
          onSend={() => void sendCode()}
          onVerify={(code) => void verifyCode(code)}
          onChangePhone={mode === "enroll" ? () => go("details") : undefined}
        />
      )}
      {shownStep === "checking" && (
        <section className="card checking" aria-live="polite" aria-busy="true">
          <div className="spinner" aria-hidden="true" />
          <h2 className="card-title">{t("checking.title")}</h2>
          <p>{t("checking.body")}</p>
        </section>
      )}
      {shownStep === "terms" && account && (
        <TermsStep
          page={page}
          account={account}
          agreed={agreement}
          errors={errors}
          formError={formError ?? (termsChanged ? t("terms.changed") : null)}
          onChange={(next) => {
            setAgreed({ ...next, termsKey });
            setErrors({});
          }}
          onNext={toSign}
          onBack={() => go("details")}
        />
      )}
      {shownStep === "sign" && account && (
        <SignStep
          signerName={mode === "enroll" ? form.name.trim() : (page.prefill.name ?? form.holderName)}
          creditorName={page.creditor.legalName}
          account={account}
          errors={errors}
          formError={formError}
          submitting={busy === "submit"}
          onSubmit={(png) => void submit(png)}
          onBack={() => go("terms")}
        />
      )}
      {shownStep === "done" && receipt && <Confirmation mode={mode} receipt={receipt} bankName={verifiedBankName} scheduleText={page.debit.scheduleText} />}
    </>
  );
}
