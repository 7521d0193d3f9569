import type { MenuProps } from "antd";
import { Button, Drawer, Grid, Layout, Menu, theme } from "antd";
import { BarsOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import { ThemedTitle, useThemedLayoutContext, type RefineThemedLayoutSiderProps } from "@refinedev/antd";
import { useGo, useLink, useMenu, type TreeMenuItem } from "@refinedev/core";
import { hasPermission, useMe } from "../../auth/session.ts";
import { useLocale } from "../../i18n/locale-context.tsx";
import type { SunapResourceMeta } from "../../resources.tsx";

const WIDTH = 232;
const COLLAPSED_WIDTH = 80;

type MenuItem = NonNullable<MenuProps["items"]>[number];

/**
 * The menu, built from Refine's resources: an entry shows only if the user holds its permission,
 * is labelled from the catalogue (plugins bring their own names), and its `<li>` carries
 * `data-testid="menu-<resource>"`. Wider than Refine's default sider so plugin names fit.
 */
export function AppSider({ Title }: RefineThemedLayoutSiderProps) {
  const { token } = theme.useToken();
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext();
  const breakpoint = Grid.useBreakpoint();
  const isMobile = typeof breakpoint.lg === "undefined" ? false : !breakpoint.lg;
  const { menuItems, selectedKey } = useMenu();
  const { data: me } = useMe();
  const { t, locale } = useLocale();
  const Link = useLink();
  const go = useGo();
  const RenderTitle = Title ?? ThemedTitle;

  const labelOf = (item: TreeMenuItem) => {
    const meta = item.meta as SunapResourceMeta | undefined;
    if (meta?.labelText) return meta.labelText[locale];
    return meta?.labelKey ? t(meta.labelKey) : item.name;
  };

  const routes = new Map<string, string>();
  const build = (items: TreeMenuItem[]): MenuItem[] =>
    items.flatMap((item): MenuItem[] => {
      const meta = item.meta as SunapResourceMeta | undefined;
      const permission = meta?.permissions?.list;
      if (!permission || !hasPermission(me, permission)) return [];
      if (meta?.pluginId && !me?.plugins.some((p) => p.id === meta.pluginId)) return [];
      const label = labelOf(item);
      const testId = { "data-testid": `menu-${item.name}` };
      if (item.children.length > 0) {
        const children = build(item.children);
        if (children.length === 0) return [];
        return [{ key: item.key, icon: meta?.icon, label: <span {...testId}>{label}</span>, children } as MenuItem];
      }
      if (item.route) routes.set(item.key, item.route);
      return [
        {
          key: item.key,
          icon: meta?.icon,
          title: label,
          label: (
            <Link to={item.route ?? "/"} title={label}>
              {label}
            </Link>
          ),
          ...testId,
        } as MenuItem,
      ];
    });
  const items = build(menuItems);
  const groupKeys = menuItems.filter((item) => item.children.length > 0).map((item) => item.key);

  const menu = (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={groupKeys}
      inlineIndent={20}
      onClick={({ key, domEvent }) => {
        setMobileSiderOpen(false);
        // A click on the link itself already navigated; a click elsewhere on the row should too.
        if ((domEvent.target as HTMLElement).closest("a")) return;
        const route = routes.get(key);
        if (route) go({ to: route });
      }}
      style={{ paddingTop: 8, border: "none", overflow: "auto", height: "calc(100% - 72px)" }}
      data-testid="sider-menu"
    />
  );

  const titleBar = (collapsed: boolean) => (
    <div
      style={{
        width: collapsed ? COLLAPSED_WIDTH : WIDTH,
        padding: collapsed ? 0 : "0 16px",
        display: "flex",
        justifyContent: collapsed ? "center" : "flex-start",
        alignItems: "center",
        height: 64,
        backgroundColor: token.colorBgElevated,
        overflow: "hidden",
      }}
    >
      <RenderTitle collapsed={collapsed} />
    </div>
  );

  if (isMobile) {
    return (
      <>
        <Drawer open={mobileSiderOpen} onClose={() => setMobileSiderOpen(false)} placement="left" closable={false} width={WIDTH} styles={{ body: { padding: 0 } }} maskClosable>
          <Layout>
            <Layout.Sider width={WIDTH} style={{ height: "100vh", backgroundColor: token.colorBgContainer }}>
              {titleBar(false)}
              {menu}
            </Layout.Sider>
          </Layout>
        </Drawer>
        <Button style={{ borderStartStartRadius: 0, borderEndStartRadius: 0, position: "fixed", top: 64, zIndex: 999 }} size="large" onClick={() => setMobileSiderOpen(true)} icon={<BarsOutlined />} />
      </>
    );
  }

  const width = siderCollapsed ? COLLAPSED_WIDTH : WIDTH;
  return (
    <>
      {/* The sider is fixed; this keeps the content beside it. */}
      <div style={{ width, flex: `0 0 ${width}px`, transition: "all 0.2s" }} />
      <Layout.Sider
        width={WIDTH}
        collapsedWidth={COLLAPSED_WIDTH}
        collapsible
        collapsed={siderCollapsed}
        onCollapse={(collapsed, type) => type === "clickTrigger" && setSiderCollapsed(collapsed)}
        breakpoint="lg"
        style={{ position: "fixed", top: 0, height: "100vh", zIndex: 999, backgroundColor: token.colorBgContainer, borderRight: `1px solid ${token.colorBorderSecondary}` }}
        trigger={
          <Button type="text" style={{ borderRadius: 0, height: "100%", width: "100%", backgroundColor: token.colorBgElevated }}>
            {siderCollapsed ? <RightOutlined style={{ color: token.colorPrimary }} /> : <LeftOutlined style={{ color: token.colorPrimary }} />}
          </Button>
        }
      >
        {titleBar(siderCollapsed)}
        {menu}
      </Layout.Sider>
    </>
  );
}
