import { ContractList, useKitTranslate } from "@sunap/admin-kit";
import { PLUGIN_ID } from "./client.ts";
import { PATHS } from "./paths.ts";
import { strings } from "./strings.ts";
import { useHasPermission } from "./use-permission.ts";

/** Every store's royalty terms: search, status and store filters on the server. */
export function RoyaltyContractsPage() {
  const t = useKitTranslate(strings);
  const canWrite = useHasPermission("contract.write");
  return (
    <ContractList
      pluginId={PLUGIN_ID}
      title={t("contracts.title")}
      createPath={PATHS.create}
      canCreate={canWrite}
      extraColumns={[{ title: t("contracts.store"), key: "store", render: (_, row) => (row.store ? `${row.store.code} ${row.store.name}` : "—") }]}
    />
  );
}
