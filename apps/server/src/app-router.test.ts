import { describe, expect, it } from "vitest";
import { permissionProblems, procedurePaths } from "@sunap/api/testing";
import { buildAppRouter } from "./app-router.ts";
import { serverPlugins } from "./plugins.ts";

describe("the router the server mounts", () => {
  const appRouter = buildAppRouter(serverPlugins);

  it("declares a permission from the catalogue on every procedure, the plugins' included", () => {
    expect(permissionProblems(appRouter)).toEqual([]);
  });

  it("mounts each plugin's sub-router under the plugin's id", () => {
    const paths = procedurePaths(appRouter);
    for (const plugin of serverPlugins.filter((p) => p.router)) {
      expect(paths.some((path) => path.startsWith(`${plugin.manifest.id}.`))).toBe(true);
    }
    expect(paths).toEqual(expect.arrayContaining(["contracts.list", "pluginSettings.update", "payers.list"]));
  });
});
