import { randomUUID } from "node:crypto";
import { isKoreanPhone } from "@sunap/core";
import type { DeliveryType, NotifyChannel } from "../channel.ts";
import { NotifyProviderError, type NotifyProvider, type NotifyProviders, type OutgoingMessage, type SendReceipt } from "../provider.ts";
import { isEmailAddress } from "../recipient.ts";
import { isCp949Encodable, textMessageType } from "../sms-length.ts";
import { alimtalkTemplateCodes } from "../templates/index.ts";

/**
 * Sandbox providers: they send nothing, but accept and refuse exactly as a real gateway would,
 * deterministically, so tests and demos can rely on them. The outbox row is the record of what
 * was "sent" (the dispatcher stores the provider name `sandbox`, the id and the delivery type).
 *
 * | input                                        | outcome                                             |
 * |----------------------------------------------|-----------------------------------------------------|
 * | phone number ending in 0000                  | permanent failure `invalid_number` (없는 번호)      |
 * | phone number ending in 9999                  | temporary failure `carrier_busy` (retried)          |
 * | not a Korean phone number                    | permanent failure `invalid_number`                  |
 * | SMS body up to 90 bytes in CP949             | sent as `sms`                                       |
 * | SMS body of 91–2,000 bytes                   | sent as `lms`                                       |
 * | SMS body over 2,000 bytes, or with emoji     | permanent failure `too_long` / `unencodable`        |
 * | Alimtalk with a registered template code     | sent as `alimtalk`                                  |
 * | Alimtalk without one, or an unknown one      | falls back to SMS/LMS (대체발송), as above          |
 * | e-mail address that is not valid             | permanent failure `invalid_address`                 |
 * | e-mail to a mailbox starting with `tempfail` | temporary failure `mailbox_busy` (retried)          |
 */
export const SANDBOX_PROVIDER_NAME = "sandbox";

export interface SandboxSend {
  channel: NotifyChannel;
  deliveredAs: DeliveryType;
  providerMessageId: string;
  message: OutgoingMessage;
}

export interface SandboxOptions {
  /** Called for every accepted message (tests use it); nothing is kept otherwise. */
  onSend?: (send: SandboxSend) => void;
}

function newId(kind: DeliveryType): string {
  return `sbx-${kind}-${randomUUID()}`;
}

function checkPhone(to: string): void {
  const digits = to.replace(/\D/g, "");
  if (!isKoreanPhone(to)) throw NotifyProviderError.permanent("invalid_number", "not a Korean phone number");
  if (digits.endsWith("0000")) throw NotifyProviderError.permanent("invalid_number", "the number does not exist (sandbox: numbers ending in 0000)");
  if (digits.endsWith("9999")) throw NotifyProviderError.temporary("carrier_busy", "the carrier did not answer (sandbox: numbers ending in 9999)");
}

function accept(options: SandboxOptions, channel: NotifyChannel, deliveredAs: DeliveryType, message: OutgoingMessage): SendReceipt {
  const providerMessageId = newId(deliveredAs);
  options.onSend?.({ channel, deliveredAs, providerMessageId, message });
  return { providerMessageId, deliveredAs };
}

/** SMS, or LMS when the body is over 90 bytes in CP949. */
export function createSandboxSmsProvider(options: SandboxOptions = {}): NotifyProvider {
  const provider: NotifyProvider = {
    channel: "sms",
    name: SANDBOX_PROVIDER_NAME,
    async send(message) {
      checkPhone(message.to);
      if (!isCp949Encodable(message.body)) throw NotifyProviderError.permanent("unencodable", "the text has characters a text message cannot carry (e.g. emoji)");
      const type = textMessageType(message.body);
      if (!type) throw NotifyProviderError.permanent("too_long", "the text is over 2,000 bytes, the most an LMS can carry");
      return accept(options, "sms", type, message);
    },
  };
  return provider;
}

/**
 * Alimtalk (KakaoTalk business message) for the template codes registered with it (by default
 * every code our templates use). Anything else falls back to SMS, as providers' 대체발송 does.
 */
export function createSandboxAlimtalkProvider(options: SandboxOptions & { registeredTemplates?: Iterable<string>; smsFallback?: NotifyProvider } = {}): NotifyProvider {
  const registered = new Set(options.registeredTemplates ?? alimtalkTemplateCodes());
  const fallback = options.smsFallback ?? createSandboxSmsProvider(options);
  return {
    channel: "alimtalk",
    name: SANDBOX_PROVIDER_NAME,
    async send(message) {
      checkPhone(message.to);
      if (!message.templateCode || !registered.has(message.templateCode)) return fallback.send(message);
      return accept(options, "alimtalk", "alimtalk", message);
    },
  };
}

export function createSandboxEmailProvider(options: SandboxOptions = {}): NotifyProvider {
  return {
    channel: "email",
    name: SANDBOX_PROVIDER_NAME,
    async send(message) {
      if (!isEmailAddress(message.to)) throw NotifyProviderError.permanent("invalid_address", "not a valid e-mail address");
      if (/^tempfail/i.test(message.to.trim())) throw NotifyProviderError.temporary("mailbox_busy", "the mail server deferred the message (sandbox: mailboxes starting with tempfail)");
      if (!message.subject) throw NotifyProviderError.permanent("no_subject", "an e-mail needs a subject");
      return accept(options, "email", "email", message);
    },
  };
}

/** One sandbox provider per channel: what the demo and the tests run with. */
export function createSandboxProviders(options: SandboxOptions & { registeredTemplates?: Iterable<string> } = {}): NotifyProviders {
  const sms = createSandboxSmsProvider(options);
  return {
    sms,
    alimtalk: createSandboxAlimtalkProvider({ ...options, smsFallback: sms }),
    email: createSandboxEmailProvider(options),
  };
}
