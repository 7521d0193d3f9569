import { Tag } from "antd";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";

/** Active or ended, the two states the core keeps (a plugin shows its own finer state, e.g. paused, beside it). */
export function ContractStatusTag({ status }: { status: "active" | "ended" }) {
  const t = useKitTranslate(kitStrings);
  return (
    <Tag color={status === "active" ? "green" : undefined} data-testid="contract-status">
      {t(status === "active" ? "contracts.status.active" : "contracts.status.ended")}
    </Tag>
  );
}
