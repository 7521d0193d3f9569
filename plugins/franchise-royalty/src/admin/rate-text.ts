/** `550` → `"5.5"`: a rate in basis points as the percent a person types. */
export function percentText(rateBp: number): string {
  const whole = Math.trunc(rateBp / 100);
  const fraction = String(rateBp % 100).padStart(2, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** `"5.5"` → `550`, read as text so no binary fraction creeps in; null when it is not a percent with at most two decimals. */
export function rateBpOf(text: unknown): number | null {
  const match = /^\s*(\d{1,3})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(String(text ?? ""));
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
}
