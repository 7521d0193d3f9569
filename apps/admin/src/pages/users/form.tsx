import { Col, Form, Input, Row, Select, Switch, type FormProps } from "antd";
import { useSelect } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { ROLES } from "@sunap/core";
import type { Store } from "../../api/types.ts";

/** Shared by create and edit: the store multi-select appears only for store owners. */
export function UserForm({ formProps, mode }: { formProps: FormProps; mode: "create" | "edit" }) {
  const t = useTranslate();
  const role = Form.useWatch("role", formProps.form);
  const { selectProps: storeSelectProps } = useSelect<Store>({
    resource: "stores",
    optionLabel: (store) => `${store.code} · ${store.name}`,
    optionValue: "id",
    pagination: { pageSize: 200, mode: "server" },
    sorters: [{ field: "code", order: "asc" }],
    onSearch: (value) => [{ field: "name", operator: "contains", value }],
  });
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 720 }}>
      <Row gutter={16}>
        {mode === "create" && (
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t("users.fields.email")} rules={[{ required: true }, { type: "email" }]}>
              <Input id="email" autoComplete="off" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t("users.fields.name")} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input id="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="role" label={t("users.fields.role")} rules={[{ required: true }]}>
            <Select id="role" options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
        </Col>
        {role === "store_owner" && (
          <Col xs={24} md={12}>
            <Form.Item name="storeIds" label={t("users.fields.storeIds")} extra={t("users.help.stores")} rules={[{ required: true, type: "array", min: 1 }]}>
              <Select id="storeIds" mode="multiple" {...storeSelectProps} />
            </Form.Item>
          </Col>
        )}
        {mode === "create" && (
          <Col xs={24} md={12}>
            <Form.Item name="password" label={t("users.fields.password")} extra={t("users.help.password")} rules={[{ required: true }, { min: 10 }]}>
              <Input.Password id="password" autoComplete="new-password" />
            </Form.Item>
          </Col>
        )}
        {mode === "edit" && (
          <Col xs={24} md={12}>
            <Form.Item name="disabled" label={t("users.fields.disabled")} valuePropName="checked">
              <Switch id="disabled" />
            </Form.Item>
          </Col>
        )}
      </Row>
    </Form>
  );
}
