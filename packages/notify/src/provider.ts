import type { DeliveryType, NotifyChannel } from "./channel.ts";

/** An Alimtalk web-link button (웹링크): the label and the page it opens. */
export interface NotifyButton {
  name: string;
  url: string;
}

/** One message as a provider receives it: the recipient in plaintext, the body exactly as sent. */
export interface OutgoingMessage {
  /** A phone number for sms and alimtalk, an e-mail address for email. */
  to: string;
  /** E-mail subject, or the title of an LMS. */
  subject?: string;
  body: string;
  /** The provider-registered template (Alimtalk only). */
  templateCode?: string;
  buttons?: readonly NotifyButton[];
  /** Our id for the message; providers that deduplicate by a client reference use it. */
  referenceId?: string;
}

export interface SendReceipt {
  providerMessageId: string;
  /** What it went out as, when the provider says (sms or lms, an Alimtalk's SMS fallback). */
  deliveredAs?: DeliveryType;
}

/** One channel's gateway. A real provider and the sandbox implement the same interface. */
export interface NotifyProvider {
  readonly channel: NotifyChannel;
  /** A short name stored with every message it sent, e.g. `sandbox`. */
  readonly name: string;
  /** Throws NotifyProviderError; anything else it throws counts as a temporary failure. */
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

export type NotifyProviders = Readonly<Record<NotifyChannel, NotifyProvider>>;

/**
 * `permanent`: sending again cannot succeed (an invalid number, a malformed address, a message
 * the channel cannot carry). `temporary`: it may succeed later (carrier busy, timeout, outage).
 */
export type NotifyFailureKind = "permanent" | "temporary";

export class NotifyProviderError extends Error {
  constructor(
    readonly kind: NotifyFailureKind,
    /** A stable machine-readable reason, e.g. `invalid_number`. */
    readonly reason: string,
    message: string,
  ) {
    super(message);
    this.name = "NotifyProviderError";
  }

  static permanent(reason: string, message: string): NotifyProviderError {
    return new NotifyProviderError("permanent", reason, message);
  }

  static temporary(reason: string, message: string): NotifyProviderError {
    return new NotifyProviderError("temporary", reason, message);
  }
}

/** How a send failure should be treated: an unknown error (network, bug) is retried, never dropped. */
export function classifySendFailure(error: unknown): { kind: NotifyFailureKind; reason: string; message: string } {
  if (error instanceof NotifyProviderError) return { kind: error.kind, reason: error.reason, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { kind: "temporary", reason: "provider_error", message };
}
