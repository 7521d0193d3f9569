import { coreClient, useApiQuery } from "@sunap/admin-kit";

/** The server's business date (its clock may be pinned in demo mode): states are shown as of that day. */
export function useBusinessToday(): string | undefined {
  return useApiQuery(["clock"], () => coreClient.clock.get.query()).data?.today;
}
