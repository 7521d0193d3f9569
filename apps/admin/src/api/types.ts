import type { trpc } from "./trpc.ts";

type Output<F> = F extends (...args: never[]) => Promise<infer R> ? R : never;

export type Me = Output<typeof trpc.auth.me.query>;
export type SignedInUser = NonNullable<Me["user"]>;
export type DashboardSummary = Output<typeof trpc.dashboard.summary.query>;
export type Store = Output<typeof trpc.stores.get.query>;
export type User = Output<typeof trpc.users.get.query>;
export type Organization = NonNullable<Output<typeof trpc.organization.get.query>>;
export type LedgerEntry = Output<typeof trpc.ledger.entry.query>;
export type LedgerEntryRow = Output<typeof trpc.ledger.entries.query>["data"][number];
export type LedgerAccounts = Output<typeof trpc.ledger.accounts.query>;
export type LedgerAccount = LedgerAccounts["data"][number];
export type TrialBalance = Output<typeof trpc.ledger.trialBalance.query>;
export type Period = Output<typeof trpc.periods.list.query>["data"][number];
export type AuditRecord = Output<typeof trpc.audit.get.query>;
export type PluginOverview = Output<typeof trpc.plugins.overview.query>;
