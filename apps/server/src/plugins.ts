import type { ServerPlugin } from "@sunap/api";
import { subscriptionPlugin } from "@sunap/plugin-subscription/server";
import { franchiseRoyaltyPlugin } from "@sunap/plugin-franchise-royalty/server";
import { donationsPlugin } from "@sunap/plugin-donations/server";
import { loanRepaymentPlugin } from "@sunap/plugin-loan-repayment/server";

/** The server's plugin registry: a new industry is one line here (and one in the admin's). */
export const serverPlugins: readonly ServerPlugin[] = [subscriptionPlugin, franchiseRoyaltyPlugin, donationsPlugin, loanRepaymentPlugin];
