import { useState } from "react";
import { Alert, Button, Card, Flex, Form, Input, Layout, List, Tag, Typography, theme } from "antd";
import { LockOutlined, MailOutlined } from "@ant-design/icons";
import { useLogin } from "@refinedev/core";
import { useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import { LanguageSwitch } from "../../components/layout/header.tsx";
import { Logo } from "../../components/layout/title.tsx";

/** The accounts the demo seed creates; shown only when the server says it runs in demo mode. */
const DEMO_PASSWORD = "sunap-demo-2026";
const DEMO_ACCOUNTS = [
  { role: "admin", email: "admin@sunap.demo" },
  { role: "finance", email: "finance@sunap.demo" },
  { role: "franchise_hq", email: "hq@sunap.demo" },
  { role: "store_owner", email: "store@sunap.demo" },
  { role: "auditor", email: "auditor@sunap.demo" },
] as const;

interface LoginValues {
  email: string;
  password: string;
}

export function LoginPage() {
  const { t } = useLocale();
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const [form] = Form.useForm<LoginValues>();
  const [failure, setFailure] = useState<string | null>(null);
  const { mutate: login, isPending } = useLogin<LoginValues>();

  const submit = (values: LoginValues) => {
    setFailure(null);
    login(values, {
      onSuccess: (result) => {
        if (!result.success) setFailure(result.error?.message ?? t("login.failed"));
      },
      onError: (error) => setFailure(error.message),
    });
  };

  return (
    <Layout style={{ minHeight: "100vh", background: `linear-gradient(135deg, #0f2f8f 0%, #1f4fd1 45%, #5b8def 100%)` }}>
      <Flex justify="flex-end" style={{ padding: 16 }}>
        <LanguageSwitch persist={false} />
      </Flex>
      <Flex vertical align="center" justify="center" style={{ flex: 1, padding: "0 16px 48px" }}>
        <Flex align="center" gap={12} style={{ marginBottom: 24 }}>
          <Logo size={40} />
          <Flex vertical>
            <Typography.Title level={3} style={{ color: "#fff", margin: 0 }}>
              {t("app.name")}
            </Typography.Title>
            <Typography.Text style={{ color: "rgba(255,255,255,0.8)" }}>{me?.organization?.legalName ?? t("app.tagline")}</Typography.Text>
          </Flex>
        </Flex>
        <Card style={{ width: "100%", maxWidth: 420, boxShadow: token.boxShadowSecondary }} styles={{ body: { padding: 32 } }}>
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            {t("login.title")}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
          {failure && <Alert type="error" showIcon message={t("login.failed")} description={failure} style={{ marginBottom: 16 }} data-testid="login-error" />}
          <Form<LoginValues> form={form} layout="vertical" requiredMark={false} onFinish={submit} disabled={isPending}>
            <Form.Item
              label={t("login.email")}
              name="email"
              rules={[
                { required: true, message: t("login.emailRequired") },
                { type: "email", message: t("login.emailInvalid") },
              ]}
            >
              <Input id="email" size="large" prefix={<MailOutlined />} autoComplete="username" inputMode="email" autoFocus />
            </Form.Item>
            <Form.Item label={t("login.password")} name="password" rules={[{ required: true, message: t("login.passwordRequired") }]}>
              <Input.Password id="password" size="large" prefix={<LockOutlined />} autoComplete="current-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" size="large" block loading={isPending} data-testid="login-submit">
              {t("login.submit")}
            </Button>
          </Form>
        </Card>
        {me?.demoMode && (
          <Card size="small" style={{ width: "100%", maxWidth: 420, marginTop: 16 }} title={t("login.demoTitle")} data-testid="demo-accounts">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {t("login.demoHint", { password: DEMO_PASSWORD })}
            </Typography.Paragraph>
            <List
              size="small"
              dataSource={[...DEMO_ACCOUNTS]}
              renderItem={(account) => (
                <List.Item
                  style={{ cursor: "pointer" }}
                  onClick={() => {
                    form.setFieldsValue({ email: account.email, password: DEMO_PASSWORD });
                    setFailure(null);
                  }}
                >
                  <Typography.Text code>{account.email}</Typography.Text>
                  <Tag>{t(`roles.${account.role}`)}</Tag>
                </List.Item>
              )}
            />
          </Card>
        )}
      </Flex>
    </Layout>
  );
}
