import { Col, DatePicker, Form, Input, Row, type FormProps } from "antd";
import { useTranslate } from "@refinedev/core";
import dayjs from "dayjs";

/** The store form both create and edit use; dates travel as `YYYY-MM-DD` strings. */
export function StoreForm({ formProps }: { formProps: FormProps }) {
  const t = useTranslate();
  const dateProps = {
    getValueProps: (value: string | null | undefined) => ({ value: value ? dayjs(value) : null }),
    normalize: (value: dayjs.Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null),
  };
  return (
    <Form {...formProps} layout="vertical" style={{ maxWidth: 720 }}>
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item name="code" label={t("stores.fields.code")} extra={t("stores.help.code")} rules={[{ required: true }, { pattern: /^[A-Za-z0-9_-]{2,20}$/, message: t("stores.help.code") }]}>
            <Input id="code" style={{ textTransform: "uppercase" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="name" label={t("stores.fields.name")} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input id="name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="region" label={t("stores.fields.region")} rules={[{ required: true, whitespace: true, max: 50 }]}>
            <Input id="region" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="openedOn" label={t("stores.fields.openedOn")} rules={[{ required: true }]} {...dateProps}>
            <DatePicker id="openedOn" format="YYYY-MM-DD" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="closedOn" label={t("stores.fields.closedOn")} extra={t("stores.help.closedOn")} {...dateProps}>
            <DatePicker id="closedOn" format="YYYY-MM-DD" style={{ width: "100%" }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
