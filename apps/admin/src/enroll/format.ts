import type { Locale } from "./i18n.ts";

/** The organisation's time zone; the consent page shows times as the creditor's documents do. */
const TIME_ZONE = "Asia/Seoul";

export function formatDateTime(value: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-GB", { timeZone: TIME_ZONE, dateStyle: "long", timeStyle: "short" }).format(value);
}

export function formatDate(value: Date | string, locale: Locale): string {
  const date = typeof value === "string" ? new Date(`${value}T00:00:00+09:00`) : value;
  return new Intl.DateTimeFormat(locale === "ko" ? "ko-KR" : "en-GB", { timeZone: TIME_ZONE, dateStyle: "long" }).format(date);
}

/** The payer's own page for a token: `/enroll/<token>` and `/self-service/<token>` are the same page. */
export function selfServicePath(path: string): string {
  return path.replace(/^\/enroll\//, "/self-service/");
}

/** A one-time code works 3 minutes (the server's rule). */
export const CODE_VALID_MS = 3 * 60_000;

/**
 * When something the server gave an expiry runs out, on this device's clock: the time left by
 * the server's clock, never more than the rule (a device whose clock is off gets the rule).
 */
export function deadlineFrom(expiresAt: Date, ruleMs: number): number {
  const left = expiresAt.getTime() - Date.now();
  return Date.now() + (left > 0 && left <= ruleMs ? left : ruleMs);
}
