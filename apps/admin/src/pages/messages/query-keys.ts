import { listQueryKey } from "@sunap/admin-kit";

/** What a resend or a sent link refetches: every page of the message log and the open message (Refine's record). */
export const MESSAGES_QUERY_KEYS = [listQueryKey("messages"), ["data", "default", "messages"]];
