import { useRef } from "react";
import { Alert, App, Button, Col, Descriptions, Divider, Flex, Form, Input, Modal, QRCode, Radio, Row, Typography } from "antd";
import { DownloadOutlined, SendOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { downloadBlob, useApiMutation, fieldErrorList, fieldErrorsForForm, formatTimestamp } from "@sunap/admin-kit";
import type { EnrollmentLink } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { MESSAGES_QUERY_KEYS } from "../messages/query-keys.ts";
import { PayerLink } from "../payers/payer-link.tsx";
import { LINKS_QUERY_KEY } from "./query-keys.ts";
import { absoluteLinkUrl, LinkPurposeTag, LinkStateTag } from "./state.tsx";

interface SendValues {
  channel: "sms" | "alimtalk" | "email";
  to?: string;
}

/**
 * A link's URL and its QR code (drawn in the browser by antd's QRCode, nothing leaves the page),
 * and sending it by SMS, Alimtalk or e-mail through the notify outbox (consent.write).
 */
export function LinkShareModal({ link, onClose, onChanged }: { link: EnrollmentLink | null; onClose: () => void; onChanged?: (link: EnrollmentLink) => void }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const qrRef = useRef<HTMLDivElement>(null);
  const [form] = Form.useForm<SendValues>();
  const send = useApiMutation((input: { id: number; channel: SendValues["channel"]; to: string | null }) => trpc.enrollmentLinks.send.mutate(input), {
    invalidate: [LINKS_QUERY_KEY, ...MESSAGES_QUERY_KEYS],
    notifyError: false,
  });
  const canSend = hasPermission(me, "consent.write") && link?.state === "active";
  const url = link ? absoluteLinkUrl(link) : "";

  const saveQr = () => {
    const canvas = qrRef.current?.querySelector("canvas");
    canvas?.toBlob((blob) => blob && link && downloadBlob(`enrollment-link-${link.id}.png`, blob));
  };
  const submit = (values: SendValues) => {
    if (!link) return;
    if (!link.payer && !values.to?.trim()) {
      form.setFields([{ name: "to", errors: [t("links.toRequired")] }]);
      return;
    }
    send.mutate(
      { id: link.id, channel: values.channel, to: values.to?.trim() || null },
      {
        onSuccess: (result) => {
          void message.success(t("links.sent", { recipient: result.recipient }));
          // The answer does not name the payer again; keep the one shown.
          onChanged?.({ ...result.link, payer: link.payer });
        },
        onError: (error) => {
          const fields = fieldErrorsForForm<SendValues>(fieldErrorList(error).filter((f) => f.name[0] === "to"));
          if (fields.length) form.setFields(fields);
          else void message.error(error.message);
        },
      },
    );
  };

  return (
    <Modal open={link !== null} title={link ? t("links.shareTitle", { id: link.id }) : ""} onCancel={onClose} footer={<Button onClick={onClose}>{t("app.close")}</Button>} width={720} destroyOnHidden>
      {link && (
        <div data-testid="link-share">
          <Row gutter={24} align="top">
            <Col xs={24} md={9}>
              <Flex vertical align="center" gap={8} ref={qrRef}>
                <QRCode value={url} size={200} type="canvas" status={link.state === "active" ? "active" : "expired"} data-testid="link-qr" />
                <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: "center" }}>
                  {t("links.qrHint")}
                </Typography.Text>
                <Button size="small" icon={<DownloadOutlined />} onClick={saveQr} disabled={link.state !== "active"}>
                  {t("links.downloadQr")}
                </Button>
              </Flex>
            </Col>
            <Col xs={24} md={15}>
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={t("links.fields.state")}>
                  <LinkStateTag state={link.state} /> <LinkPurposeTag purpose={link.purpose} />
                </Descriptions.Item>
                {link.payer && (
                  <Descriptions.Item label={t("links.fields.payer")}>
                    <PayerLink payer={link.payer} />
                  </Descriptions.Item>
                )}
                {link.campaignLabel && <Descriptions.Item label={t("links.fields.campaignLabel")}>{link.campaignLabel}</Descriptions.Item>}
                {link.amountText && <Descriptions.Item label={t("links.fields.amountText")}>{link.amountText}</Descriptions.Item>}
                {link.scheduleText && <Descriptions.Item label={t("links.fields.scheduleText")}>{link.scheduleText}</Descriptions.Item>}
                <Descriptions.Item label={t("links.fields.expiresAt")}>{formatTimestamp(link.expiresAt)}</Descriptions.Item>
                <Descriptions.Item label={t("links.fields.lastSentAt")}>{formatTimestamp(link.lastSentAt)}</Descriptions.Item>
              </Descriptions>
              <Typography.Paragraph copyable={{ text: url }} style={{ marginTop: 12, marginBottom: 0, wordBreak: "break-all" }} data-testid="link-url">
                <Typography.Text code>{url}</Typography.Text>
              </Typography.Paragraph>
            </Col>
          </Row>
          {link.state !== "active" && <Alert type="warning" showIcon message={t("links.notActive")} style={{ marginTop: 16 }} />}
          {canSend && (
            <>
              <Divider orientation="left" plain>
                {t("links.sendTitle")}
              </Divider>
              <Form<SendValues> form={form} layout="vertical" onFinish={submit} initialValues={{ channel: "sms" }} data-testid="link-send-form">
                <Form.Item name="channel" label={t("links.channel")} rules={[{ required: true }]}>
                  <Radio.Group
                    optionType="button"
                    options={(["sms", "alimtalk", "email"] as const).map((c) => ({ value: c, label: t(`links.channels.${c}`) }))}
                  />
                </Form.Item>
                <Form.Item name="to" label={t("links.to")} extra={link.payer ? t("links.toHelp") : undefined} rules={[{ max: 254 }]}>
                  <Input allowClear data-testid="link-send-to" />
                </Form.Item>
                <Button type="primary" htmlType="submit" icon={<SendOutlined />} loading={send.isPending} data-testid="link-send">
                  {t("links.send")}
                </Button>
              </Form>
            </>
          )}
        </div>
      )}
    </Modal>
  );
}
