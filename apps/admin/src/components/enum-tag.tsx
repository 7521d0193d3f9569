import { Tag } from "antd";
import { hasTranslation, translate } from "../i18n/translate.ts";
import { useLocale } from "../i18n/locale-context.tsx";

/**
 * A status or kind as a coloured tag, labelled from the catalogue (`<prefix>.<value>`); a value
 * the catalogue does not know yet is shown as it is, so a new server status never breaks a page.
 */
export function EnumTag({ prefix, value, colors, testId }: { prefix: string; value: string | null | undefined; colors?: Record<string, string>; testId?: string }) {
  const { locale } = useLocale();
  if (!value) return null;
  const key = `${prefix}.${value}`;
  return (
    <Tag color={colors?.[value]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {hasTranslation(locale, key) ? translate(locale, key) : value}
    </Tag>
  );
}

/** The label alone (for selects and plain text). */
export function useEnumLabel(prefix: string): (value: string) => string {
  const { locale } = useLocale();
  return (value: string) => {
    const key = `${prefix}.${value}`;
    return hasTranslation(locale, key) ? translate(locale, key) : value;
  };
}
