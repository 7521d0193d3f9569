import type { Keyring } from "@sunap/db";
import { runRetention } from "../services/retention-service.ts";
import { defineJob } from "./job-definition.ts";

/**
 * Daily, with the retention period of the settings (default 5 years):
 * - every payer, with or without a consent, whose relationship ended that long ago — they left, or
 *   their registrations and contracts all ended — and who has no active registration or contract,
 *   no open invoice and no balance owed by or to them in the ledger: name (→ "(파기됨)"), birth
 *   date, business number, representative, phone, e-mail, address and the accounts' numbers and
 *   holders are erased, the consent evidence files' bytes deleted and the consents' and
 *   withdrawals' IP, user agent and names cleared, through sunap_redact_payer_personal_data() (the
 *   one database function allowed to touch evidence; it audits each payer with counts only); their
 *   messages lose text, recipient and links, queued ones are cancelled; their payments' reference
 *   and memo become "(파기됨)"; each plugin of the context's registry erases its own rows (the
 *   donations plugin, the resident registration number); the payer is marked left. The payer row,
 *   its code and the ledger, invoices and payments naming it stay, anonymised.
 * - messages naming no payer past the period lose text, recipient and links; one-time-code
 *   challenges that are not a consent's evidence and idle per-phone counters are deleted.
 * Idempotent: a redacted payer is not found again.
 */
export const createRetentionJob = (keyring: Keyring) =>
  defineJob({
    name: "retention.redact-personal-data",
    cron: "30 3 * * *",
    expireInSeconds: 1800,
    async handler(ctx) {
      return runRetention(ctx.db, keyring, ctx.clock.today(), ctx.billing.plugins);
    },
  });
