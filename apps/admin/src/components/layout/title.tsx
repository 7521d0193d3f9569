import { ThemedTitle } from "@refinedev/antd";
import type { TitleProps } from "@refinedev/core";
import { useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

export function Logo({ size = 24 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#1f4fd1" />
      <path d="M9 21c2.5 2.2 5 3 7.4 3 3.6 0 6-1.7 6-4.4 0-2.5-1.8-3.6-5.4-4.4l-1.7-.4c-2-.5-2.7-1-2.7-2 0-1.1 1.1-1.9 2.9-1.9 1.7 0 3.2.6 4.6 1.8l1.9-2.4C20.4 7.8 18.3 7 16 7c-3.5 0-5.9 1.9-5.9 4.5 0 2.5 1.7 3.7 5.2 4.5l1.7.4c2.1.5 2.9 1 2.9 2.1 0 1.2-1.2 2-3.2 2-1.9 0-3.9-.8-5.7-2.4z" fill="#fff" />
    </svg>
  );
}

/** The organisation's legal name over the menu (the product name until it is known). */
export function AppTitle({ collapsed }: TitleProps) {
  const { data: me } = useMe();
  const { t } = useLocale();
  return <ThemedTitle collapsed={collapsed} icon={<Logo />} text={<span title={me?.organization?.legalName}>{me?.organization?.legalName ?? t("app.name")}</span>} />;
}
