import { listQueryKey } from "@sunap/admin-kit";

/** The links table's name in the query cache. */
export const LINKS_LIST = "enrollment-links";
/** Every cached page of the links table: what creating, sending or revoking a link refetches. */
export const LINKS_QUERY_KEY = listQueryKey(LINKS_LIST);
