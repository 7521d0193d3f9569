import nodemailer from "nodemailer";
import type SMTPConnection from "nodemailer/lib/smtp-connection";
import { NotifyProviderError, type NotifyProvider } from "../provider.ts";
import { isEmailAddress } from "../recipient.ts";

export const SMTP_PROVIDER_NAME = "smtp";

/** `implicit`: TLS from the first byte (port 465). `starttls`: plain, then upgraded, or refused. `none`: a local relay only. */
export type SmtpTls = "implicit" | "starttls" | "none";

export interface SmtpEmailOptions {
  host: string;
  port: number;
  tls: SmtpTls;
  user?: string;
  password?: string;
  /** The sender, e.g. `"Sunap 수납" <billing@example.com>`. */
  from: string;
  /** Connection, greeting and socket timeouts; default 30 s. */
  timeoutMs?: number;
}

/** Connection and protocol failures that another attempt may get past. */
const TEMPORARY_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "ECONNRESET", "EPROTOCOL", "EAUTH", "ETLS"]);

/**
 * What an SMTP failure means for the message: a 5xx answer to it (no such mailbox, refused
 * content) is final; a 4xx (greylisting, mailbox full) or a connection problem is tried again.
 * A refused login is retried too: it is this server's configuration, not the message, that is wrong.
 */
export function classifySmtpError(error: unknown): NotifyProviderError {
  const smtp = error as SMTPConnection.SMTPError;
  const message = smtp?.message ?? String(error);
  if (smtp?.code === "EAUTH") return NotifyProviderError.temporary("smtp_auth_failed", message);
  const status = smtp?.responseCode;
  if (typeof status === "number" && status >= 500 && status < 600) return NotifyProviderError.permanent(`smtp_${status}`, message);
  if (typeof status === "number" && status >= 400 && status < 500) return NotifyProviderError.temporary(`smtp_${status}`, message);
  if (smtp?.code && TEMPORARY_CODES.has(smtp.code)) return NotifyProviderError.temporary("smtp_unreachable", message);
  return NotifyProviderError.temporary("smtp_error", message);
}

/** The domain of the sender address, for our Message-ID. */
function senderDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split("@")[1]?.trim() || "sunap.invalid";
}

/**
 * E-mail through the organisation's SMTP server (nodemailer). One connection per message: the
 * volume is a few messages a minute, and nothing has to be closed when the worker stops. The
 * Message-ID is derived from the message's reference, so a resend after a lost answer carries
 * the same id and receiving systems can recognise the duplicate.
 */
export function createSmtpEmailProvider(options: SmtpEmailOptions): NotifyProvider {
  const timeout = options.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    host: options.host,
    port: options.port,
    secure: options.tls === "implicit",
    requireTLS: options.tls === "starttls",
    ignoreTLS: options.tls === "none",
    ...(options.user ? { auth: { user: options.user, pass: options.password ?? "" } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const domain = senderDomain(options.from);
  return {
    channel: "email",
    name: SMTP_PROVIDER_NAME,
    async send(message) {
      if (!isEmailAddress(message.to)) throw NotifyProviderError.permanent("invalid_address", "not a valid e-mail address");
      if (!message.subject) throw NotifyProviderError.permanent("no_subject", "an e-mail needs a subject");
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: message.to.trim(),
          subject: message.subject,
          text: message.body,
          ...(message.referenceId ? { messageId: `<sunap-${message.referenceId}@${domain}>` } : {}),
        });
        if (info.rejected.length > 0) throw NotifyProviderError.permanent("recipient_refused", info.response);
        return { providerMessageId: info.messageId, deliveredAs: "email" };
      } catch (error) {
        if (error instanceof NotifyProviderError) throw error;
        throw classifySmtpError(error);
      }
    },
  };
}
