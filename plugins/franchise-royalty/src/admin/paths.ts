import { franchiseRoyaltyManifest } from "../manifest.ts";

/** Where the plugin's pages are routed (`/plugins/<id>/<path>`). */
const base = `/plugins/${franchiseRoyaltyManifest.id}`;
export const PATHS = {
  list: `${base}/contracts`,
  create: `${base}/contracts/new`,
  detail: (id: number) => `${base}/contracts/${id}`,
  edit: (id: number) => `${base}/contracts/${id}/edit`,
  sales: `${base}/sales`,
  statement: (storeId?: number, month?: string) => `${base}/statement${storeId ? `?storeId=${storeId}${month ? `&month=${month}` : ""}` : ""}`,
  taxInvoices: `${base}/tax-invoices`,
  collections: `${base}/collections`,
  settings: `${base}/settings`,
};
