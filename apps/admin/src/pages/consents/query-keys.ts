import { listQueryKey } from "@sunap/admin-kit";

/** The consents table's name in the query cache. */
export const CONSENTS_LIST = "consents";
/** Every cached page of the consents table (a registration's status shows there). */
export const CONSENTS_QUERY_KEY = listQueryKey(CONSENTS_LIST);
