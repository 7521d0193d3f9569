import { useLocale, type MessageKey } from "../i18n.ts";

const STEPS: { key: MessageKey; steps: string[] }[] = [
  { key: "steps.details", steps: ["details"] },
  { key: "steps.otp", steps: ["otp", "checking"] },
  { key: "steps.terms", steps: ["terms"] },
  { key: "steps.sign", steps: ["sign"] },
];

/** Where the payer is: "step 2 of 4 · phone check", with a bar. */
export function Progress({ step }: { step: string }) {
  const { t } = useLocale();
  const index = Math.max(0, STEPS.findIndex((s) => s.steps.includes(step)));
  return (
    <div className="progress" data-testid="progress">
      <p className="progress-label">
        <span className="progress-count">{t("steps.progress", { n: index + 1, total: STEPS.length })}</span>
        <strong>{t(STEPS[index]!.key)}</strong>
      </p>
      <ol className="progress-bar" aria-hidden="true">
        {STEPS.map((s, i) => (
          <li key={s.key} className={i < index ? "is-done" : i === index ? "is-current" : undefined} />
        ))}
      </ol>
    </div>
  );
}
