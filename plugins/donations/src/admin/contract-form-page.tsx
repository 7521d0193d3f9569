import { useEffect } from "react";
import { useNavigate, useParams } from "react-router";
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Skeleton, Space } from "antd";
import type { Dayjs } from "dayjs";
import {
  coreClient,
  fieldErrorsForForm,
  fromBusinessDate,
  PayerSelect,
  toBusinessDate,
  toHttpError,
  useApiMutation,
  useBusinessToday,
  useContract,
  useKitTranslate,
  WonInput,
} from "@sunap/admin-kit";
import type { DonationTerms } from "../billing-rules.ts";
import { paths, PLUGIN_ID } from "./client.ts";
import { strings } from "./strings.ts";

/** The form's values; `terms.*` names match the server's field paths, so its errors land on the right input. */
interface FormValues {
  payerId?: number | null;
  terms: {
    kind: "pledge" | "gift";
    monthlyAmountWon?: bigint | null;
    dayOfMonth?: number | null;
    startOn?: Dayjs | null;
    amountWon?: bigint | null;
    on?: Dayjs | null;
    campaign?: string;
    fund?: string;
    note?: string;
  };
}

const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);

/** The terms as the server wants them; on edit, what the form does not show (pauses, changes, status) is kept. */
function termsOf(values: FormValues, existing?: DonationTerms): unknown {
  const v = values.terms;
  if (v.kind === "gift") return { kind: "gift", amountWon: v.amountWon ?? undefined, on: toBusinessDate(v.on) ?? undefined, campaign: blank(v.campaign), fund: blank(v.fund), note: blank(v.note) };
  const kept = existing?.kind === "pledge" ? existing : { status: "active", pauses: [], amountChanges: [] };
  return { ...kept, kind: "pledge", monthlyAmountWon: v.monthlyAmountWon ?? undefined, dayOfMonth: v.dayOfMonth ?? undefined, startOn: toBusinessDate(v.startOn) ?? undefined, campaign: blank(v.campaign), fund: blank(v.fund) };
}

function valuesOf(terms: DonationTerms, payerId: number): FormValues {
  if (terms.kind === "gift") return { payerId, terms: { kind: "gift", amountWon: terms.amountWon, on: fromBusinessDate(terms.on), campaign: terms.campaign ?? "", fund: terms.fund ?? "", note: terms.note ?? "" } };
  return { payerId, terms: { kind: "pledge", monthlyAmountWon: terms.monthlyAmountWon, dayOfMonth: terms.dayOfMonth, startOn: fromBusinessDate(terms.startOn), campaign: terms.campaign ?? "", fund: terms.fund ?? "" } };
}

/** Creates a pledge or a one-off gift (`contracts.create`), or edits one (`contracts.updateTerms` with its version). */
export function DonationContractFormPage() {
  const t = useKitTranslate(strings);
  const { message } = App.useApp();
  const navigate = useNavigate();
  const params = useParams();
  const id = params.id ? Number(params.id) : undefined;
  const editing = id !== undefined;
  const contract = useContract(id);
  const today = useBusinessToday();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch(["terms", "kind"], form) ?? "pledge";

  useEffect(() => {
    if (contract.data) form.setFieldsValue(valuesOf(contract.data.terms as DonationTerms, contract.data.payerId));
  }, [contract.data, form]);

  const save = useApiMutation(
    async (values: FormValues) => {
      if (!editing) return coreClient.contracts.create.mutate({ pluginId: PLUGIN_ID, payerId: values.payerId!, terms: termsOf(values) });
      return coreClient.contracts.updateTerms.mutate({ id: id, version: contract.data!.version, terms: termsOf(values, contract.data!.terms as DonationTerms) });
    },
    { notifyError: false },
  );

  const submit = async (values: FormValues) => {
    try {
      const saved = await save.mutateAsync(values);
      void message.success(t(editing ? "form.saved" : "form.created"));
      navigate(paths.detail(saved.id));
    } catch (error) {
      const apiError = toHttpError(error);
      form.setFields(fieldErrorsForForm(apiError));
      if (Object.keys(apiError.errors).length === 0 || apiError.errors.version) void message.error(apiError.message);
    }
  };

  if (editing && contract.isLoading) return <Card><Skeleton active /></Card>;
  if (editing && contract.error) return <Alert type="error" showIcon message={contract.error.message} />;

  return (
    <Card title={t(editing ? "form.editTitle" : "form.createTitle")} data-testid="donation-form">
      {editing && <Alert type="info" showIcon message={t("form.editHelp")} style={{ marginBottom: 16 }} />}
      <Form<FormValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(values) => void submit(values)}
        initialValues={{ terms: { kind: "pledge", dayOfMonth: 25, startOn: fromBusinessDate(today), on: fromBusinessDate(today) } }}
      >
        <Form.Item name="payerId" label={t("form.payer")} rules={[{ required: true, message: t("form.required") }]}>
          <PayerSelect disabled={editing} data-testid="donation-payer" />
        </Form.Item>
        <Form.Item name={["terms", "kind"]} label={t("form.kind")}>
          <Radio.Group disabled={editing} optionType="button" options={[{ value: "pledge", label: t("kind.pledge") }, { value: "gift", label: t("kind.gift") }]} />
        </Form.Item>
        {kind === "pledge" ? (
          <>
            <Form.Item name={["terms", "monthlyAmountWon"]} label={t("form.monthlyAmount")} rules={[{ required: true, message: t("form.required") }]}>
              <WonInput data-testid="donation-monthly-amount" />
            </Form.Item>
            <Form.Item name={["terms", "dayOfMonth"]} label={t("form.dayOfMonth")} extra={t("form.dayHelp")} rules={[{ required: true, message: t("form.required") }]}>
              <InputNumber min={1} max={31} precision={0} data-testid="donation-day" />
            </Form.Item>
            <Form.Item name={["terms", "startOn"]} label={t("form.startOn")} rules={[{ required: true, message: t("form.required") }]}>
              <DatePicker data-testid="donation-start" />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item name={["terms", "amountWon"]} label={t("form.amount")} rules={[{ required: true, message: t("form.required") }]}>
              <WonInput data-testid="donation-gift-amount" />
            </Form.Item>
            <Form.Item name={["terms", "on"]} label={t("form.on")} rules={[{ required: true, message: t("form.required") }]}>
              <DatePicker data-testid="donation-gift-on" />
            </Form.Item>
            <Form.Item name={["terms", "note"]} label={t("form.note")}>
              <Input maxLength={100} />
            </Form.Item>
          </>
        )}
        <Space size="large" wrap>
          <Form.Item name={["terms", "campaign"]} label={t("form.campaign")}>
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name={["terms", "fund"]} label={t("form.fund")}>
            <Input maxLength={60} style={{ width: 200 }} />
          </Form.Item>
        </Space>
        <Space>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="donation-save">
            {t("common.save")}
          </Button>
          <Button onClick={() => navigate(editing ? paths.detail(id) : paths.list)}>{t("common.cancel")}</Button>
        </Space>
      </Form>
    </Card>
  );
}
