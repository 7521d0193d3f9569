import { createPluginClient } from "@sunap/admin-kit";
import type { LoanRouter } from "../loan-router.ts";
import { loanRepaymentManifest } from "../manifest.ts";

export const PLUGIN_ID = loanRepaymentManifest.id;

/** The plugin's own procedures (`loan-repayment.preview`, `.create`, `.statement`, `.payoff`, `.prepay`), typed. */
export const loanClient = createPluginClient<LoanRouter>(PLUGIN_ID);

export const loanPaths = {
  list: `/plugins/${PLUGIN_ID}/loans`,
  create: `/plugins/${PLUGIN_ID}/loans/new`,
  detail: (id: number) => `/plugins/${PLUGIN_ID}/loans/${id}`,
};
