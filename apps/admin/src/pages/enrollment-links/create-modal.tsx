import { useState } from "react";
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from "antd";
import { LinkOutlined, PlusOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorList, fieldErrorsForForm } from "@sunap/admin-kit";
import type { EnrollmentLink } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useStores } from "../ledger/lookups.ts";
import { usePayerSelect, usePlugins } from "../payers/lookups.ts";
import { LINKS_QUERY_KEY } from "./query-keys.ts";
import { LinkShareModal } from "./share-modal.tsx";

interface LinkValues {
  purpose: "single" | "campaign";
  payerId?: string;
  campaignLabel?: string;
  pluginId?: string;
  storeId?: number;
  amountText?: string;
  scheduleText?: string;
  maxUses?: number | null;
  expiresInDays?: number | null;
}

type CreateInput = Parameters<typeof trpc.enrollmentLinks.create.mutate>[0];

/**
 * Creates an enrollment link (consent.write): for one payer (single use) or a reusable campaign
 * link for a plugin or a store. The new link opens at once with its QR code and send form.
 * Given a payer, the link is for that payer.
 */
export function CreateLinkButton({ payer, primary }: { payer?: { id: number; name: string; payerCode: string; plugins?: string[]; storeId?: number | null }; primary?: boolean }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<EnrollmentLink | null>(null);
  const [form] = Form.useForm<LinkValues>();
  const purpose = (Form.useWatch("purpose", form) ?? "single") as LinkValues["purpose"];
  const payers = usePayerSelect(payer?.id);
  const plugins = usePlugins();
  const stores = useStores();
  const create = useApiMutation((input: CreateInput) => trpc.enrollmentLinks.create.mutate(input), { invalidate: [LINKS_QUERY_KEY], notifyError: false });
  if (!hasPermission(me, "consent.write")) return null;

  const submit = (values: LinkValues) => {
    const text = (v: string | undefined) => (v && v.trim() ? v.trim() : null);
    const single = values.purpose === "single";
    create.mutate(
      {
        purpose: values.purpose,
        payerId: single ? (payer?.id ?? (values.payerId ? Number(values.payerId) : null)) : null,
        campaignLabel: single ? null : text(values.campaignLabel),
        pluginId: values.pluginId ?? null,
        storeId: values.storeId ?? null,
        amountText: text(values.amountText),
        scheduleText: text(values.scheduleText),
        maxUses: single ? null : (values.maxUses ?? null),
        ...(values.expiresInDays ? { expiresInDays: values.expiresInDays } : {}),
      },
      {
        onSuccess: (link) => {
          void message.success(t("links.created"));
          setOpen(false);
          // The API's answer names no payer; the form knows which one it was.
          setCreated(payer && link.payer ? { ...link, payer: { id: payer.id, name: payer.name, payerCode: payer.payerCode } } : link);
        },
        onError: (error) => {
          const fields = fieldErrorsForForm<LinkValues>(fieldErrorList(error));
          if (fields.length) form.setFields(fields);
          else void message.error(error.message);
        },
      },
    );
  };

  return (
    <>
      <Button
        type={primary ? "primary" : "default"}
        icon={payer ? <LinkOutlined /> : <PlusOutlined />}
        onClick={() => {
          form.resetFields();
          setOpen(true);
        }}
        data-testid={payer ? "payer-send-link" : "links-create"}
      >
        {payer ? t("links.sendLink") : t("links.create")}
      </Button>
      <Modal open={open} title={t("links.titles.create")} okText={t("links.create")} cancelText={t("buttons.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={create.isPending} destroyOnHidden width={680}>
        <Alert type="info" showIcon message={t("links.intro")} style={{ marginBottom: 16 }} />
        <Form<LinkValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ purpose: "single", payerId: payer ? String(payer.id) : undefined, pluginId: payer?.plugins?.[0], storeId: payer?.storeId ?? undefined }}
          data-testid="link-create-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={10}>
              <Form.Item name="purpose" label={t("links.fields.purpose")} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  disabled={Boolean(payer)}
                  options={[
                    { value: "single", label: t("links.purposes.single") },
                    { value: "campaign", label: t("links.purposes.campaign") },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={14}>
              {purpose === "single" ? (
                <Form.Item name="payerId" label={t("links.fields.payer")} extra={payer ? undefined : t("links.help.payer")} rules={[{ required: true }]}>
                  <Select {...payers.selectProps} disabled={Boolean(payer)} data-testid="link-payer" />
                </Form.Item>
              ) : (
                <Form.Item name="campaignLabel" label={t("links.fields.campaignLabel")} rules={[{ required: true, whitespace: true }, { max: 60 }]}>
                  <Input />
                </Form.Item>
              )}
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="pluginId" label={t("links.fields.plugin")}>
                <Select allowClear options={plugins.options} placeholder={t("app.none")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="storeId" label={t("links.fields.store")}>
                <Select allowClear showSearch optionFilterProp="label" options={stores.options} loading={stores.loading} placeholder={t("app.none")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="amountText" label={t("links.fields.amountText")} extra={t("links.help.amountText")} rules={[{ max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="scheduleText" label={t("links.fields.scheduleText")} extra={t("links.help.scheduleText")} rules={[{ max: 100 }]}>
                <Input />
              </Form.Item>
            </Col>
            {purpose === "campaign" && (
              <Col xs={24} md={12}>
                <Form.Item name="maxUses" label={t("links.fields.maxUses")} extra={t("links.help.maxUses")}>
                  <InputNumber min={1} max={1_000_000} precision={0} style={{ width: "100%" }} />
                </Form.Item>
              </Col>
            )}
            <Col xs={24} md={12}>
              <Form.Item name="expiresInDays" label={t("links.fields.expiresInDays")} extra={t("links.help.expiresInDays")}>
                <InputNumber min={1} max={365} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
      <LinkShareModal link={created} onClose={() => setCreated(null)} onChanged={setCreated} />
    </>
  );
}
