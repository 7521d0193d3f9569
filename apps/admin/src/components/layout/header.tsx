import { App, Avatar, Button, DatePicker, Dropdown, Flex, Layout, Segmented, Space, Tag, Tooltip, Typography, theme } from "antd";
import { CalendarOutlined, KeyOutlined, LogoutOutlined, UndoOutlined, UserOutlined } from "@ant-design/icons";
import { useLogout } from "@refinedev/core";
import { useNavigate } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import dayjs from "dayjs";
import { trpc } from "../../api/trpc.ts";
import { useApiMutation, type Locale } from "@sunap/admin-kit";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";

/** The business date; in demo mode (with clock.set) a picker pins or advances it, and a button unpins it. */
function BusinessDate() {
  const { data: me } = useMe();
  const { t } = useLocale();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const setClock = useApiMutation((today: string | null) => trpc.clock.set.mutate({ today }), { invalidate: [] });
  if (!me) return null;
  const canSet = me.demoMode && hasPermission(me, "clock.set");
  const apply = (today: string | null) =>
    setClock.mutate(today, {
      onSuccess: async () => {
        // Every figure depends on the business date: refetch them all.
        await queryClient.invalidateQueries();
        void message.success(today ? t("header.dateSet", { date: today }) : t("header.dateReset"));
      },
    });
  return (
    <Space size={6} data-testid="business-date">
      <CalendarOutlined />
      <Typography.Text type="secondary" style={{ whiteSpace: "nowrap" }}>
        {t("header.businessDate")}
      </Typography.Text>
      {canSet ? (
        <DatePicker
          size="small"
          allowClear={false}
          value={dayjs(me.today)}
          format="YYYY-MM-DD"
          onChange={(value) => value && apply(value.format("YYYY-MM-DD"))}
          disabled={setClock.isPending}
          style={{ width: 124 }}
          data-testid="business-date-picker"
        />
      ) : (
        <Typography.Text strong data-testid="business-date-value">
          {me.today}
        </Typography.Text>
      )}
      {me.clockPinned && <Tag color="orange">{t("header.pinned")}</Tag>}
      {canSet && me.clockPinned && (
        <Tooltip title={t("header.resetDate")}>
          <Button size="small" icon={<UndoOutlined />} onClick={() => apply(null)} loading={setClock.isPending} data-testid="business-date-reset">
            {t("header.resetDate")}
          </Button>
        </Tooltip>
      )}
      {me.demoMode && <Tag color="purple">{t("header.demo")}</Tag>}
    </Space>
  );
}

export function LanguageSwitch({ persist }: { persist: boolean }) {
  const { locale, setLocale } = useLocale();
  const queryClient = useQueryClient();
  const change = (next: Locale) => {
    setLocale(next);
    if (persist) {
      // The server translates its messages into the account's language: keep it in step.
      void trpc.auth.setLocale
        .mutate({ locale: next })
        .then(() => queryClient.invalidateQueries({ queryKey: ["sunap"] }))
        .catch(() => undefined);
    }
  };
  return (
    <Segmented
      size="small"
      value={locale}
      onChange={(value) => change(value as Locale)}
      options={[
        { label: "한국어", value: "ko" },
        { label: "English", value: "en" },
      ]}
      data-testid="language-switch"
    />
  );
}

export function AppHeader() {
  const { token } = theme.useToken();
  const { data: me } = useMe();
  const { t } = useLocale();
  const { mutate: logout } = useLogout();
  const navigate = useNavigate();
  const user = me?.user;
  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        display: "flex",
        justifyContent: "flex-end",
        alignItems: "center",
        padding: "0 24px",
        height: 64,
        position: "sticky",
        top: 0,
        zIndex: 1,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      <Flex align="center" gap={20} wrap="wrap" justify="flex-end">
        <BusinessDate />
        <LanguageSwitch persist />
        {user && (
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                { key: "password", icon: <KeyOutlined />, label: t("header.changePassword"), onClick: () => navigate("/account/password") },
              ],
            }}
          >
            <Button type="text" style={{ height: 48 }} data-testid="user-menu">
              <Space>
                <Avatar size="small" icon={<UserOutlined />} style={{ backgroundColor: token.colorPrimary }} />
                <Flex vertical align="start" style={{ lineHeight: 1.2 }}>
                  <Typography.Text strong data-testid="user-name">
                    {user.name}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="user-role">
                    {t(`roles.${user.role}`)}
                  </Typography.Text>
                </Flex>
              </Space>
            </Button>
          </Dropdown>
        )}
        <Button icon={<LogoutOutlined />} onClick={() => logout()} data-testid="logout">
          {t("header.logout")}
        </Button>
      </Flex>
    </Layout.Header>
  );
}
