import { z } from "zod";
import type { Keyring } from "@sunap/db";
import { createHttpGatewayProviders, createSandboxProviders, createSmtpEmailProvider, type HttpGatewayOptions, type NotifyProviders, type SmtpEmailOptions } from "@sunap/notify";
import { Id } from "../id-input.ts";
import { DISPATCH_DEFAULTS, dispatchDueMessages, type DispatchOptions, type DispatchResult } from "../services/notify-dispatcher.ts";
import { defineJob, type JobDefinition } from "./job-definition.ts";

export const NOTIFY_DISPATCH_JOB = "notify.dispatch";

/** `{}` (the cron's): every due message. `{ messageIds }`: just these, e.g. sent on demand right after a code is queued. */
export const NotifyDispatchData = z.object({ messageIds: z.array(Id).min(1).max(100).optional() });
export type NotifyDispatchData = z.infer<typeof NotifyDispatchData>;

export interface NotifyDispatchJobOptions extends Pick<DispatchOptions, "batchSize" | "maxMessages" | "maxAttempts" | "leaseSeconds"> {
  /** One provider per channel; default the sandbox providers (demo, tests). */
  providers?: NotifyProviders;
}

/** The messaging rails as configuration chooses them (apps/server maps the environment onto this). */
export interface NotifyRailsConfig {
  /** SMS, LMS and Alimtalk travel together through one gateway. */
  text: { provider: "sandbox" } | ({ provider: "http-gateway" } & HttpGatewayOptions);
  email: { provider: "sandbox" } | ({ provider: "smtp" } & SmtpEmailOptions);
}

/** The one place notify providers are chosen by name: one provider per channel. */
export function notifyProvidersFor(config: NotifyRailsConfig): NotifyProviders {
  const sandbox = createSandboxProviders();
  const text = config.text.provider === "http-gateway" ? createHttpGatewayProviders(config.text) : { sms: sandbox.sms, alimtalk: sandbox.alimtalk };
  const email = config.email.provider === "smtp" ? createSmtpEmailProvider(config.email) : sandbox.email;
  return { ...text, email };
}

/**
 * The `notify.dispatch` job: every minute, and on demand (`boss.send("notify.dispatch", { messageIds })`).
 * A factory, since it needs the keyring to decrypt recipients, which jobs are not otherwise given.
 * Idempotent: it only claims queued messages, so a second run (or a pg-boss retry) sends nothing
 * again; see notify-dispatcher.ts for the crash-after-send window (at least once).
 */
export function createNotifyDispatchJob(keyring: Keyring, options: NotifyDispatchJobOptions = {}): JobDefinition<NotifyDispatchData, DispatchResult> {
  const providers = options.providers ?? createSandboxProviders();
  return defineJob({
    name: NOTIFY_DISPATCH_JOB,
    cron: "* * * * *",
    data: NotifyDispatchData,
    // Shorter than the claim's lease, so a retried run never finds its predecessor's messages unclaimed mid-send.
    expireInSeconds: DISPATCH_DEFAULTS.leaseSeconds - 60,
    retryLimit: 2,
    retryDelay: 30,
    async handler({ db, clock, log, signal }, data) {
      const result = await dispatchDueMessages(db, clock, { ...options, keyring, providers, messageIds: data.messageIds, signal, log });
      if (result.sent + result.failed + result.retrying + result.cancelled > 0) log.info(result, "messages dispatched");
      return result;
    },
  });
}
