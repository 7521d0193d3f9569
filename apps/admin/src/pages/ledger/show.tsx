import { App, Button, Descriptions, Flex, Popconfirm, Tag, Typography } from "antd";
import { RollbackOutlined } from "@ant-design/icons";
import { Show } from "@refinedev/antd";
import { useInvalidate, useShow, useTranslate } from "@refinedev/core";
import { Link, useNavigate } from "react-router";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, Money, formatTimestamp } from "@sunap/admin-kit";
import type { LedgerEntry } from "../../api/types.ts";
import { QueryError } from "../../components/query-error.tsx";
import { hasPermission, useMe } from "../../auth/session.ts";
import { EntryLines } from "./entry-lines.tsx";
import { KindTag } from "./list.tsx";
import { useAccounts, useStores } from "./lookups.ts";

/** One journal entry, its lines, and the reverse action (ledger.post) unless it was reversed already. */
export function LedgerShow() {
  const t = useTranslate();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidate();
  const { data: me } = useMe();
  const accounts = useAccounts();
  const stores = useStores();
  const { query, result: entry } = useShow<LedgerEntry>({ resource: "ledger", errorNotification: false });
  // The server's default memo is English; name the reversal in the user's language.
  const reverse = useApiMutation((id: number) => trpc.ledger.reverse.mutate({ id, memo: t("ledger.reversalMemo", { id }) }), { invalidate: [["sunap"]] });
  const canReverse = hasPermission(me, "ledger.post") && entry && entry.reversedById === null;

  const doReverse = () =>
    entry &&
    reverse.mutate(entry.id, {
      onSuccess: async (posted) => {
        await invalidate({ resource: "ledger", invalidates: ["list", "detail"], id: entry.id });
        void message.success(t("ledger.reversed", { id: posted.id }));
        navigate(`/ledger/show/${posted.id}`);
      },
    });

  if (query.error) return <QueryError error={query.error} />;
  return (
    <Show
      title={entry ? `${t("ledger.titles.show")} #${entry.id}` : t("ledger.titles.show")}
      isLoading={query.isLoading}
      canDelete={false}
      canEdit={false}
      headerButtons={({ defaultButtons }) => (
        <>
          {canReverse && (
            <Popconfirm title={t("ledger.reverse")} description={t("ledger.reverseConfirm", { id: entry.id })} okText={t("ledger.reverse")} cancelText={t("buttons.cancel")} onConfirm={doReverse}>
              <Button danger icon={<RollbackOutlined />} loading={reverse.isPending} data-testid="ledger-reverse">
                {t("ledger.reverse")}
              </Button>
            </Popconfirm>
          )}
          {defaultButtons}
        </>
      )}
    >
      {entry && (
        <Flex vertical gap={24}>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="entry-details">
            <Descriptions.Item label={t("ledger.fields.effectiveOn")}>{entry.effectiveOn}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.fields.kind")}>
              <KindTag kind={entry.kind} />
              {entry.reversedById !== null && <Tag color="red">{t("ledger.alreadyReversed")}</Tag>}
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.fields.debitWon")}>
              <Money amountWon={entry.debitWon} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.fields.memo")} span="filled">
              {entry.memo || "—"}
            </Descriptions.Item>
            <Descriptions.Item label={t("ledger.fields.source")}>{entry.source}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.fields.postedAt")}>{formatTimestamp(entry.postedAt)}</Descriptions.Item>
            <Descriptions.Item label={t("ledger.fields.createdBy")}>{entry.createdById === null ? t("ledger.system") : t("ledger.userNo", { id: entry.createdById })}</Descriptions.Item>
            {entry.reversesEntryId !== null && (
              <Descriptions.Item label={t("ledger.fields.reverses")}>
                <Link to={`/ledger/show/${entry.reversesEntryId}`}>#{entry.reversesEntryId}</Link>
              </Descriptions.Item>
            )}
            {entry.reversedById !== null && (
              <Descriptions.Item label={t("ledger.fields.reversedBy")}>
                <Link to={`/ledger/show/${entry.reversedById}`}>#{entry.reversedById}</Link>
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t("ledger.fields.idempotencyKey")} span="filled">
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {entry.idempotencyKey}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          <EntryLines lines={entry.lines} accountName={accounts.nameOf} storeName={stores.nameOf} />
        </Flex>
      )}
    </Show>
  );
}
