import { Typography } from "antd";
import { useLocale } from "../i18n/locale-context.tsx";

/** A CMS reason (`{ code, ko, en }` from the API) in the user's language, with its code. */
export function ReasonText({ reason, testId }: { reason: { code: string; ko: string; en: string } | null | undefined; testId?: string }) {
  const { locale } = useLocale();
  if (!reason) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type="danger" data-testid={testId}>
      {reason[locale]} <Typography.Text type="secondary">({reason.code})</Typography.Text>
    </Typography.Text>
  );
}
