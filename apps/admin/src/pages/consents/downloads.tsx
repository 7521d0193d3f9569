import { App, Button, Popconfirm } from "antd";
import { DownloadOutlined, FilePdfOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";
import { downloadBase64 } from "../../components/download.ts";

/**
 * The PDF consent certificate or an evidence file (evidence.download). Each download is written
 * to the access log by the server, so the user confirms first; the file arrives as base64
 * through tRPC and is saved as a blob.
 */
function useDownload<I>(fetchFile: (input: I) => Promise<{ fileName: string; contentType: string; base64: string }>) {
  const t = useTranslate();
  const { message } = App.useApp();
  return useApiMutation(
    async (input: I) => {
      const file = await fetchFile(input);
      downloadBase64(file);
      void message.success(t("consents.downloaded", { file: file.fileName }));
      return file.fileName;
    },
    // Only the access log changed.
    { invalidate: [["data", "default", "payer-access-log"]] },
  );
}

export function CertificateButton({ consentId, size, block }: { consentId: number; size?: "small" | "middle"; block?: boolean }) {
  const t = useTranslate();
  const { data: me } = useMe();
  const download = useDownload((id: number) => trpc.consents.certificate.query({ id, reason: "" }));
  if (!hasPermission(me, "evidence.download")) return null;
  return (
    <Popconfirm title={t("consents.certificate")} description={t("consents.downloadConfirm")} okText={t("consents.download")} cancelText={t("buttons.cancel")} onConfirm={() => download.mutate(consentId)}>
      <Button size={size} block={block} loading={download.isPending} icon={<FilePdfOutlined />} data-testid={`consent-certificate-${consentId}`}>
        {t("consents.certificate")}
      </Button>
    </Popconfirm>
  );
}

export function EvidenceButton({ fileId, label, size }: { fileId: number; label?: string; size?: "small" | "middle" }) {
  const t = useTranslate();
  const { data: me } = useMe();
  const download = useDownload((id: number) => trpc.consents.evidence.query({ fileId: id, reason: "" }));
  if (!hasPermission(me, "evidence.download")) return null;
  return (
    <Popconfirm title={label ?? t("consents.download")} description={t("consents.downloadConfirm")} okText={t("consents.download")} cancelText={t("buttons.cancel")} onConfirm={() => download.mutate(fileId)}>
      <Button size={size ?? "small"} loading={download.isPending} icon={<DownloadOutlined />} data-testid={`evidence-download-${fileId}`}>
        {label ?? t("consents.download")}
      </Button>
    </Popconfirm>
  );
}
