import type { ReactNode } from "react";
import type { ResourceProps } from "@refinedev/core";
import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  DollarOutlined,
  FileTextOutlined,
  CalendarOutlined,
  CloudSyncOutlined,
  ContactsOutlined,
  DashboardOutlined,
  ExperimentOutlined,
  EyeOutlined,
  FileProtectOutlined,
  LinkOutlined,
  MessageOutlined,
  SafetyCertificateOutlined,
  PlayCircleOutlined,
  SettingOutlined,
  ShopOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { AdminPluginDefinition } from "@sunap/core";
import { adminPlugins } from "./plugins.ts";
import { PluginIcon } from "./components/plugin-icon.tsx";

/** What each action of a resource requires; the menu, the routes and Refine's buttons all ask this. */
export type ResourcePermissions = Partial<Record<string, string>>;

export interface SunapResourceMeta {
  /** Catalogue key of the menu label, or a label per language (plugins). */
  labelKey?: string;
  labelText?: { ko: string; en: string };
  permissions: ResourcePermissions;
  parent?: string;
  icon?: ReactNode;
  procedures?: Partial<Record<"list" | "get" | "create" | "update", string>>;
  hide?: boolean;
  /** Set on a plugin's entries: shown only while the server runs that plugin (auth.me's list). */
  pluginId?: string;
}

function resource(definition: Omit<ResourceProps, "meta"> & { meta: SunapResourceMeta }): ResourceProps {
  return definition;
}

export const PLUGIN_GROUP = "industry-plugins";
/** Enrollment links, consents, CMS registrations and the bank list. */
export const CMS_GROUP = "cms";
/** Invoices, payments received and billing runs. */
export const BILLING_GROUP = "billing";

export const resources: ResourceProps[] = [
  resource({ name: "dashboard", list: "/", meta: { labelKey: "menu.dashboard", icon: <DashboardOutlined />, permissions: { list: "report.read" } } }),
  resource({
    name: "payers",
    list: "/payers",
    create: "/payers/create",
    edit: "/payers/edit/:id",
    show: "/payers/show/:id",
    meta: { labelKey: "menu.payers", icon: <ContactsOutlined />, permissions: { list: "payer.read", show: "payer.read", create: "payer.write", edit: "payer.write", reveal: "payer.reveal" } },
  }),
  // A group: shown when the user may open at least one of its entries.
  resource({ name: CMS_GROUP, meta: { labelKey: "menu.cms", icon: <SafetyCertificateOutlined />, permissions: { list: "consent.read" } } }),
  resource({
    name: "enrollment-links",
    list: "/enrollment-links",
    meta: {
      parent: CMS_GROUP,
      labelKey: "menu.enrollmentLinks",
      icon: <LinkOutlined />,
      permissions: { list: "consent.read", create: "consent.write", send: "consent.write", revoke: "consent.write" },
      procedures: { list: "enrollmentLinks.list", create: "enrollmentLinks.create" },
    },
  }),
  resource({
    name: "consents",
    list: "/consents",
    show: "/consents/show/:id",
    meta: {
      parent: CMS_GROUP,
      labelKey: "menu.consents",
      icon: <FileProtectOutlined />,
      permissions: { list: "consent.read", show: "consent.read", record: "consent.write", withdraw: "consent.write", download: "evidence.download" },
    },
  }),
  resource({
    name: "registrations",
    list: "/registrations",
    show: "/registrations/show/:id",
    meta: { parent: CMS_GROUP, labelKey: "menu.registrations", icon: <CloudSyncOutlined />, permissions: { list: "registration.read", show: "registration.read", run: "registration.write" } },
  }),
  resource({ name: "banks", list: "/banks", meta: { parent: CMS_GROUP, labelKey: "menu.banks", icon: <BankOutlined />, permissions: { list: "consent.read", edit: "org.update" } } }),
  resource({ name: "banking-calendar", list: "/banking-calendar", meta: { parent: CMS_GROUP, labelKey: "menu.bankingCalendar", icon: <CalendarOutlined />, permissions: { list: "registration.read", edit: "org.update" } } }),
  resource({ name: BILLING_GROUP, meta: { labelKey: "menu.billing", icon: <AccountBookOutlined />, permissions: { list: "invoice.read" } } }),
  resource({
    name: "invoices",
    list: "/invoices",
    show: "/invoices/show/:id",
    meta: { parent: BILLING_GROUP, labelKey: "menu.invoices", icon: <FileTextOutlined />, permissions: { list: "invoice.read", show: "invoice.read", pdf: "invoice.read", void: "invoice.write" } },
  }),
  resource({
    name: "payments",
    list: "/payments",
    create: "/payments/create",
    show: "/payments/show/:id",
    meta: { parent: BILLING_GROUP, labelKey: "menu.payments", icon: <DollarOutlined />, permissions: { list: "payment.read", show: "payment.read", create: "payment.write", void: "payment.write" } },
  }),
  resource({
    name: "credit-notes",
    list: "/credit-notes",
    meta: { parent: BILLING_GROUP, labelKey: "menu.creditNotes", icon: <FileTextOutlined />, permissions: { list: "invoice.read", pdf: "invoice.read", create: "invoice.write" } },
  }),
  resource({
    name: "billing-runs",
    list: "/billing-runs",
    meta: { parent: BILLING_GROUP, labelKey: "menu.billingRuns", icon: <PlayCircleOutlined />, permissions: { list: "invoice.read", run: "invoice.write" } },
  }),
  resource({
    name: "messages",
    list: "/messages",
    show: "/messages/show/:id",
    meta: { labelKey: "menu.messages", icon: <MessageOutlined />, permissions: { list: "message.read", show: "message.read", resend: "message.write" } },
  }),
  resource({
    name: "stores",
    list: "/stores",
    create: "/stores/create",
    edit: "/stores/edit/:id",
    show: "/stores/show/:id",
    meta: { labelKey: "menu.stores", icon: <ShopOutlined />, permissions: { list: "store.read", show: "store.read", create: "store.write", edit: "store.write" } },
  }),
  resource({
    name: "ledger",
    list: "/ledger",
    show: "/ledger/show/:id",
    create: "/ledger/create",
    meta: {
      labelKey: "menu.ledger",
      icon: <BookOutlined />,
      permissions: { list: "ledger.read", show: "ledger.read", accounts: "ledger.read", create: "ledger.post", reverse: "ledger.post" },
      procedures: { list: "ledger.entries", get: "ledger.entry" },
    },
  }),
  resource({
    name: "periods",
    list: "/periods",
    meta: { labelKey: "menu.periods", icon: <CalendarOutlined />, permissions: { list: "period.read", close: "period.close", reopen: "period.reopen" } },
  }),
  resource({ name: "audit", list: "/audit", show: "/audit/show/:id", meta: { labelKey: "menu.audit", icon: <AuditOutlined />, permissions: { list: "audit.read", show: "audit.read" } } }),
  resource({
    name: "payer-access-log",
    list: "/payers/access-log",
    meta: { labelKey: "menu.accessLog", icon: <EyeOutlined />, permissions: { list: "audit.read" }, procedures: { list: "payers.accessLog" } },
  }),
  resource({
    name: "users",
    list: "/users",
    create: "/users/create",
    edit: "/users/edit/:id",
    show: "/users/show/:id",
    meta: { labelKey: "menu.users", icon: <TeamOutlined />, permissions: { list: "user.read", show: "user.read", create: "user.write", edit: "user.write" } },
  }),
  resource({ name: "organization", list: "/organization", meta: { labelKey: "menu.organization", icon: <SettingOutlined />, permissions: { list: "org.read", edit: "org.update" } } }),
  resource({ name: PLUGIN_GROUP, meta: { labelKey: "menu.plugins", icon: <ExperimentOutlined />, permissions: { list: "contract.read" } } }),
  ...pluginResources(adminPlugins),
  // Not in the menu (the header links to it), but routed and permission-checked like the rest.
  resource({ name: "account", list: "/account/password", meta: { labelKey: "menu.password", permissions: { list: "session.self" }, hide: true } }),
];

/** The permission an action of a resource needs, or undefined when the action does not exist. */
export function permissionFor(resourceName: string | undefined, action: string): string | undefined {
  const found = resources.find((r) => r.name === resourceName || r.identifier === resourceName);
  const permissions = (found?.meta as SunapResourceMeta | undefined)?.permissions;
  return permissions?.[action];
}

/** A menu entry per plugin (its overview) with its pages below it; hidden pages are routed, not listed. */
export function pluginResources(plugins: readonly AdminPluginDefinition<ReactNode>[]): ResourceProps[] {
  return plugins.flatMap((plugin) => [
    resource({
      name: `plugin-${plugin.manifest.id}`,
      list: `/plugins/${plugin.manifest.id}`,
      meta: { parent: PLUGIN_GROUP, pluginId: plugin.manifest.id, labelText: plugin.manifest.name, icon: <PluginIcon name={plugin.manifest.icon} />, permissions: { list: "contract.read" } },
    }),
    ...plugin.pages.map((page) =>
      resource({
        name: `${plugin.manifest.id}.${page.path}`,
        list: `/plugins/${plugin.manifest.id}/${page.path}`,
        meta: { parent: `plugin-${plugin.manifest.id}`, pluginId: plugin.manifest.id, labelText: page.label, hide: page.hidden ?? false, permissions: { list: page.permission ?? "contract.read" } },
      }),
    ),
  ]);
}
