import type { Permission } from "@sunap/core";
import { coreClient, useApiQuery } from "@sunap/admin-kit";

/** Whether the signed-in user holds a permission (to show or hide buttons; the server decides). */
export function useHasPermission(permission: Permission): boolean {
  const me = useApiQuery(["auth", "me"], () => coreClient.auth.me.query());
  return me.data?.permissions.includes(permission) ?? false;
}
