import type { DbOrTx, Keyring } from "@sunap/db";
import type { NotifyChannel } from "@sunap/notify";
import { enqueueMessage } from "./notify-outbox.ts";

/**
 * The one place the consent flow talks to the notify outbox. Every message is queued in the
 * caller's transaction (sent only if the change commits) under a key derived from what makes
 * it unique, so a retried step queues nothing twice.
 */
export interface ConsentMessageContext {
  tx: DbOrTx;
  keyring: Keyring;
  now: Date;
  locale?: "ko" | "en";
  payerId?: number | null;
}

export function sendEnrollmentLink(c: ConsentMessageContext, input: { linkId: number; sendNo: number; channel: NotifyChannel; to: string; creditorName: string; linkUrl: string; expiresAt: Date }) {
  return enqueueMessage(c.tx, c.keyring, {
    channel: input.channel,
    to: input.to,
    template: "enrollment_link",
    variables: { creditorName: input.creditorName, linkUrl: input.linkUrl, expiresAt: input.expiresAt },
    locale: c.locale,
    idempotencyKey: `enroll-link:v1:${input.linkId}:${input.sendNo}`,
    now: c.now,
    expiresAt: input.expiresAt,
    payerId: c.payerId ?? null,
    related: { type: "enrollment_link", id: input.linkId },
  });
}

export function sendOtpCode(c: ConsentMessageContext, input: { challengeId: string; to: string; creditorName: string; code: string; expiresAt: Date }) {
  return enqueueMessage(c.tx, c.keyring, {
    channel: "sms",
    to: input.to,
    template: "otp_code",
    variables: { creditorName: input.creditorName.slice(0, 30), code: input.code },
    locale: c.locale,
    idempotencyKey: `otp:v1:${input.challengeId}`,
    now: c.now,
    expiresAt: input.expiresAt,
    payerId: c.payerId ?? null,
    related: { type: "otp_challenge", id: input.challengeId },
  });
}

export function sendConsentCompleted(c: ConsentMessageContext, input: { consentId: number; to: string; creditorName: string; payerName: string; bankName: string; accountMasked: string; manageUrl: string }) {
  return enqueueMessage(c.tx, c.keyring, {
    channel: "sms",
    to: input.to,
    template: "consent_completed",
    variables: { creditorName: input.creditorName, payerName: input.payerName, bankName: input.bankName, accountMasked: input.accountMasked, manageUrl: input.manageUrl },
    locale: c.locale,
    idempotencyKey: `consent-completed:v1:${input.consentId}`,
    now: c.now,
    payerId: c.payerId ?? null,
    related: { type: "consent", id: input.consentId },
  });
}

export function sendConsentWithdrawn(c: ConsentMessageContext, input: { consentId: number; to: string; creditorName: string; payerName: string; withdrawnOn: string }) {
  return enqueueMessage(c.tx, c.keyring, {
    channel: "sms",
    to: input.to,
    template: "consent_withdrawn",
    variables: { creditorName: input.creditorName, payerName: input.payerName, withdrawnOn: input.withdrawnOn },
    locale: c.locale,
    idempotencyKey: `consent-withdrawn:v1:${input.consentId}`,
    now: c.now,
    payerId: c.payerId ?? null,
    related: { type: "consent", id: input.consentId },
  });
}

export function sendRegistrationResult(
  c: ConsentMessageContext,
  input: { registrationId: number; to: string; creditorName: string; payerName: string; bankName: string; accountMasked: string; result: "registered" | "rejected"; reason?: string; manageUrl?: string | undefined },
) {
  return enqueueMessage(c.tx, c.keyring, {
    channel: "sms",
    to: input.to,
    template: "registration_result",
    variables: {
      creditorName: input.creditorName,
      payerName: input.payerName,
      bankName: input.bankName,
      accountMasked: input.accountMasked,
      result: input.result,
      ...(input.reason ? { reason: input.reason } : {}),
      ...(input.manageUrl ? { manageUrl: input.manageUrl } : {}),
    },
    locale: c.locale,
    idempotencyKey: `registration-result:v1:${input.registrationId}:${input.result}`,
    now: c.now,
    payerId: c.payerId ?? null,
    related: { type: "cms_registration", id: input.registrationId },
  });
}
