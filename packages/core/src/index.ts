export * from "./money.ts";
export * from "./business-date.ts";
export * from "./clock.ts";
export * from "./domain-error.ts";
export * from "./roles.ts";
export * from "./chart-of-accounts.ts";
export * from "./ledger-posting.ts";
