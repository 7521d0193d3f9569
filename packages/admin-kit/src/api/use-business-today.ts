import { coreClient } from "./clients.ts";
import { useApiQuery } from "./hooks.ts";

/** The organisation's business date from the server's clock (which tests and demos may move), for form defaults. */
export function useBusinessToday(): string | undefined {
  return useApiQuery(["clock"], () => coreClient.clock.get.query()).data?.today;
}
