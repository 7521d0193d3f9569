import { useState } from "react";
import { Button, Card, Descriptions, Flex, Table, Tabs, Tag, Typography, type TabsProps } from "antd";
import { DollarOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { Show } from "@refinedev/antd";
import { useShow, useTranslate } from "@refinedev/core";
import type { Payer, PayerAccount } from "../../api/collection-types.ts";
import { QueryError } from "../../components/query-error.tsx";
import { formatDay, formatTimestamp } from "@sunap/admin-kit";
import { EnumTag } from "../../components/enum-tag.tsx";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useBanks } from "../banks/use-banks.ts";
import { ConsentsTable } from "../consents/consents-table.tsx";
import { ConsentDrawer } from "../consents/consent-drawer.tsx";
import { RecordConsentButton } from "../consents/record-offline.tsx";
import { CreateLinkButton } from "../enrollment-links/create-modal.tsx";
import { LinksTable } from "../enrollment-links/list.tsx";
import { RegistrationsTable } from "../registrations/list.tsx";
import { useRegistrationsLive } from "../registrations/live.tsx";
import { PayerMessages } from "../messages/list.tsx";
import { AccessLogTable } from "./access-log.tsx";
import { PayerLedger } from "./ledger-tab.tsx";
import { PayerBillingSummary } from "./billing-summary.tsx";
import { PayerContracts } from "./contracts-tab.tsx";
import { InvoicesTable } from "../invoices/list.tsx";
import { PaymentsTable } from "../payments/list.tsx";
import { KIND_COLORS, PAYER_STATUS_COLORS } from "./list.tsx";
import { usePlugins } from "./lookups.ts";
import { LeaveButton } from "./leave.tsx";
import { RevealButton } from "./reveal.tsx";

function PayerConsents({ payerId }: { payerId: number }) {
  const [open, setOpen] = useState<number | null>(null);
  return (
    <>
      <ConsentsTable payerId={payerId} onOpen={setOpen} />
      <ConsentDrawer id={open} onClose={() => setOpen(null)} />
    </>
  );
}

function PayerRegistrations({ payerId }: { payerId: number }) {
  const live = useRegistrationsLive();
  return <RegistrationsTable payerId={payerId} live={live} />;
}

function Accounts({ accounts, bankName }: { accounts: PayerAccount[]; bankName: (code: string) => string }) {
  const t = useTranslate();
  const { data: me } = useMe();
  return (
    <Table<PayerAccount> size="small" rowKey="id" dataSource={accounts} pagination={false} data-testid="payer-accounts" locale={{ emptyText: hasPermission(me, "consent.write") ? t("payers.noAccounts") : t("app.empty") }}>
      <Table.Column<PayerAccount> key="bank" title={t("payers.bank")} render={(_, a) => bankName(a.bankCode)} />
      <Table.Column<PayerAccount> dataIndex="accountNumberMasked" title={t("payers.accountNumber")} render={(v: string) => <Typography.Text code>{v}</Typography.Text>} />
      <Table.Column<PayerAccount> dataIndex="holderName" title={t("payers.holderName")} />
      <Table.Column<PayerAccount> dataIndex="createdAt" title={t("payers.fields.createdAt")} render={(v: Date) => formatTimestamp(v)} />
    </Table>
  );
}

/**
 * A payer: the masked profile, the reveal action, accounts, consents with their evidence and
 * certificate, CMS registrations, enrollment links, messages, ledger entries and the access log;
 * each tab only for users allowed to read it.
 */
export function PayerShow() {
  const t = useTranslate();
  const { data: me } = useMe();
  const plugins = usePlugins();
  const can = (permission: string) => hasPermission(me, permission);
  const banks = useBanks({ enabled: can("consent.read") });
  const { query, result: payer } = useShow<Payer>({ resource: "payers", errorNotification: false });
  if (query.error) return <QueryError error={query.error} />;

  type Tab = NonNullable<TabsProps["items"]>[number];
  const tabs: Tab[] = payer
    ? ([
        { key: "accounts", label: `${t("payers.tabs.accounts")} (${payer.accounts.length})`, children: <Accounts accounts={payer.accounts} bankName={banks.nameOf} /> },
        can("contract.read") && { key: "contracts", label: t("payerBilling.tabs.contracts"), children: <PayerContracts payerId={payer.id} /> },
        can("invoice.read") && { key: "invoices", label: t("payerBilling.tabs.invoices"), children: <InvoicesTable payerId={payer.id} /> },
        can("payment.read") && { key: "payments", label: t("payerBilling.tabs.payments"), children: <PaymentsTable payerId={payer.id} /> },
        can("consent.read") && { key: "consents", label: t("payers.tabs.consents"), children: <PayerConsents payerId={payer.id} /> },
        can("registration.read") && { key: "registrations", label: t("payers.tabs.registrations"), children: <PayerRegistrations payerId={payer.id} /> },
        can("consent.read") && { key: "links", label: t("payers.tabs.links"), children: <LinksTable payerId={payer.id} showFilters={false} /> },
        can("message.read") && { key: "messages", label: t("payers.tabs.messages"), children: <PayerMessages payerId={payer.id} /> },
        can("ledger.read") && { key: "ledger", label: t("payers.tabs.ledger"), children: <PayerLedger payerId={payer.id} /> },
        can("audit.read") && { key: "access-log", label: t("payers.tabs.accessLog"), children: <AccessLogTable payerId={payer.id} /> },
      ] as (Tab | false)[]).filter((tab): tab is Tab => tab !== false)
    : [];

  return (
    <Show
      title={payer ? `${payer.name} · ${payer.payerCode}` : t("payers.titles.show")}
      isLoading={query.isLoading}
      canDelete={false}
      headerButtons={({ defaultButtons }) => (
        <Flex gap={8} wrap>
          {payer && <RevealButton payer={payer} />}
          {payer && <CreateLinkButton payer={{ id: payer.id, name: payer.name, payerCode: payer.payerCode, plugins: payer.plugins, storeId: payer.store?.id ?? null }} />}
          {payer && <RecordConsentButton payer={payer} />}
          {payer && can("payment.write") && (
            <Link to={`/payments/create?payerId=${payer.id}`}>
              <Button icon={<DollarOutlined />} data-testid="payer-record-payment">
                {t("payments.record")}
              </Button>
            </Link>
          )}
          {payer && <LeaveButton payer={payer} />}
          {defaultButtons}
        </Flex>
      )}
    >
      {payer && (
        <Flex vertical gap={24}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="payer-details">
            <Descriptions.Item label={t("payers.fields.payerCode")}>
              <Typography.Text strong>{payer.payerCode}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.kind")}>
              <EnumTag prefix="payers.kinds" value={payer.kind} colors={KIND_COLORS} />
            </Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.status")}>
              <span data-testid="payer-status">
                <EnumTag prefix="payers.status" value={payer.status} colors={PAYER_STATUS_COLORS} />
                {payer.leftOn && <Typography.Text type="secondary"> {payer.leftOn}</Typography.Text>}
              </span>
            </Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.name")}>{payer.name}</Descriptions.Item>
            {payer.kind === "individual" ? (
              <Descriptions.Item label={t("payers.fields.birthDate")}>
                <Typography.Text code>{payer.birthDateMasked ?? "—"}</Typography.Text>
              </Descriptions.Item>
            ) : (
              <>
                <Descriptions.Item label={t("payers.fields.businessNumber")}>
                  <Typography.Text code>{payer.businessNumberMasked ?? "—"}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t("payers.fields.representative")}>{payer.representative ?? "—"}</Descriptions.Item>
              </>
            )}
            <Descriptions.Item label={t("payers.fields.phone")}>
              <Typography.Text code data-testid="payer-phone-masked">
                {payer.phoneMasked}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.email")}>{payer.email ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.address")}>{payer.address ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.store")}>{payer.store ? `${payer.store.code} · ${payer.store.name}` : "—"}</Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.tags")}>{payer.tags.length ? payer.tags.map((tag) => <Tag key={tag}>{tag}</Tag>) : "—"}</Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.plugins")}>
              {payer.plugins.length
                ? payer.plugins.map((id) => (
                    <Tag key={id} color="geekblue">
                      {plugins.nameOf(id)}
                    </Tag>
                  ))
                : "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("payers.fields.createdAt")}>{formatDay(payer.createdAt)}</Descriptions.Item>
          </Descriptions>
          {can("payment.read") && <PayerBillingSummary payerId={payer.id} />}
          <Card size="small" styles={{ body: { paddingTop: 0 } }}>
            <Tabs items={tabs} data-testid="payer-tabs" />
          </Card>
        </Flex>
      )}
    </Show>
  );
}
