import { useState, type ReactNode } from "react";
import { Alert, App, Button, Form, Input, Modal } from "antd";
import { DownloadOutlined, FilePdfOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { downloadBase64, fieldErrorList, fieldErrorsForForm, useApiMutation } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";
import { ACCESS_LOG_QUERY_KEY } from "../payers/access-log.tsx";

interface DownloadedFile {
  fileName: string;
  contentType: string;
  base64: string;
}

/**
 * The PDF consent certificate or an evidence file (evidence.download). Each download is written
 * to the access log and the audit log by the server, with its reason, so it is a mutation asked
 * for in a dialog; the file arrives as base64 through tRPC and is saved as a blob.
 */
function DownloadWithReason({ title, icon, button, size, block, testId, fetchFile }: { title: string; icon: ReactNode; button: string; size: "small" | "middle" | undefined; block?: boolean; testId: string; fetchFile: (reason: string) => Promise<DownloadedFile> }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  // Only the access log changed.
  const download = useApiMutation(fetchFile, { invalidate: [ACCESS_LOG_QUERY_KEY], notifyError: false });
  const close = () => {
    setOpen(false);
    form.resetFields();
  };
  const submit = ({ reason }: { reason: string }) =>
    download.mutate(reason.trim(), {
      onSuccess: (file) => {
        downloadBase64(file);
        void message.success(t("consents.downloaded", { file: file.fileName }));
        close();
      },
      onError: (error) => {
        const fields = fieldErrorsForForm<{ reason: string }>(fieldErrorList(error).filter((f) => f.name[0] === "reason"));
        form.setFields(fields.length ? fields : [{ name: ["reason"], errors: [error.message] }]);
      },
    });
  return (
    <>
      <Button size={size} block={block} loading={download.isPending} icon={icon} onClick={() => setOpen(true)} data-testid={testId}>
        {button}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={close}
        destroyOnHidden
        width={520}
        footer={[
          <Button key="cancel" onClick={close}>
            {t("buttons.cancel")}
          </Button>,
          <Button key="ok" type="primary" icon={<DownloadOutlined />} loading={download.isPending} onClick={() => form.submit()} data-testid={`${testId}-submit`}>
            {t("consents.download")}
          </Button>,
        ]}
      >
        <Alert type="warning" showIcon message={t("consents.downloadConfirm")} style={{ marginBottom: 16 }} />
        <Form form={form} layout="vertical" onFinish={submit}>
          <Form.Item name="reason" label={t("consents.downloadReason")} rules={[{ required: true, whitespace: true, min: 2, message: t("consents.downloadReasonRequired") }, { max: 200 }]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder={t("consents.downloadReasonPlaceholder")} data-testid={`${testId}-reason`} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

export function CertificateButton({ consentId, size, block }: { consentId: number; size?: "small" | "middle"; block?: boolean }) {
  const t = useTranslate();
  const { data: me } = useMe();
  if (!hasPermission(me, "evidence.download")) return null;
  return (
    <DownloadWithReason
      title={t("consents.certificate")}
      button={t("consents.certificate")}
      icon={<FilePdfOutlined />}
      size={size}
      block={block}
      testId={`consent-certificate-${consentId}`}
      fetchFile={(reason) => trpc.consents.certificate.mutate({ id: consentId, reason })}
    />
  );
}

export function EvidenceButton({ fileId, label, size }: { fileId: number; label?: string; size?: "small" | "middle" }) {
  const t = useTranslate();
  const { data: me } = useMe();
  if (!hasPermission(me, "evidence.download")) return null;
  return (
    <DownloadWithReason
      title={label ?? t("consents.download")}
      button={label ?? t("consents.download")}
      icon={<DownloadOutlined />}
      size={size ?? "small"}
      testId={`evidence-download-${fileId}`}
      fetchFile={(reason) => trpc.consents.evidence.mutate({ fileId, reason })}
    />
  );
}
