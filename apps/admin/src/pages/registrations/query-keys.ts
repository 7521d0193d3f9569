import { listQueryKey } from "@sunap/admin-kit";

/** The registrations table's name in the query cache. */
export const REGISTRATIONS_LIST = "registrations";
/** Every cached page of the registrations table and every registration record (Refine's show page). */
export const REGISTRATIONS_QUERY_KEYS = [listQueryKey(REGISTRATIONS_LIST), ["data", "default", "registrations"]];
