import { Button, Card, DatePicker, Form, Select } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { List, useTable } from "@refinedev/antd";
import { useTranslate, type CrudFilters, type HttpError } from "@refinedev/core";
import { useMatch, useNavigate } from "react-router";
import type { Dayjs } from "dayjs";
import type { Consent } from "../../api/collection-types.ts";
import { useEnumLabel } from "../../components/enum-tag.tsx";
import { useBanks } from "../banks/use-banks.ts";
import { usePayerSelect } from "../payers/lookups.ts";
import { ConsentsTable } from "./consents-table.tsx";
import { ConsentDrawer } from "./consent-drawer.tsx";
import { CONSENT_METHODS } from "./tags.tsx";

interface ConsentSearch {
  payerId?: string;
  method?: string[];
  bankCode?: string;
  dates?: [Dayjs | null, Dayjs | null] | null;
}

/** Every withdrawal consent (masked), filterable; a consent's evidence opens at /consents/show/:id. */
export function ConsentList() {
  const t = useTranslate();
  const navigate = useNavigate();
  const match = useMatch("/consents/show/:id");
  const banks = useBanks();
  const payers = usePayerSelect();
  const methodLabel = useEnumLabel("consents.methods");
  const { tableProps, searchFormProps, sorters } = useTable<Consent, HttpError, ConsentSearch>({
    resource: "consents",
    sorters: { initial: [{ field: "id", order: "desc" }] },
    syncWithLocation: false,
    onSearch: (values): CrudFilters => [
      { field: "payerId", operator: "eq", value: values.payerId ? Number(values.payerId) : undefined },
      { field: "method", operator: "in", value: values.method?.length ? values.method : undefined },
      { field: "bankCode", operator: "eq", value: values.bankCode || undefined },
      { field: "agreedAt", operator: "gte", value: values.dates?.[0]?.startOf("day").toISOString() },
      { field: "agreedAt", operator: "lte", value: values.dates?.[1]?.endOf("day").toISOString() },
    ],
  });
  const openId = match?.params.id ? Number(match.params.id) : null;
  return (
    <List title={t("consents.titles.list")} headerButtons={() => null}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form {...searchFormProps} name="consents-filters" layout="inline" style={{ rowGap: 8 }}>
          <Form.Item name="payerId" label={t("consents.fields.payer")}>
            <Select {...payers.selectProps} allowClear style={{ width: 200 }} placeholder={t("app.all")} />
          </Form.Item>
          <Form.Item name="method" label={t("consents.fields.method")}>
            <Select mode="multiple" allowClear style={{ minWidth: 160 }} placeholder={t("app.all")} options={CONSENT_METHODS.map((m) => ({ value: m, label: methodLabel(m) }))} />
          </Form.Item>
          <Form.Item name="bankCode" label={t("consents.fields.bank")}>
            <Select allowClear showSearch optionFilterProp="label" style={{ width: 180 }} placeholder={t("app.all")} options={banks.options} />
          </Form.Item>
          <Form.Item name="dates" label={t("consents.fields.agreedAt")}>
            <DatePicker.RangePicker format="YYYY-MM-DD" allowEmpty={[true, true]} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
              {t("app.search")}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      <ConsentsTable tableProps={tableProps} sorters={sorters} bankName={banks.nameOf} onOpen={(id) => navigate(`/consents/show/${id}`)} />
      <ConsentDrawer id={openId} onClose={() => navigate("/consents")} />
    </List>
  );
}
