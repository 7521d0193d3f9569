import { useEffect, useRef, type ReactNode } from "react";
import { App, Form, Input, Modal, type FormInstance } from "antd";
import { fieldErrorsForForm, toHttpError, useApiMutation, useKitTranslate } from "@sunap/admin-kit";
import { strings } from "./strings.ts";

export interface ActionModalProps<Values> {
  open: boolean;
  title: string;
  onClose: () => void;
  /** Sends the change; the server's field errors are shown under the form's inputs. */
  send: (values: Values & { reason?: string }) => Promise<unknown>;
  initialValues?: Partial<Values>;
  children: (form: FormInstance<Values>) => ReactNode;
  testId: string;
}

/** One lifecycle step in a modal form, with the optional reason kept in the audit log. */
export function ActionModal<Values extends object>({ open, title, onClose, send, initialValues, children, testId }: ActionModalProps<Values>) {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  // Read when the modal opens only: a parent re-render must not wipe what the user typed.
  const initial = useRef(initialValues);
  initial.current = initialValues;
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initial.current) form.setFieldsValue(initial.current as Parameters<typeof form.setFieldsValue>[0]);
    }
  }, [open, form]);
  const mutation = useApiMutation(send, { notifyError: false });

  const submit = async () => {
    const values = await form.validateFields();
    try {
      await mutation.mutateAsync(values as Values & { reason?: string });
      void message.success(t("action.done"));
      onClose();
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      if (Object.keys(apiError.errors).length === 0 || apiError.errors.version || apiError.errors.id) void message.error(apiError.message);
    }
  };

  return (
    <Modal open={open} title={title} onCancel={onClose} onOk={() => void submit()} okText={t("common.save")} cancelText={t("common.cancel")} confirmLoading={mutation.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" name={testId} data-testid={testId}>
        {children(form)}
        <Form.Item name="reason" label={t("action.reason")}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
