export { NOTIFY_CHANNELS, DELIVERY_TYPES, type NotifyChannel, type DeliveryType, type NotifyLocale } from "./channel.ts";
export { NotifyProviderError, classifySendFailure, type NotifyProvider, type NotifyProviders, type OutgoingMessage, type SendReceipt, type NotifyButton, type NotifyFailureKind } from "./provider.ts";
export { SMS_MAX_BYTES, LMS_MAX_BYTES, LMS_SUBJECT_MAX_BYTES, cp949ByteLength, isCp949Encodable, textMessageType } from "./sms-length.ts";
export { isEmailAddress, normaliseEmail, isValidRecipient, maskEmail } from "./recipient.ts";
export { revealSecrets, serializeSecrets, parseSecrets, maskLongNumbers, type SecretSpan } from "./secrets.ts";
export { TEMPLATES, TEMPLATE_CODES, isTemplateCode, alimtalkTemplateCodes, renderTemplate, type TemplateCode, type TemplateVariables, type RenderedMessage, type RenderOptions } from "./templates/index.ts";
export { TemplateVariableError, type VariableProblem, type TemplateText, type Formatters } from "./templates/template.ts";
export { OTP_VALID_MINUTES } from "./templates/otp-code.ts";
export {
  SANDBOX_PROVIDER_NAME,
  createSandboxProviders,
  createSandboxSmsProvider,
  createSandboxAlimtalkProvider,
  createSandboxEmailProvider,
  type SandboxOptions,
  type SandboxSend,
} from "./sandbox/sandbox-providers.ts";
export { SMTP_PROVIDER_NAME, createSmtpEmailProvider, classifySmtpError, type SmtpEmailOptions, type SmtpTls } from "./smtp/smtp-email-provider.ts";
export { HTTP_GATEWAY_PROVIDER_NAME, createHttpGatewayProviders, type HttpGatewayOptions, type GatewayRequest } from "./http-gateway/http-gateway-providers.ts";
