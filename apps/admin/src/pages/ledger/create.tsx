import { useMemo, useState } from "react";
import { Alert, App, Button, Card, Col, DatePicker, Divider, Flex, Form, Input, Row, Select, Space, Statistic, Typography } from "antd";
import { DeleteOutlined, PlusOutlined, SendOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useInvalidate, useTranslate } from "@refinedev/core";
import { useNavigate } from "react-router";
import dayjs, { type Dayjs } from "dayjs";
import { parseWon, translate as translateMessage } from "@sunap/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorList, fieldErrorsForForm, useFormatWon } from "@sunap/admin-kit";
import { useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import { LedgerTabs } from "./tabs.tsx";
import { useAccounts, useStores } from "./lookups.ts";

interface LineValues {
  accountCode?: string;
  debit?: string;
  credit?: string;
  storeId?: number | null;
}

interface EntryValues {
  effectiveOn: Dayjs;
  memo: string;
  lines: LineValues[];
}

/** A typed amount as bigint won, or null when empty or not a whole, positive number of won. */
function amountOf(text: string | undefined): bigint | null {
  if (!text || !text.trim()) return null;
  const parsed = parseWon(text);
  return parsed.ok && parsed.amountWon > 0n ? parsed.amountWon : null;
}

function newKey(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

/** A manual journal entry: dynamic lines, running totals, and no posting while unbalanced. */
export function LedgerCreate() {
  const t = useTranslate();
  const { locale } = useLocale();
  const format = useFormatWon();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const { data: me } = useMe();
  const accounts = useAccounts();
  const stores = useStores();
  const [form] = Form.useForm<EntryValues>();
  // One key per attempt at this entry: a double click or a retry posts it once.
  const [idempotencyKey, setIdempotencyKey] = useState(newKey);
  const [serverError, setServerError] = useState<string | null>(null);
  const lines = Form.useWatch("lines", form) as LineValues[] | undefined;

  const totals = useMemo(() => {
    let debit = 0n;
    let credit = 0n;
    for (const line of lines ?? []) {
      debit += amountOf(line?.debit) ?? 0n;
      credit += amountOf(line?.credit) ?? 0n;
    }
    return { debit, credit, difference: debit - credit };
  }, [lines]);
  const balanced = totals.debit > 0n && totals.difference === 0n;

  const post = useApiMutation(
    (values: EntryValues) =>
      trpc.ledger.post.mutate({
        effectiveOn: values.effectiveOn.format("YYYY-MM-DD"),
        memo: values.memo.trim(),
        idempotencyKey,
        lines: values.lines.map((line) => {
          const debit = amountOf(line.debit);
          const amountWon = debit ?? -(amountOf(line.credit) ?? 0n);
          return { accountCode: line.accountCode ?? "", amountWon, storeId: line.storeId ?? null, payerId: null };
        }),
      }),
    { invalidate: [["sunap"]], notifyError: false },
  );

  const submit = (values: EntryValues) => {
    setServerError(null);
    post.mutate(values, {
      onSuccess: async (posted) => {
        await invalidate({ resource: "ledger", invalidates: ["list"] });
        void message.success(t("ledger.manual.posted", { id: posted.id }));
        setIdempotencyKey(newKey());
        navigate(`/ledger/show/${posted.id}`);
      },
      onError: (error) => {
        setServerError(error.message);
        // A line's amount error belongs under whichever side the user filled in.
        form.setFields(
          fieldErrorsForForm<EntryValues>(
            fieldErrorList(error).map((field) => {
            const [head, index, leaf] = field.name;
            if (head === "lines" && typeof index === "number" && leaf === "amountWon") {
              const side = values.lines[index]?.debit ? "debit" : "credit";
              return { ...field, name: ["lines", index, side] };
            }
            return field;
          }),
          ),
        );
      },
    });
  };

  const moneyRule = {
    validator: (_: unknown, value: string | undefined) => {
      if (!value || !value.trim()) return Promise.resolve();
      const parsed = parseWon(value);
      if (!parsed.ok) return Promise.reject(new Error(translateMessage(parsed.code, locale)));
      if (parsed.amountWon === 0n) return Promise.reject(new Error(t("ledger.manual.amountRequired")));
      return Promise.resolve();
    },
  };

  return (
    <List title={t("ledger.titles.list")} headerButtons={() => null}>
      <LedgerTabs />
      <Card>
        <Typography.Paragraph type="secondary">{t("ledger.manual.intro")}</Typography.Paragraph>
        {serverError && <Alert type="error" showIcon message={serverError} style={{ marginBottom: 16 }} data-testid="manual-entry-error" closable onClose={() => setServerError(null)} />}
        <Form<EntryValues>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ effectiveOn: me ? dayjs(me.today) : dayjs(), memo: "", lines: [{}, {}] }}
          disabled={post.isPending}
          data-testid="manual-entry-form"
        >
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="effectiveOn" label={t("ledger.fields.effectiveOn")} rules={[{ required: true, message: t("ledger.manual.dateRequired") }]}>
                <DatePicker id="effectiveOn" format="YYYY-MM-DD" style={{ width: "100%" }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} md={18}>
              <Form.Item name="memo" label={t("ledger.fields.memo")} rules={[{ required: true, whitespace: true, message: t("ledger.manual.memoRequired") }, { max: 500 }]}>
                <Input id="memo" maxLength={500} />
              </Form.Item>
            </Col>
          </Row>
          <Divider orientation="left" orientationMargin={0}>
            {t("ledger.fields.lines")}
          </Divider>
          <Form.List name="lines">
            {(fields, { add, remove }) => (
              <Flex vertical gap={0}>
                <Row gutter={8} style={{ marginBottom: 8 }}>
                  <Col span={8}><Typography.Text strong>{t("ledger.fields.account")}</Typography.Text></Col>
                  <Col span={4}><Typography.Text strong>{t("ledger.fields.debit")}</Typography.Text></Col>
                  <Col span={4}><Typography.Text strong>{t("ledger.fields.credit")}</Typography.Text></Col>
                  <Col span={6}><Typography.Text strong>{t("ledger.manual.optionalStore")}</Typography.Text></Col>
                </Row>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} data-testid={`manual-line-${index}`}>
                    <Col span={8}>
                      <Form.Item name={[field.name, "accountCode"]} rules={[{ required: true, message: t("ledger.manual.accountRequired") }]}>
                        <Select showSearch optionFilterProp="label" options={accounts.options} loading={accounts.loading} placeholder={t("ledger.fields.account")} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item
                        name={[field.name, "debit"]}
                        dependencies={[["lines", field.name, "credit"]]}
                        rules={[
                          moneyRule,
                          ({ getFieldValue }) => ({
                            validator: (_, value: string | undefined) => {
                              const credit = getFieldValue(["lines", field.name, "credit"]) as string | undefined;
                              const hasDebit = Boolean(value?.trim());
                              const hasCredit = Boolean(credit?.trim());
                              if (hasDebit && hasCredit) return Promise.reject(new Error(t("ledger.manual.oneSide")));
                              if (!hasDebit && !hasCredit) return Promise.reject(new Error(t("ledger.manual.amountRequired")));
                              return Promise.resolve();
                            },
                          }),
                        ]}
                      >
                        <Input inputMode="numeric" placeholder="0" style={{ textAlign: "right" }} />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, "credit"]} dependencies={[["lines", field.name, "debit"]]} rules={[moneyRule]}>
                        <Input inputMode="numeric" placeholder="0" style={{ textAlign: "right" }} />
                      </Form.Item>
                    </Col>
                    <Col span={6}>
                      <Form.Item name={[field.name, "storeId"]}>
                        <Select allowClear showSearch optionFilterProp="label" options={stores.options} placeholder="—" />
                      </Form.Item>
                    </Col>
                    <Col span={2}>
                      <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 2} aria-label={t("ledger.manual.removeLine")} />
                    </Col>
                  </Row>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= 50} style={{ alignSelf: "flex-start" }} data-testid="manual-add-line">
                  {t("ledger.manual.addLine")}
                </Button>
              </Flex>
            )}
          </Form.List>
          <Divider />
          <Flex justify="space-between" align="center" wrap="wrap" gap={16}>
            <Space size="large" data-testid="manual-totals">
              <Statistic title={t("ledger.fields.debit")} value={format(totals.debit)} />
              <Statistic title={t("ledger.fields.credit")} value={format(totals.credit)} />
              <Statistic title={t("ledger.manual.difference")} value={format(totals.difference < 0n ? -totals.difference : totals.difference)} valueStyle={{ color: totals.difference === 0n ? undefined : "#cf1322" }} />
            </Space>
            <Space>
              {balanced ? <Alert type="success" showIcon message={t("ledger.manual.balanced")} /> : <Alert type="warning" showIcon message={t("ledger.manual.unbalanced")} />}
              <Button type="primary" htmlType="submit" icon={<SendOutlined />} disabled={!balanced} loading={post.isPending} data-testid="manual-submit">
                {t("ledger.manual.submit")}
              </Button>
            </Space>
          </Flex>
        </Form>
      </Card>
    </List>
  );
}
