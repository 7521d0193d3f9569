import { useState } from "react";
import { Card, DatePicker, Skeleton, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { Money, useApiQuery, useKitTranslate } from "@sunap/admin-kit";
import type { CollectionFigures } from "../server/collections.ts";
import { royaltyClient } from "./client.ts";
import { strings } from "./strings.ts";

interface Row extends CollectionFigures {
  key: string;
  name: string;
  children?: Row[];
}

/** HQ's view: royalty billed, collected and outstanding by region and store over months (a store owner sees their stores). */
export function RoyaltyCollectionsPage() {
  const t = useKitTranslate(strings);
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(12, "month"), dayjs().subtract(1, "month")]);
  const fromMonth = range[0].format("YYYY-MM");
  const toMonth = range[1].format("YYYY-MM");
  const data = useApiQuery(["royalty", "collections", fromMonth, toMonth], () => royaltyClient.collections.query({ fromMonth, toMonth }), { keepPrevious: true });
  const rows: Row[] = (data.data?.regions ?? []).map((region) => ({
    ...region,
    key: `region:${region.region}`,
    name: region.region,
    children: region.stores.map((store) => ({ ...store, key: `store:${store.storeId}`, name: `${store.storeCode} ${store.storeName}` })),
  }));
  const money = (field: keyof CollectionFigures) => (_: unknown, row: Row) => <Money amountWon={row[field] as bigint} strong={row.children !== undefined} />;
  return (
    <Card
      title={t("collections.title")}
      extra={<DatePicker.RangePicker picker="month" allowClear={false} value={range} onChange={(value) => value?.[0] && value[1] && setRange([value[0], value[1]])} data-testid="collections-range" />}
    >
      <Typography.Paragraph type="secondary">{t("collections.note")}</Typography.Paragraph>
      {data.isLoading ? (
        <Skeleton active />
      ) : (
        <Table<Row>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
          data-testid="royalty-collections"
          locale={{ emptyText: t("collections.empty") }}
          columns={[
            { title: t("collections.regionStore"), dataIndex: "name" },
            { title: t("collections.invoices"), dataIndex: "invoices", align: "right" },
            { title: t("collections.billed"), align: "right", render: money("billedWon") },
            { title: t("collections.collected"), align: "right", render: money("collectedWon") },
            { title: t("collections.outstanding"), align: "right", render: money("outstandingWon") },
            { title: t("collections.overdue"), align: "right", render: money("overdueWon") },
          ]}
          summary={() =>
            data.data && rows.length > 0 ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{t("collections.total")}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">{data.data.total.invoices}</Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right"><Money amountWon={data.data.total.billedWon} strong /></Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right"><Money amountWon={data.data.total.collectedWon} strong /></Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right"><Money amountWon={data.data.total.outstandingWon} strong /></Table.Summary.Cell>
                <Table.Summary.Cell index={5} align="right"><Money amountWon={data.data.total.overdueWon} strong /></Table.Summary.Cell>
              </Table.Summary.Row>
            ) : null
          }
        />
      )}
    </Card>
  );
}
