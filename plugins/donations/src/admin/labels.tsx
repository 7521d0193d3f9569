import { Tag } from "antd";
import { useKitTranslate } from "@sunap/admin-kit";
import type { PledgeStatus } from "../billing/pledge-changes.ts";
import { strings } from "./strings.ts";

const COLOURS: Record<PledgeStatus, string | undefined> = { active: "green", paused: "orange", cancelled: undefined };

/** A pledge's own state (active, paused, cancelled) as of the business date; a gift has none. */
export function PledgeStateTag({ status }: { status: PledgeStatus }) {
  const t = useKitTranslate(strings);
  return (
    <Tag color={COLOURS[status]} data-testid="pledge-state">
      {t(`state.${status}`)}
    </Tag>
  );
}
