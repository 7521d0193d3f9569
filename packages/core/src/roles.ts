/** The roles a user may have. A store owner is further scoped to the stores they own. */
export const ROLES = ["admin", "finance", "franchise_hq", "store_owner", "auditor"] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission a procedure can declare. A procedure without one is a bug (a test
 * walks the router and fails on it); a role holds a permission only if listed below.
 */
export const PERMISSIONS = [
  "session.self", // signed-in user: own profile, password, logout
  "org.read",
  "org.update",
  "store.read",
  "store.write",
  "user.read",
  "user.write",
  "ledger.read",
  "ledger.post",
  "period.read",
  "period.close",
  "period.reopen",
  "audit.read",
  "report.read",
  "report.export",
  "clock.set",
  "payer.read",
  "payer.write",
  "payer.reveal", // see unmasked personal data; every use is written to the access log
  "payer.export", // export personal data; logged the same way
  "message.read", "message.write", // the notify outbox: read the message log (recipients masked); re-queue a failed message
  "consent.read", // withdrawal consents and enrollment links, masked
  "consent.write", // create and send enrollment links, record a consent taken on paper or by phone
  "registration.read", // CMS registrations and their history
  "registration.write", // run the registration submit/collect jobs now
  "evidence.download", // consent evidence files and certificates; every download is written to the access log
  "contract.read", // plugin contracts (subscriptions, royalty terms, pledges, loans) and plugin settings
  "contract.write", // create, change and end contracts; change plugin settings
  "invoice.read", // invoices, their lines, entries and PDFs; billing runs
  "invoice.write", // run billing now, void an invoice
  "payment.read", // payments received by hand and their allocations
  "payment.write", // record, allocate and void payments; apply customer credit
  "sales.report", // franchise: enter a store's monthly sales (a store owner, for their own stores)
  "sales.import", // franchise: import many stores' sales at once; issue tax invoices
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_ONLY: Permission[] = ["session.self", "org.read", "store.read", "ledger.read", "period.read", "report.read", "payer.read", "message.read", "consent.read", "registration.read", "contract.read", "invoice.read", "payment.read"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  finance: new Set([...READ_ONLY, "ledger.post", "period.close", "period.reopen", "report.export", "audit.read", "payer.write", "payer.reveal", "payer.export", "message.write", "consent.write", "registration.write", "evidence.download", "contract.write", "invoice.write", "payment.write", "sales.report", "sales.import"]),
  franchise_hq: new Set([...READ_ONLY, "store.write", "report.export", "contract.write", "sales.report", "sales.import"]),
  store_owner: new Set(["session.self", "org.read", "store.read", "ledger.read", "report.read", "payer.read", "contract.read", "invoice.read", "payment.read", "sales.report"]),
  auditor: new Set([...READ_ONLY, "audit.read", "report.export", "user.read", "evidence.download"]),
};

export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Roles whose every query is narrowed to their own stores. */
export function isStoreScoped(role: Role): boolean {
  return role === "store_owner";
}
