import type { ReactNode } from "react";
import { Button, Card, Form, Space, Table, type TableProps } from "antd";
import type { ColumnType, ColumnsType } from "antd/es/table";
import { SearchOutlined } from "@ant-design/icons";
import { kitStrings } from "../locale/kit-strings.ts";
import { useKitTranslate } from "../locale/use-kit-translate.ts";
import type { ServerTableState } from "./use-server-table.ts";

export interface ServerTableProps<Row, Values> extends Omit<TableProps<Row>, "dataSource" | "loading" | "pagination" | "onChange" | "columns"> {
  table: ServerTableState<Row, Values>;
  columns: ColumnsType<Row>;
  /** The filter form's items; shown in a card above the table with search and reset. */
  filters?: ReactNode;
  /** Names the table and its filter form for tests: `<testId>` and `<testId>-filters`. */
  testId: string;
  emptyText?: ReactNode;
  /** Put the filters in a card of their own (default), or inline above the table (tabs, drawers). */
  filtersInCard?: boolean;
}

function columnField<Row>(column: ColumnType<Row>): string | undefined {
  if (column.key !== undefined) return String(column.key);
  const index = column.dataIndex;
  if (typeof index === "string" || typeof index === "number") return String(index);
  return Array.isArray(index) ? index.join(".") : undefined;
}

/**
 * The shared server-side list: filter form, sortable columns (a column with `sorter: true` sorts
 * on the server by its key or dataIndex), pager with total, loading and empty states.
 */
export function ServerTable<Row extends object, Values extends object>({ table, columns, filters, testId, emptyText, filtersInCard = true, ...rest }: ServerTableProps<Row, Values>) {
  const t = useKitTranslate(kitStrings);
  const sortedColumns = columns.map((column) => {
    if (!("sorter" in column) || !column.sorter) return column;
    const field = columnField(column as ColumnType<Row>);
    return field === undefined ? column : { ...column, sortOrder: table.sortOrderOf(field) };
  });
  const form = filters ? (
    <Form<Values>
      form={table.form}
      name={`${testId}-filters`}
      data-testid={`${testId}-filters`}
      layout="inline"
      style={{ rowGap: 8 }}
      initialValues={table.values ?? undefined}
      onFinish={(values) => table.search(values)}
    >
      {filters}
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid={`${testId}-search`}>
            {t("table.search")}
          </Button>
          <Button onClick={table.reset}>{t("table.reset")}</Button>
        </Space>
      </Form.Item>
    </Form>
  ) : null;
  return (
    <>
      {form && (filtersInCard ? <Card size="small" style={{ marginBottom: 16 }}>{form}</Card> : <div style={{ marginBottom: 12 }}>{form}</div>)}
      <Table<Row>
        rowKey="id"
        scroll={{ x: "max-content" }}
        {...rest}
        {...table.tableProps}
        columns={sortedColumns}
        data-testid={testId}
        pagination={{ ...(table.tableProps.pagination || {}), showTotal: (total) => t("table.total", { total }) }}
        locale={{ emptyText: emptyText ?? t("table.empty") }}
      />
    </>
  );
}
