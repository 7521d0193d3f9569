import { useState } from "react";
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Radio, Row, Select, Upload, type UploadFile } from "antd";
import { FileAddOutlined, UploadOutlined } from "@ant-design/icons";
import { useTranslate } from "@refinedev/core";
import dayjs from "dayjs";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorList, fieldErrorsForForm } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";
import { fileToBase64 } from "../../components/file-to-base64.ts";
import { useBanks } from "../banks/use-banks.ts";

interface OfflineValues {
  method: "paper" | "recording";
  agreedOn: string;
  bankCode: string;
  accountNumber: string;
  holderName: string;
  note?: string;
  file?: UploadFile[];
}

const ACCEPT = { paper: ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png", recording: ".mp3,.m4a,.wav,audio/mpeg,audio/mp4,audio/wav" } as const;

/**
 * Records a consent taken on paper or by phone (consent.write): the scan or recording is
 * uploaded as base64; the server checks its type and size, stores account, consent and
 * evidence, and queues the CMS registration. The key makes a double submit harmless.
 */
export function RecordConsentButton({ payer }: { payer: { id: number; name: string } }) {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const banks = useBanks({ enabled: hasPermission(me, "consent.write") });
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState("");
  const [form] = Form.useForm<OfflineValues>();
  const method = (Form.useWatch("method", form) ?? "paper") as OfflineValues["method"];
  const record = useApiMutation((input: Parameters<typeof trpc.consents.recordOffline.mutate>[0]) => trpc.consents.recordOffline.mutate(input), { notifyError: false });
  if (!hasPermission(me, "consent.write")) return null;

  const show = () => {
    setKey(crypto.randomUUID());
    form.resetFields();
    setOpen(true);
  };
  const submit = async (values: OfflineValues) => {
    const file = values.file?.[0]?.originFileObj;
    if (!file) {
      form.setFields([{ name: "file", errors: [t("consents.fileRequired")] }]);
      return;
    }
    const base64 = await fileToBase64(file);
    record.mutate(
      {
        payerId: payer.id,
        method: values.method,
        agreedOn: values.agreedOn,
        bankCode: values.bankCode,
        accountNumber: values.accountNumber.trim(),
        holderName: values.holderName.trim(),
        note: values.note?.trim() || null,
        file: { name: file.name, base64 },
        idempotencyKey: key,
      },
      {
        onSuccess: () => {
          void message.success(t("consents.recorded"));
          setOpen(false);
        },
        onError: (error) => {
          const fields = fieldErrorsForForm<OfflineValues>(fieldErrorList(error).map((f) => (f.name[0] === "file" || f.name[0] === "base64" ? { ...f, name: ["file"] } : f)));
          if (fields.length) form.setFields(fields);
          else void message.error(error.message);
        },
      },
    );
  };

  return (
    <>
      <Button icon={<FileAddOutlined />} onClick={show} data-testid="record-consent">
        {t("consents.recordOffline")}
      </Button>
      <Modal open={open} title={t("consents.recordTitle", { name: payer.name })} okText={t("buttons.save")} cancelText={t("buttons.cancel")} onCancel={() => setOpen(false)} onOk={() => form.submit()} confirmLoading={record.isPending} destroyOnHidden width={640}>
        <Alert type="info" showIcon message={t("consents.recordIntro")} style={{ marginBottom: 16 }} />
        <Form<OfflineValues> form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ method: "paper", agreedOn: me?.today ?? dayjs().format("YYYY-MM-DD"), holderName: payer.name }} data-testid="record-consent-form">
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item name="method" label={t("consents.fields.method")} rules={[{ required: true }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  onChange={() => form.setFieldValue("file", [])}
                  options={[
                    { value: "paper", label: t("consents.methods.paper") },
                    { value: "recording", label: t("consents.methods.recording") },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="agreedOn"
                label={t("consents.fields.agreedOn")}
                rules={[{ required: true }]}
                getValueProps={(value: string | null) => ({ value: value ? dayjs(value) : null })}
                normalize={(value: dayjs.Dayjs | null) => (value ? value.format("YYYY-MM-DD") : null)}
              >
                <DatePicker id="agreedOn" format="YYYY-MM-DD" style={{ width: "100%" }} disabledDate={(d) => d.isAfter(dayjs(me?.today), "day")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="bankCode" label={t("consents.fields.bank")} rules={[{ required: true }]}>
                <Select id="bankCode" showSearch optionFilterProp="label" options={banks.options} loading={banks.loading} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="accountNumber" label={t("consents.fields.accountNumber")} rules={[{ required: true, whitespace: true }, { max: 30 }]}>
                <Input id="accountNumber" inputMode="numeric" autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="holderName" label={t("consents.fields.holderName")} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
                <Input id="holderName" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="file" label={t("consents.fields.file")} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile[] }) => e.fileList.slice(-1)} rules={[{ required: true, message: t("consents.fileRequired") }]}>
                <Upload accept={ACCEPT[method]} maxCount={1} beforeUpload={() => false} data-testid="record-consent-file">
                  <Button icon={<UploadOutlined />}>{t("consents.chooseFile")}</Button>
                </Upload>
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="note" label={t("consents.fields.note")} rules={[{ max: 500 }]}>
                <Input.TextArea id="note" rows={2} maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </>
  );
}
