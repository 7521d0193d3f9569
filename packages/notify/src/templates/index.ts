import type { z } from "zod";
import type { NotifyLocale } from "../channel.ts";
import type { NotifyButton } from "../provider.ts";
import { maskSecretValue, secretSpans, type SecretSpan } from "../secrets.ts";
import { consentCompleted } from "./consent-completed.ts";
import { consentWithdrawn } from "./consent-withdrawn.ts";
import { donationThankYou } from "./donation-thank-you.ts";
import { enrollmentLink } from "./enrollment-link.ts";
import { genericNotice } from "./generic-notice.ts";
import { invoiceIssued } from "./invoice-issued.ts";
import { otpCode } from "./otp-code.ts";
import { registrationResult } from "./registration-result.ts";
import { formattersFor, parseVariables, type TemplateDefinition } from "./template.ts";

/** Every message the system sends, by code. A new message is a new file here and one line below. */
export const TEMPLATES = {
  enrollment_link: enrollmentLink,
  otp_code: otpCode,
  consent_completed: consentCompleted,
  consent_withdrawn: consentWithdrawn,
  registration_result: registrationResult,
  invoice_issued: invoiceIssued,
  generic_notice: genericNotice,
  donation_thank_you: donationThankYou,
} as const;

export type TemplateCode = keyof typeof TEMPLATES;
export const TEMPLATE_CODES = Object.keys(TEMPLATES) as TemplateCode[];

/** What a caller passes to render a template (amounts as bigint won, dates as YYYY-MM-DD, instants as Date). */
export type TemplateVariables<C extends TemplateCode> = z.input<(typeof TEMPLATES)[C]["variables"]>;

export function isTemplateCode(value: string): value is TemplateCode {
  return Object.hasOwn(TEMPLATES, value);
}

/** The Alimtalk template codes the templates use: what must be registered with Kakao. */
export function alimtalkTemplateCodes(): string[] {
  return Object.values(TEMPLATES).flatMap((t: TemplateDefinition) => (t.alimtalk ? [t.alimtalk.templateCode] : []));
}

export interface RenderedMessage {
  templateCode: TemplateCode;
  locale: NotifyLocale;
  subject: string;
  /** The text as sent, secrets included: hand it to a provider, never store or log it. */
  body: string;
  /** The text as stored and shown: each secret replaced by `*`. */
  maskedBody: string;
  /** Where the secrets go back into maskedBody (empty for templates without secrets). */
  secrets: SecretSpan[];
  alimtalk: { templateCode: string; buttons: NotifyButton[] } | null;
}

export interface RenderOptions {
  locale: NotifyLocale;
  /** Instants (link expiries) are shown in this zone. Default Asia/Seoul. */
  timeZone?: string;
}

/**
 * Renders a template: checks its variables (throws TemplateVariableError naming a missing or
 * invalid one), then the text in the locale, once with and once without its secrets.
 */
export function renderTemplate<C extends TemplateCode>(code: C, variables: TemplateVariables<C>, options: RenderOptions): RenderedMessage {
  const definition = TEMPLATES[code] as unknown as TemplateDefinition | undefined;
  if (!definition) throw new Error(`unknown message template ${String(code)}`);
  const values = parseVariables(definition, variables);
  const masked = { ...values };
  for (const name of definition.secrets ?? []) masked[name] = maskSecretValue(String(values[name]));
  const formatters = formattersFor(options.locale, options.timeZone ?? "Asia/Seoul");
  const text = definition.text[options.locale];
  const real = text(values, formatters);
  const shown = text(masked, formatters);
  return {
    templateCode: code,
    locale: options.locale,
    subject: shown.subject,
    body: real.body,
    maskedBody: shown.body,
    secrets: secretSpans(real.body, shown.body),
    alimtalk: definition.alimtalk ? { templateCode: definition.alimtalk.templateCode, buttons: definition.alimtalk.buttons?.(values, options.locale) ?? [] } : null,
  };
}
