import type { Logger } from "pino";
import { cmsProviderFactory, notifyProvidersFor, type CmsProviderFactory, type CmsRailConfig, type NotifyRailsConfig } from "@sunap/api";
import { ConfigError, type Config } from "./config.ts";

/** The rails this installation uses, built once from configuration; the rest of the code never asks which. */
export interface Providers {
  cms: CmsProviderFactory;
  notify: ReturnType<typeof notifyProvidersFor>;
  /** The variables of the rails left on their sandbox (for the start-up warning). */
  sandboxRails: string[];
}

const RAILS = [
  { variable: "SUNAP_CMS_PROVIDER", label: "the CMS bank" },
  { variable: "SUNAP_SMS_PROVIDER", label: "SMS and Alimtalk" },
  { variable: "SUNAP_EMAIL_PROVIDER", label: "e-mail" },
] as const;

/** The environment, already validated by loadConfig (a chosen provider's settings are present), as the api's rail settings. */
export function railsConfig(config: Config, log: Logger): { cms: CmsRailConfig; notify: NotifyRailsConfig } {
  const cms: CmsRailConfig =
    config.SUNAP_CMS_PROVIDER === "file-exchange"
      ? {
          provider: "file-exchange",
          outboundDirectory: config.SUNAP_CMS_OUTBOUND_DIR!,
          inboundDirectory: config.SUNAP_CMS_INBOUND_DIR!,
          onRejected: (rejection) => log.error({ file: rejection.file, code: rejection.code, record: rejection.recordNumber }, "CMS result file refused whole and moved to rejected/ (see its .reason.txt)"),
        }
      : { provider: "sandbox" };
  const text: NotifyRailsConfig["text"] =
    config.SUNAP_SMS_PROVIDER === "http-gateway"
      ? { provider: "http-gateway", url: config.SUNAP_SMS_GATEWAY_URL!, apiKey: config.SUNAP_SMS_GATEWAY_API_KEY!, sender: config.SUNAP_SMS_SENDER!, timeoutMs: config.SUNAP_SMS_GATEWAY_TIMEOUT_MS }
      : { provider: "sandbox" };
  const email: NotifyRailsConfig["email"] =
    config.SUNAP_EMAIL_PROVIDER === "smtp"
      ? { provider: "smtp", host: config.SUNAP_SMTP_HOST!, port: config.SUNAP_SMTP_PORT, tls: config.SUNAP_SMTP_TLS, user: config.SUNAP_SMTP_USER, password: config.SUNAP_SMTP_PASSWORD, from: config.SUNAP_EMAIL_FROM! }
      : { provider: "sandbox" };
  return { cms, notify: { text, email } };
}

/**
 * Chooses each rail from configuration. Outside demo mode a rail left on its sandbox would
 * quietly reach no one: that refuses to start unless SUNAP_ALLOW_SANDBOX_PROVIDERS=true says it
 * is meant (a staging server), and then it is a warning. Demo mode uses the sandboxes silently.
 */
export function selectProviders(config: Config, demoMode: boolean, log: Logger): Providers {
  const sandboxRails = RAILS.filter((rail) => config[rail.variable] === "sandbox");
  if (!demoMode && sandboxRails.length > 0) {
    if (!config.SUNAP_ALLOW_SANDBOX_PROVIDERS) {
      const lines = sandboxRails.map((rail) => `  ${rail.variable}: sandbox — ${rail.label} would reach no one`);
      throw new ConfigError(
        `Refusing to start outside demo mode with sandbox providers:\n${lines.join("\n")}\n` +
          'Choose the real providers (README, "Providers in production"), or set SUNAP_ALLOW_SANDBOX_PROVIDERS=true for a server that must not reach anyone.',
      );
    }
    log.warn({ rails: sandboxRails.map((r) => r.variable) }, `${sandboxRails.map((r) => r.label).join(", ")}: sandbox implementations; nothing sent through them leaves this server.`);
  }
  const rails = railsConfig(config, log);
  return { cms: cmsProviderFactory(rails.cms), notify: notifyProvidersFor(rails.notify), sandboxRails: sandboxRails.map((r) => r.variable) };
}
