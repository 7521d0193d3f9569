import { Tag } from "antd";
import { ContractList, useBusinessToday, useKitTranslate, type ContractRow } from "@sunap/admin-kit";
import { stateOn } from "../contract/lifecycle.ts";
import type { SubscriptionTerms } from "../contract/terms.ts";
import { PLUGIN_ID } from "./client.ts";
import { STATE_COLORS, stateLabel } from "./labels.ts";
import { PATHS } from "./paths.ts";
import { strings } from "./strings.ts";

/** Every subscription: the kit's server-side contract list, plus the subscription's state today. */
export function SubscriptionsPage() {
  const t = useKitTranslate(strings);
  const today = useBusinessToday();
  return (
    <ContractList
      pluginId={PLUGIN_ID}
      title={t("subs.title")}
      createPath={PATHS.start}
      detailPath={PATHS.detail}
      extraColumns={[
        {
          title: t("detail.state"),
          key: "subscriptionState",
          render: (_: unknown, row: ContractRow) => {
            if (row.termsProblem || row.status === "ended" || !today) return null;
            const state = stateOn(row.terms as SubscriptionTerms, today);
            return <Tag color={STATE_COLORS[state]}>{stateLabel(t, state)}</Tag>;
          },
        },
      ]}
    />
  );
}
