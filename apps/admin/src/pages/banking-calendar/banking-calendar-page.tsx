import { useState } from "react";
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Table, Tag, Typography, type FormInstance } from "antd";
import { PlusOutlined, RollbackOutlined, UnlockOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import dayjs from "dayjs";
import { fieldErrorsForForm, useApiMutation, useApiQuery, type ApiError } from "@sunap/admin-kit";
import { trpc } from "../../api/trpc.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import { CutoffCard } from "./cutoff-card.tsx";
import type { CalendarDay, CloseDayInput } from "./types.ts";
import { DAY_COLORS, YearGrid } from "./year-grid.tsx";

const YEAR_KEY = ["bankingCalendar.year"];
const TAG_COLORS = { shipped: "red", added: "orange", reopened: "green" } as const;

type Dialog = { kind: "close"; date: string } | { kind: "reopen"; day: CalendarDay } | null;

/**
 * The banking days CMS files and debits count on: the shipped Korean holidays with the admin's
 * closures (임시공휴일) and reopened days, and the debit cut-off. Admins (org.update) change it;
 * finance and auditors read it.
 */
export function BankingCalendarPage() {
  const t = useTranslate();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const canEdit = hasPermission(me, "org.update");
  const [year, setYear] = useState(() => Number((me?.today ?? dayjs().format("YYYY-MM-DD")).slice(0, 4)));
  const query = useApiQuery([...YEAR_KEY, year], () => trpc.bankingCalendar.year.query({ year }), { keepPrevious: true });
  const [dialog, setDialog] = useState<Dialog>(null);
  const [closeForm] = Form.useForm<CloseDayInput>();
  const [reopenForm] = Form.useForm<{ reason: string }>();
  const invalidate = { invalidate: [["sunap", ...YEAR_KEY], ["sunap", "bankingCalendar.debitTiming"]], notifyError: false };
  const close = useApiMutation((input: CloseDayInput) => trpc.bankingCalendar.close.mutate(input), invalidate);
  const reopen = useApiMutation((input: { date: string; reason: string }) => trpc.bankingCalendar.reopen.mutate(input), invalidate);
  const undo = useApiMutation((date: string) => trpc.bankingCalendar.undo.mutate({ date }), invalidate);

  const days = query.data?.days ?? [];
  const years = query.data ? Array.from({ length: query.data.lastYear - query.data.firstYear + 1 }, (_, i) => query.data.firstYear + i) : [year];
  const closedCount = days.filter((d) => d.source !== "reopened").length;

  const openClose = (date: string) => {
    closeForm.resetFields();
    closeForm.setFieldsValue({ date, nameKo: "임시공휴일", nameEn: "Temporary public holiday", reason: "" });
    setDialog({ kind: "close", date });
  };
  const pick = (date: string) => {
    if (!canEdit) return;
    const day = days.find((d) => d.date === date);
    if (!day) openClose(date);
    else if (day.source === "shipped") {
      reopenForm.resetFields();
      setDialog({ kind: "reopen", day });
    } else confirmUndo(day);
  };
  /** A refusal names its field (shown on the form) or is said in a message. */
  const failed = <T,>(form: FormInstance<T>) => (error: ApiError) => {
    const fields = fieldErrorsForForm<T>(error);
    if (fields.length) form.setFields(fields);
    else void message.error(error.message);
  };
  const confirmUndo = (day: CalendarDay) =>
    Modal.confirm({
      title: t("bankingCalendar.undoTitle", { date: day.date }),
      content: t(day.source === "added" ? "bankingCalendar.undoAdded" : "bankingCalendar.undoReopened", { name: day.name[locale] }),
      okText: t("bankingCalendar.undo"),
      cancelText: t("buttons.cancel"),
      onOk: () => undo.mutateAsync(day.date).then(() => void message.success(t("bankingCalendar.saved"))).catch((error: Error) => void message.error(error.message)),
    });

  return (
    <List
      title={t("bankingCalendar.title")}
      headerButtons={
        <Space>
          <Select value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: t("bankingCalendar.yearOption", { year: y }) }))} style={{ width: 120 }} data-testid="banking-calendar-year" />
          {canEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => openClose("")} data-testid="banking-calendar-close-day">
              {t("bankingCalendar.closeDay")}
            </Button>
          )}
        </Space>
      }
    >
      <Alert type="info" showIcon message={t("bankingCalendar.intro", { first: query.data?.firstYear ?? "", last: query.data?.lastYear ?? "" })} style={{ marginBottom: 16 }} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t("bankingCalendar.summaryTitle", { year })} loading={query.isPending}>
            <Descriptions size="small" column={2}>
              <Descriptions.Item label={t("bankingCalendar.closedDays")}>{closedCount}</Descriptions.Item>
              <Descriptions.Item label={t("bankingCalendar.changes")}>{days.filter((d) => d.source !== "shipped").length}</Descriptions.Item>
            </Descriptions>
            <Space wrap size={16}>
              {(["shipped", "added", "reopened", "weekend"] as const).map((source) => (
                <Space key={source} size={6}>
                  <span style={{ display: "inline-block", width: 12, height: 12, borderRadius: 3, background: DAY_COLORS[source] }} />
                  <Typography.Text type="secondary">{t(`bankingCalendar.sources.${source}`)}</Typography.Text>
                </Space>
              ))}
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <CutoffCard canEdit={canEdit} />
        </Col>
      </Row>
      <YearGrid year={year} days={days} onPick={canEdit ? pick : undefined} />
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t("bankingCalendar.listTitle", { year })}
      </Typography.Title>
      <Table<CalendarDay>
        rowKey="date"
        size="small"
        loading={query.isFetching}
        dataSource={days}
        pagination={false}
        locale={{ emptyText: t("app.empty") }}
        data-testid="banking-calendar-table"
        scroll={{ x: "max-content" }}
      >
        <Table.Column<CalendarDay> dataIndex="date" title={t("bankingCalendar.fields.date")} render={(date: string, d) => `${date} (${t("bankingCalendar.weekdaysShort").split(",")[d.weekday]})`} />
        <Table.Column<CalendarDay> key="name" title={t("bankingCalendar.fields.name")} render={(_, d) => <span style={{ textDecoration: d.source === "reopened" ? "line-through" : undefined }}>{d.name[locale]}</span>} />
        <Table.Column<CalendarDay> dataIndex="kind" title={t("bankingCalendar.fields.kind")} render={(kind: string) => t(`bankingCalendar.kinds.${kind}`)} />
        <Table.Column<CalendarDay> dataIndex="source" title={t("bankingCalendar.fields.source")} render={(source: CalendarDay["source"]) => <Tag color={TAG_COLORS[source]}>{t(`bankingCalendar.sources.${source}`)}</Tag>} />
        <Table.Column<CalendarDay> dataIndex="reason" title={t("bankingCalendar.fields.reason")} render={(reason: string | null) => reason ?? ""} />
        {canEdit && (
          <Table.Column<CalendarDay>
            key="actions"
            title={t("table.actions")}
            render={(_, d) =>
              d.source === "shipped" ? (
                <Button size="small" icon={<UnlockOutlined />} onClick={() => pick(d.date)} data-testid={`reopen-${d.date}`}>
                  {t("bankingCalendar.reopen")}
                </Button>
              ) : (
                <Button size="small" icon={<RollbackOutlined />} onClick={() => confirmUndo(d)} data-testid={`undo-${d.date}`}>
                  {t("bankingCalendar.undo")}
                </Button>
              )
            }
          />
        )}
      </Table>

      <Modal
        open={dialog?.kind === "close"}
        title={t("bankingCalendar.closeDay")}
        okText={t("bankingCalendar.closeDay")}
        cancelText={t("buttons.cancel")}
        onCancel={() => setDialog(null)}
        onOk={() => closeForm.submit()}
        confirmLoading={close.isPending}
        forceRender
      >
        <Form<CloseDayInput>
          form={closeForm}
          layout="vertical"
          data-testid="close-day-form"
          onFinish={(values) => close.mutate(values, { onSuccess: () => (setDialog(null), void message.success(t("bankingCalendar.saved"))), onError: failed(closeForm) })}
        >
          <Form.Item
            name="date"
            label={t("bankingCalendar.fields.date")}
            rules={[{ required: true }]}
            getValueProps={(value: string | undefined) => ({ value: value ? dayjs(value) : null })}
            normalize={(value: dayjs.Dayjs | null) => (value ? value.format("YYYY-MM-DD") : "")}
          >
            <DatePicker format="YYYY-MM-DD" style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="nameKo" label={t("bankingCalendar.fields.nameKo")} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="nameEn" label={t("bankingCalendar.fields.nameEn")} rules={[{ required: true, whitespace: true }, { max: 80 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="reason" label={t("bankingCalendar.fields.reason")} extra={t("bankingCalendar.reasonHelp")} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>

      <Modal
        open={dialog?.kind === "reopen"}
        title={dialog?.kind === "reopen" ? t("bankingCalendar.reopenTitle", { date: dialog.day.date, name: dialog.day.name[locale] }) : ""}
        okText={t("bankingCalendar.reopen")}
        cancelText={t("buttons.cancel")}
        onCancel={() => setDialog(null)}
        onOk={() => reopenForm.submit()}
        confirmLoading={reopen.isPending}
        forceRender
      >
        <Alert type="warning" showIcon message={t("bankingCalendar.reopenWarning")} style={{ marginBottom: 16 }} />
        <Form<{ reason: string }>
          form={reopenForm}
          layout="vertical"
          onFinish={(values) =>
            dialog?.kind === "reopen" &&
            reopen.mutate({ date: dialog.day.date, reason: values.reason }, { onSuccess: () => (setDialog(null), void message.success(t("bankingCalendar.saved"))), onError: failed(reopenForm) })
          }
        >
          <Form.Item name="reason" label={t("bankingCalendar.fields.reason")} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </List>
  );
}
