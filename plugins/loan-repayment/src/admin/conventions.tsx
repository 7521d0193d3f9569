import { Alert, Typography } from "antd";
import { useKitTranslate } from "@sunap/admin-kit";
import { strings } from "./strings.ts";

const KEYS = ["conventions.monthly", "conventions.equalInstallment", "conventions.equalPrincipal", "conventions.bullet", "conventions.firstPeriod", "conventions.noDates", "conventions.overdue", "conventions.holiday"] as const;

/** The calculation conventions of the plugin's README, shown beside every schedule. */
export function Conventions() {
  const t = useKitTranslate(strings);
  return (
    <Alert
      type="info"
      data-testid="loan-conventions"
      message={t("conventions.title")}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {KEYS.map((key) => (
            <li key={key}>
              <Typography.Text>{t(key)}</Typography.Text>
            </li>
          ))}
        </ul>
      }
    />
  );
}
