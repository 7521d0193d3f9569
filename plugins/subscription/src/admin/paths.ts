import { subscriptionManifest } from "../manifest.ts";

/** Where the plugin's pages are routed (`/plugins/<id>/<path>`); contract pages where the admin kit expects them. */
const base = `/plugins/${subscriptionManifest.id}`;
export const PATHS = {
  plans: `${base}/plans`,
  list: `${base}/contracts`,
  start: `${base}/contracts/new`,
  detail: (id: number) => `${base}/contracts/${id}`,
  settings: `${base}/settings`,
};
