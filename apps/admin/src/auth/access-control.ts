import type { AccessControlProvider } from "@refinedev/core";
import { permissionFor } from "../resources.tsx";
import { translate } from "../i18n/translate.ts";
import { getCurrentLocale } from "@sunap/admin-kit";
import { hasPermission, loadMe } from "./session.ts";

/**
 * Decides from the signed-in user's permission list (auth.me). The server enforces the same
 * rules; this only keeps people from seeing buttons and pages they cannot use.
 */
export const accessControlProvider: AccessControlProvider = {
  async can({ resource, action }) {
    const permission = permissionFor(resource, action);
    const me = await loadMe().catch(() => undefined);
    if (permission && hasPermission(me, permission)) return { can: true };
    return { can: false, reason: translate(getCurrentLocale(), "forbidden.title") };
  },
  options: { buttons: { enableAccessControl: true, hideIfUnauthorized: true } },
};
