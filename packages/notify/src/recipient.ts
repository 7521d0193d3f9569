import { isKoreanPhone } from "@sunap/core";
import type { NotifyChannel } from "./channel.ts";

// Deliberately plain: one @, no spaces, a dotted domain with a 2+ letter top level. Providers check further.
const EMAIL = /^[^\s@]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;

export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value.trim());
}

/** Lower-cased and trimmed: how an address is compared and indexed. */
export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}

/** Phones for sms and alimtalk, e-mail addresses for email. */
export function isValidRecipient(channel: NotifyChannel, to: string): boolean {
  return channel === "email" ? isEmailAddress(to) : isKoreanPhone(to);
}

/**
 * `mi***@example.kr`: the domain and at most the first two characters of the mailbox, fewer
 * for short mailboxes so most of it always stays hidden.
 */
export function maskEmail(value: string): string {
  const address = value.trim();
  const at = address.lastIndexOf("@");
  if (at <= 0) return "***";
  const local = [...address.slice(0, at)];
  const keep = local.length >= 4 ? 2 : local.length >= 2 ? 1 : 0;
  return `${local.slice(0, keep).join("")}***@${address.slice(at + 1)}`;
}
