import { App, Button, Card, Form, Input } from "antd";
import { List } from "@refinedev/antd";
import { KeyOutlined } from "@ant-design/icons";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorsForForm } from "@sunap/admin-kit";
import { useLocale } from "../../i18n/locale-context.tsx";

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Any signed-in user changes their own password; the server checks the policy and the current one. */
export function ChangePasswordPage() {
  const { t } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const change = useApiMutation((input: { currentPassword: string; newPassword: string }) => trpc.auth.changePassword.mutate(input), { invalidate: [], notifyError: false });
  const submit = (values: PasswordValues) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          void message.success(t("password.done"));
          form.resetFields();
        },
        onError: (error) => {
          const fields = fieldErrorsForForm<PasswordValues>(error);
          if (fields.length) form.setFields(fields);
          else if (error.domainCode === "auth.wrong_current_password") form.setFields([{ name: ["currentPassword"], errors: [error.message] }]);
          else if (error.domainCode?.startsWith("password.")) form.setFields([{ name: ["newPassword"], errors: [error.message] }]);
          else void message.error(error.message);
        },
      },
    );
  return (
    <List title={t("password.title")} headerButtons={() => null}>
      <Card style={{ maxWidth: 560 }}>
      <Form<PasswordValues> form={form} layout="vertical" onFinish={submit} disabled={change.isPending}>
        <Form.Item name="currentPassword" label={t("password.current")} rules={[{ required: true, message: t("password.required") }]}>
          <Input.Password id="currentPassword" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t("password.next")} extra={t("password.help")} rules={[{ required: true, message: t("password.required") }]}>
          <Input.Password id="newPassword" autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t("password.confirm")}
          dependencies={["newPassword"]}
          rules={[
            { required: true, message: t("password.required") },
            ({ getFieldValue }) => ({
              validator: (_, value: string) => (!value || value === getFieldValue("newPassword") ? Promise.resolve() : Promise.reject(new Error(t("password.mismatch")))),
            }),
          ]}
        >
          <Input.Password id="confirm" autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" icon={<KeyOutlined />} loading={change.isPending} data-testid="change-password-submit">
          {t("password.submit")}
        </Button>
      </Form>
      </Card>
    </List>
  );
}
