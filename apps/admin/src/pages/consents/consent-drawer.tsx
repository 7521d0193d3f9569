import { useState } from "react";
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, Modal, Result, Skeleton, Space, Table, Tag, Typography } from "antd";
import { StopOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { Link } from "react-router";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, useApiQuery, fieldErrorList, fieldErrorsForForm, formatDbDate, formatTimestamp } from "@sunap/admin-kit";
import type { ConsentDetail } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { ReasonText } from "../../components/reason-text.tsx";
import { EnumTag } from "../../components/enum-tag.tsx";
import { PayerLink } from "../payers/payer-link.tsx";
import { RegistrationStatusTag } from "../registrations/status.tsx";
import { useBanks } from "../banks/use-banks.ts";
import { CertificateButton, EvidenceButton } from "./downloads.tsx";
import { ConsentMethodTag, ConsentStatusTag } from "./tags.tsx";

function Hash({ value }: { value: string | null | undefined }) {
  if (!value) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text code copyable={{ text: value }} style={{ fontSize: 12, wordBreak: "break-all" }}>
      {value}
    </Typography.Text>
  );
}

function FileLine({ file, label }: { file: ConsentDetail["signatureFile"]; label: string }) {
  const t = useTranslate();
  if (!file) return <Typography.Text type="secondary">—</Typography.Text>;
  if (file.redactedAt) return <Tag>{t("consents.fields.redacted")}</Tag>;
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {file.contentType} · {file.sizeBytes.toLocaleString()} B
      </Typography.Text>
      <Hash value={file.sha256} />
      <div>
        <EvidenceButton fileId={file.id} label={label} />
      </div>
    </Flex>
  );
}

/** A consent's evidence as an auditor reads it: terms hashes, OTP, holder check, signature, files, history. */
export function ConsentDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const t = useTranslate();
  const { data: me } = useMe();
  const banks = useBanks();
  const consent = useApiQuery(["consents.get", id], () => trpc.consents.get.query({ id: id! }), { enabled: id !== null });
  const c = consent.data;
  // Paper and phone consents have no terms page, OTP, holder check, browser or drawn signature.
  const online = c ? c.method === "online_drawn" || c.method === "online_certificate" : false;
  const verified = (at: Date | null | undefined) => (at ? <Tag color="green">{t("consents.verifiedAt", { at: formatTimestamp(at) })}</Tag> : <Typography.Text type="secondary">{t("consents.notVerified")}</Typography.Text>);
  return (
    <Drawer open={id !== null} onClose={onClose} width={760} title={id !== null ? t("consents.titles.show", { id }) : ""} destroyOnHidden data-testid="consent-drawer" extra={c && <CertificateButton consentId={c.id} />}>
      {consent.error ? (
        <Result status="error" title={consent.error.message} />
      ) : !c ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          {c.redactedAt && <Alert type="warning" showIcon message={`${t("consents.fields.redacted")} · ${formatTimestamp(c.redactedAt)}`} />}
          <Descriptions bordered size="small" column={1} data-testid="consent-details">
            <Descriptions.Item label={t("consents.fields.payer")}>
              <PayerLink payer={c.payer} />
            </Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.status")}>
              <Space>
                <ConsentStatusTag status={c.status} />
                {hasPermission(me, "consent.write") && c.status === "active" && <WithdrawButton consentId={c.id} />}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.method")}>
              <ConsentMethodTag method={c.method} />
            </Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.agreedAt")}>{formatTimestamp(c.agreedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.account")}>
              {banks.nameOf(c.bankCode)} <Typography.Text code>{c.accountMasked ?? "—"}</Typography.Text> · {c.holderName ?? "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.phone")}>{c.phoneMasked ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.creditorName")}>{c.creditorName}</Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.amountText")}>{c.amountText ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.scheduleText")}>{c.scheduleText ?? "—"}</Descriptions.Item>
            {online && (
              <>
                <Descriptions.Item label={t("consents.fields.termsAutoDebit")}>
                  <Hash value={c.termsVersions.autoDebit} />
                </Descriptions.Item>
                <Descriptions.Item label={t("consents.fields.termsPrivacy")}>
                  <Hash value={c.termsVersions.privacy} />
                </Descriptions.Item>
                <Descriptions.Item label={t("consents.fields.otp")}>{verified(c.otp.verifiedAt)}</Descriptions.Item>
                <Descriptions.Item label={t("consents.fields.holderVerifiedAt")}>{verified(c.holderVerifiedAt)}</Descriptions.Item>
                {c.certificateProvider && <Descriptions.Item label={t("consents.fields.certificateProvider")}>{c.certificateProvider}</Descriptions.Item>}
                <Descriptions.Item label={t("consents.fields.ip")}>{c.ip ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={t("consents.fields.userAgent")}>
                  <Typography.Text style={{ fontSize: 12 }}>{c.userAgent ?? "—"}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t("consents.fields.signature")}>
                  <FileLine file={c.signatureFile} label={t("consents.fields.signature")} />
                </Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t("consents.fields.evidence")}>
              <FileLine file={c.evidenceFile} label={t("consents.fields.evidence")} />
            </Descriptions.Item>
            <Descriptions.Item label={t("consents.fields.documentSha256")}>
              <Hash value={c.documentSha256} />
            </Descriptions.Item>
            {c.recordedByEmail && <Descriptions.Item label={t("consents.fields.recordedBy")}>{c.recordedByEmail}</Descriptions.Item>}
            {c.note && <Descriptions.Item label={t("consents.fields.note")}>{c.note}</Descriptions.Item>}
            {c.withdrawal && (
              <Descriptions.Item label={t("consents.fields.withdrawal")}>
                {formatTimestamp(c.withdrawal.at)} · <EnumTag prefix="consents.via" value={c.withdrawal.via} />
              </Descriptions.Item>
            )}
          </Descriptions>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("consents.fields.registration")}
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.registrations}
            locale={{ emptyText: t("app.empty") }}
            columns={[
              { key: "id", title: t("registrations.fields.id"), render: (_, r) => <Link to={`/registrations/show/${r.id}`}>#{r.id}</Link> },
              { key: "status", title: t("registrations.fields.status"), render: (_, r) => <RegistrationStatusTag status={r.status} /> },
              { key: "reason", title: t("registrations.fields.reason"), render: (_, r) => <ReasonText reason={r.reasonText} /> },
              { key: "registeredOn", title: t("registrations.fields.registeredOn"), render: (_, r) => formatDbDate(r.registeredOn) },
              { key: "createdAt", title: t("registrations.fields.createdAt"), render: (_, r) => formatTimestamp(r.createdAt) },
            ]}
          />
        </Flex>
      )}
    </Drawer>
  );
}

/** A withdrawal the payer asked for by phone or in person (consent.write), with a reason. */
function WithdrawButton({ consentId }: { consentId: number }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const withdraw = useApiMutation((reason: string) => trpc.consents.withdraw.mutate({ id: consentId, reason }), { notifyError: false });
  const submit = ({ reason }: { reason: string }) =>
    withdraw.mutate(reason.trim(), {
      onSuccess: () => {
        void message.success(t("consents.withdrawn"));
        setOpen(false);
      },
      onError: (error) => {
        const fields = fieldErrorsForForm<{ reason: string }>(fieldErrorList(error).filter((f) => f.name[0] === "reason"));
        form.setFields(fields.length ? fields : [{ name: ["reason"], errors: [error.message] }]);
      },
    });
  return (
      <>
        <Button size="small" danger icon={<StopOutlined />} onClick={() => setOpen(true)} data-testid={`consent-withdraw-${consentId}`}>
          {t("consents.withdraw")}
        </Button>
        <Modal open={open} title={t("consents.withdrawTitle", { id: consentId })} okText={t("consents.withdraw")} okButtonProps={{ danger: true }} cancelText={t("buttons.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={withdraw.isPending} destroyOnHidden>
          <Alert type="warning" showIcon message={t("consents.withdrawIntro")} style={{ marginBottom: 16 }} />
          <Form form={form} layout="vertical" onFinish={submit}>
            <Form.Item name="reason" label={t("consents.withdrawReason")} rules={[{ required: true, whitespace: true, min: 2 }, { max: 500 }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
          </Form>
        </Modal>
      </>
  );
}
