import { Descriptions, Tag, Typography } from "antd";
import { Show } from "@refinedev/antd";
import { useShow, useTranslate } from "@refinedev/core";
import type { Store } from "../../api/types.ts";
import { QueryError } from "../../components/query-error.tsx";

export function StoreShow() {
  const t = useTranslate();
  const { query, result: store } = useShow<Store>({ resource: "stores", errorNotification: false });
  if (query.error) return <QueryError error={query.error} />;
  return (
    <Show title={t("stores.titles.show")} isLoading={query.isLoading} canDelete={false}>
      {store && (
        <Descriptions bordered column={{ xs: 1, md: 2 }} data-testid="store-details">
          <Descriptions.Item label={t("stores.fields.code")}>
            <Typography.Text strong>{store.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t("stores.fields.name")}>{store.name}</Descriptions.Item>
          <Descriptions.Item label={t("stores.fields.region")}>{store.region}</Descriptions.Item>
          <Descriptions.Item label={t("stores.fields.status")}>
            {store.closedOn ? <Tag>{t("stores.status.closed")}</Tag> : <Tag color="green">{t("stores.status.open")}</Tag>}
          </Descriptions.Item>
          <Descriptions.Item label={t("stores.fields.openedOn")}>{store.openedOn}</Descriptions.Item>
          <Descriptions.Item label={t("stores.fields.closedOn")}>{store.closedOn ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={t("stores.fields.owners")} span="filled">
            {store.owners.length ? store.owners.map((o) => <Tag key={o.id}>{`${o.name} <${o.email}>`}</Tag>) : "—"}
          </Descriptions.Item>
        </Descriptions>
      )}
    </Show>
  );
}
