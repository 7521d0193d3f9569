import type { ReactNode } from "react";
import { Flex, Spin } from "antd";
import { permissionFor } from "../resources.tsx";
import { hasPermission, useMe } from "../auth/session.ts";
import { Forbidden } from "./forbidden.tsx";

/**
 * Renders a page only for users holding the permission its resource/action needs; others get
 * the 403 page, and the page's data is never requested.
 */
export function Guard({ resource, action, children }: { resource: string; action: string; children: ReactNode }) {
  const { data: me, isPending } = useMe();
  if (isPending) return <PageSpinner />;
  const permission = permissionFor(resource, action);
  if (!permission || !hasPermission(me, permission)) return <Forbidden />;
  return <>{children}</>;
}

export function PageSpinner() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
