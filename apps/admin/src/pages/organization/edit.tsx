import { useEffect } from "react";
import { Alert, App, Button, Card, Col, Divider, Form, Input, Row, Select, Skeleton } from "antd";
import { List } from "@refinedev/antd";
import { SaveOutlined } from "@ant-design/icons";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, useApiQuery, fieldErrorsForForm } from "@sunap/admin-kit";
import type { Organization } from "../../api/types.ts";
import { hasPermission, ME_QUERY_KEY, useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

type OrganizationValues = Omit<Organization, "id" | "updatedAt">;

const TIME_ZONES = ["Asia/Seoul", "Asia/Tokyo", "Asia/Shanghai", "Asia/Singapore", "America/Los_Angeles", "America/New_York", "Europe/London", "UTC"];

export function OrganizationPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const canEdit = hasPermission(me, "org.update");
  const [form] = Form.useForm<OrganizationValues>();
  const organization = useApiQuery(["organization.get"], () => trpc.organization.get.query());
  const save = useApiMutation((values: OrganizationValues) => trpc.organization.update.mutate(values), { invalidate: [["sunap", "organization.get"], [...ME_QUERY_KEY]], notifyError: false });

  useEffect(() => {
    if (organization.data) form.setFieldsValue(organization.data);
  }, [organization.data, form]);

  const submit = (values: OrganizationValues) =>
    save.mutate(values, {
      onSuccess: () => void message.success(t("organization.saved")),
      onError: (error) => {
        form.setFields(fieldErrorsForForm(error));
        void message.error(error.message);
      },
    });

  const f = (name: keyof OrganizationValues) => t(`organization.fields.${name}`);

  return (
    <List title={t("organization.title")} headerButtons={() => null}>
      <Card>
      {!canEdit && <Alert type="info" showIcon message={t("organization.readOnly")} style={{ marginBottom: 24 }} data-testid="read-only" />}
      {organization.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<OrganizationValues> form={form} layout="vertical" disabled={!canEdit || save.isPending} onFinish={submit} style={{ maxWidth: 880 }}>
          <Divider orientation="left" orientationMargin={0}>{t("organization.sectionIdentity")}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="legalName" label={f("legalName")} rules={[{ required: true, whitespace: true, max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="businessNumber" label={f("businessNumber")} extra={t("organization.help.businessNumber")} rules={[{ required: true, pattern: /^\d{3}-?\d{2}-?\d{5}$/, message: t("organization.help.businessNumber") }]}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="representative" label={f("representative")} rules={[{ required: true, whitespace: true, max: 50 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="timeZone" label={f("timeZone")} rules={[{ required: true }]}>
                <Select showSearch options={TIME_ZONES.map((tz) => ({ value: tz, label: tz }))} />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={f("address")} rules={[{ required: true, whitespace: true, max: 200 }]}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Divider orientation="left" orientationMargin={0}>{t("organization.sectionCms")}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="cmsInstitutionCode" label={f("cmsInstitutionCode")} extra={t("organization.help.cmsInstitutionCode")} rules={[{ required: true, pattern: /^[0-9A-Z]{8,10}$/, message: t("organization.help.cmsInstitutionCode") }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="settlementBankCode" label={f("settlementBankCode")} extra={t("organization.help.settlementBankCode")} rules={[{ required: true, pattern: /^\d{3}$/, message: t("organization.help.settlementBankCode") }]}>
                <Input inputMode="numeric" maxLength={3} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item name="settlementAccount" label={f("settlementAccount")} rules={[{ required: true, pattern: /^[\d-]{10,20}$/ }]}>
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
          </Row>
          <Divider orientation="left" orientationMargin={0}>{t("organization.sectionPayers")}</Divider>
          <Form.Item name="creditorText" label={f("creditorText")} rules={[{ required: true, whitespace: true, max: 1000 }]}>
            <Input.TextArea rows={3} showCount maxLength={1000} />
          </Form.Item>
          {canEdit && (
            <Button type="primary" htmlType="submit" icon={<SaveOutlined />} loading={save.isPending} data-testid="organization-save">
              {t("buttons.save")}
            </Button>
          )}
        </Form>
      )}
      </Card>
    </List>
  );
}
