import { describe, expect, it } from "vitest";
import { defineAdminPlugin, definePluginManifest, PERMISSIONS } from "@sunap/core";
import { adminPlugins } from "./plugins.ts";
import { pluginResources, resources } from "./resources.tsx";

/** A fifth industry, for this test only: one manifest and its pages, nothing else. */
const meteredAdmin = defineAdminPlugin({
  manifest: definePluginManifest({
    id: "metered",
    name: { ko: "계량 요금", en: "Metered billing" },
    description: { ko: "테스트 전용", en: "Tests only" },
    icon: "DashboardOutlined",
    accounts: [{ code: "revenue_metered", name: { ko: "계량 매출", en: "Metered revenue" }, type: "revenue" }],
    reportDimensions: ["meter"],
  }),
  pages: [
    { path: "readings", label: { ko: "검침", en: "Readings" }, element: <div />, permission: "contract.write" },
    { path: "readings/:id", label: { ko: "검침 상세", en: "Reading" }, element: <div />, hidden: true },
  ],
});

describe("the admin plugin registry", () => {
  it("gives every registered plugin a menu entry with its pages below it, each with a real permission", () => {
    const names = resources.map((r) => r.name);
    for (const plugin of adminPlugins) {
      expect(names).toContain(`plugin-${plugin.manifest.id}`);
      for (const page of plugin.pages) expect(names).toContain(`${plugin.manifest.id}.${page.path}`);
    }
    const permissions = new Set<string>(PERMISSIONS);
    for (const entry of pluginResources(adminPlugins)) {
      const meta = entry.meta as { permissions: Record<string, string> };
      expect(Object.values(meta.permissions).every((p) => permissions.has(p))).toBe(true);
    }
  });

  it("takes a fifth plugin from one more line in the list: routed, in the menu, its detail page hidden", () => {
    const entries = pluginResources([...adminPlugins, meteredAdmin]);
    const metered = entries.filter((r) => (r.meta as { pluginId?: string }).pluginId === "metered");
    expect(metered.map((r) => [r.name, r.list, (r.meta as { hide?: boolean }).hide ?? false])).toEqual([
      ["plugin-metered", "/plugins/metered", false],
      ["metered.readings", "/plugins/metered/readings", false],
      ["metered.readings/:id", "/plugins/metered/readings/:id", true],
    ]);
    expect((metered[1]!.meta as { permissions: { list: string } }).permissions.list).toBe("contract.write");
    expect(entries.length).toBe(pluginResources(adminPlugins).length + 3);
  });
});
