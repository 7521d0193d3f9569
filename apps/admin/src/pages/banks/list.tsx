import { useMemo, useState } from "react";
import { Alert, App, Button, Col, Form, Input, InputNumber, Modal, Radio, Row, Select, Switch, Table, Tag, Typography } from "antd";
import { CheckOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { List } from "@refinedev/antd";
import { useTranslate } from "@refinedev/core";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, fieldErrorList, fieldErrorsForForm } from "@sunap/admin-kit";
import type { Bank, BankUpdate } from "../../api/collection-types.ts";
import { hasPermission, useMe } from "../../auth/session.ts";
import { EnumTag } from "../../components/enum-tag.tsx";
import { BANKS_QUERY_KEY, useBanks } from "./use-banks.ts";

const LENGTHS = Array.from({ length: 11 }, (_, i) => i + 6);

/** The banks and securities firms the consent page offers; admins (org.update) add and edit them. */
export function BankList() {
  const t = useTranslate();
  const { message } = App.useApp();
  const { data: me } = useMe();
  const canEdit = hasPermission(me, "org.update");
  const { banks, query } = useBanks();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<Bank | "new" | null>(null);
  const [form] = Form.useForm<BankUpdate>();
  const save = useApiMutation((input: BankUpdate) => trpc.banks.update.mutate(input), { invalidate: [[...BANKS_QUERY_KEY]], notifyError: false });

  const shown = useMemo(() => {
    const q = search.trim().toLowerCase();
    return q ? banks.filter((b) => b.code.includes(q) || b.name.ko.toLowerCase().includes(q) || b.name.en.toLowerCase().includes(q)) : banks;
  }, [banks, search]);

  const open = (bank: Bank | "new") => {
    setEditing(bank);
    form.resetFields();
    form.setFieldsValue(
      bank === "new"
        ? { code: "", nameKo: "", nameEn: "", kind: "bank", accountNumberLengths: [], acceptsCms: true, enabled: true, sortOrder: (banks.at(-1)?.sortOrder ?? 0) + 10 }
        : { code: bank.code, nameKo: bank.name.ko, nameEn: bank.name.en, kind: bank.kind, accountNumberLengths: bank.accountNumberLengths, acceptsCms: bank.acceptsCms, enabled: bank.enabled, sortOrder: bank.sortOrder },
    );
  };
  const submit = (values: BankUpdate) =>
    save.mutate(values, {
      onSuccess: (bank) => {
        void message.success(t("banks.saved", { name: bank.name.ko }));
        setEditing(null);
      },
      onError: (error) => {
        const fields = fieldErrorsForForm<BankUpdate>(fieldErrorList(error));
        if (fields.length) form.setFields(fields);
        else void message.error(error.message);
      },
    });

  return (
    <List
      title={t("banks.titles.list")}
      headerButtons={
        canEdit ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => open("new")} data-testid="banks-create">
            {t("banks.titles.create")}
          </Button>
        ) : null
      }
    >
      <Alert type="info" showIcon message={t("banks.intro")} style={{ marginBottom: 16 }} />
      <Input.Search allowClear placeholder={t("banks.search")} style={{ width: 240, marginBottom: 16 }} onChange={(e) => setSearch(e.target.value)} />
      <Table<Bank>
        rowKey="code"
        size="middle"
        loading={query.isPending}
        dataSource={shown}
        data-testid="banks-table"
        pagination={{ pageSize: 50, showTotal: (total) => t("app.total", { total }) }}
        locale={{ emptyText: t("app.empty") }}
        scroll={{ x: "max-content" }}
        // Disabled banks stay listed but read as inactive.
        onRow={(b) => ({ style: b.enabled ? undefined : { opacity: 0.55 } })}
      >
        <Table.Column<Bank> dataIndex="code" title={t("banks.fields.code")} render={(code: string) => <Typography.Text strong>{code}</Typography.Text>} />
        <Table.Column<Bank> key="nameKo" title={t("banks.fields.nameKo")} render={(_, b) => b.name.ko} />
        <Table.Column<Bank> key="nameEn" title={t("banks.fields.nameEn")} render={(_, b) => b.name.en} />
        <Table.Column<Bank> dataIndex="kind" title={t("banks.fields.kind")} render={(kind: string) => <EnumTag prefix="banks.kinds" value={kind} colors={{ bank: "blue", securities: "purple" }} />} />
        <Table.Column<Bank>
          dataIndex="accountNumberLengths"
          title={t("banks.fields.accountNumberLengths")}
          render={(lengths: number[]) => (lengths.length ? lengths.join(", ") : <Typography.Text type="secondary">{t("banks.anyLength")}</Typography.Text>)}
        />
        <Table.Column<Bank> dataIndex="acceptsCms" title={t("banks.fields.acceptsCms")} align="center" render={(v: boolean) => (v ? <CheckOutlined style={{ color: "#389e0d" }} /> : <Tag>{t("app.no")}</Tag>)} />
        <Table.Column<Bank> dataIndex="enabled" title={t("banks.fields.enabled")} align="center" render={(v: boolean) => (v ? <CheckOutlined style={{ color: "#389e0d" }} /> : <Tag>{t("app.no")}</Tag>)} />
        <Table.Column<Bank> dataIndex="sortOrder" title={t("banks.fields.sortOrder")} align="right" />
        {canEdit && (
          <Table.Column<Bank>
            key="actions"
            title={t("table.actions")}
            render={(_, b) => <Button size="small" icon={<EditOutlined />} onClick={() => open(b)} data-testid={`bank-edit-${b.code}`} />}
          />
        )}
      </Table>
      <Modal
        open={editing !== null}
        title={editing === "new" ? t("banks.titles.create") : t("banks.titles.edit")}
        okText={t("buttons.save")}
        cancelText={t("buttons.cancel")}
        onCancel={() => setEditing(null)}
        onOk={() => form.submit()}
        confirmLoading={save.isPending}
        forceRender
        width={620}
      >
        <Form<BankUpdate> form={form} layout="vertical" onFinish={submit} data-testid="bank-form">
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="code" label={t("banks.fields.code")} extra={t("banks.help.code")} rules={[{ required: true }, { pattern: /^\d{3}$/, message: t("banks.help.code") }]}>
                <Input maxLength={3} disabled={editing !== "new"} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item name="nameKo" label={t("banks.fields.nameKo")} rules={[{ required: true, whitespace: true }, { max: 50 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={9}>
              <Form.Item name="nameEn" label={t("banks.fields.nameEn")} rules={[{ required: true, whitespace: true }, { max: 80 }]}>
                <Input />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="kind" label={t("banks.fields.kind")} rules={[{ required: true }]}>
                <Radio.Group optionType="button" options={(["bank", "securities"] as const).map((k) => ({ value: k, label: t(`banks.kinds.${k}`) }))} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="sortOrder" label={t("banks.fields.sortOrder")} rules={[{ required: true }]}>
                <InputNumber min={0} max={100_000} precision={0} style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="accountNumberLengths" label={t("banks.fields.accountNumberLengths")} extra={t("banks.help.lengths")}>
                <Select mode="multiple" allowClear options={LENGTHS.map((n) => ({ value: n, label: String(n) }))} />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="acceptsCms" label={t("banks.fields.acceptsCms")} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
            <Col xs={12}>
              <Form.Item name="enabled" label={t("banks.fields.enabled")} valuePropName="checked">
                <Switch />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      </Modal>
    </List>
  );
}
