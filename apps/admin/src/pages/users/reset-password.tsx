import { useState } from "react";
import { App, Button, Form, Input, Modal } from "antd";
import { KeyOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorsForForm } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";

/** Sets a new password for another user (user.write); the server signs out their sessions. */
export function ResetPasswordButton({ id, email, size }: { id: number; email: string; size?: "small" | "middle" }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ password: string }>();
  const reset = useApiMutation((password: string) => trpc.users.resetPassword.mutate({ id, password }), { invalidate: [], notifyError: false });
  if (!hasPermission(me, "user.write")) return null;
  const submit = ({ password }: { password: string }) =>
    reset.mutate(password, {
      onSuccess: () => {
        void message.success(t("users.resetDone"));
        setOpen(false);
        form.resetFields();
      },
      onError: (error) => {
        const fields = fieldErrorsForForm<{ password: string }>(error);
        form.setFields(fields.length ? fields : [{ name: ["password"], errors: [error.message] }]);
      },
    });
  return (
    <>
      <Button size={size} icon={<KeyOutlined />} onClick={() => setOpen(true)} data-testid={`reset-password-${id}`}>
        {size === "small" ? null : t("users.resetPassword")}
      </Button>
      <Modal open={open} title={t("users.resetPasswordTitle", { email })} okText={t("buttons.save")} cancelText={t("buttons.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={reset.isPending} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="password" label={t("users.newPassword")} extra={t("users.help.password")} rules={[{ required: true }, { min: 10 }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
