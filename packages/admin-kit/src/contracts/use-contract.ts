import { coreClient } from "../api/clients.ts";
import { useApiQuery } from "../api/hooks.ts";

/** One contract (contracts.get); the summary, the end button and a plugin's own panels share this cache entry. */
export function useContract(contractId: number | undefined) {
  return useApiQuery(["contract", contractId], () => coreClient.contracts.get.query({ id: contractId! }), { enabled: typeof contractId === "number" && contractId > 0 });
}

/** The next periods the engine would bill for a saved contract, with their lines (contracts.preview). */
export function useContractPreview(contractId: number | undefined, count = 3) {
  return useApiQuery(["contract-preview", contractId, count], () => coreClient.contracts.preview.query({ id: contractId!, count }), { enabled: typeof contractId === "number" && contractId > 0 });
}
