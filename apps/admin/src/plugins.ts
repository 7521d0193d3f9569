import type { ReactNode } from "react";
import type { AdminPluginDefinition } from "@sunap/core";
import { subscriptionAdmin } from "@sunap/plugin-subscription/admin";
import { franchiseRoyaltyAdmin } from "@sunap/plugin-franchise-royalty/admin";
import { donationsAdmin } from "@sunap/plugin-donations/admin";
import { loanRepaymentAdmin } from "@sunap/plugin-loan-repayment/admin";

/**
 * The admin plugin registry: one line per industry plugin. Each gets a menu entry under
 * "Industry plugins" (its overview page) and its own pages below it.
 */
export const adminPlugins = [
  subscriptionAdmin,
  franchiseRoyaltyAdmin,
  donationsAdmin,
  loanRepaymentAdmin,
] as readonly AdminPluginDefinition[] as readonly AdminPluginDefinition<ReactNode>[];
