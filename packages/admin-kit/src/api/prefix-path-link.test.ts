import { describe, expect, it } from "vitest";
import { createTRPCClient, localLink, type TRPCLink } from "@trpc/client";
import { initTRPC } from "@trpc/server";
import { z } from "zod";
import { prefixPathLink } from "./prefix-path-link.ts";

// A plugin sub-router typed on its own, mounted under its id beside a core router of the same shape.
const t = initTRPC.create();
const pluginRouter = t.router({
  loans: t.router({ preview: t.procedure.input(z.object({ months: z.number() })).query(({ input }) => ({ from: "plugin", months: input.months })) }),
  echo: t.procedure.input(z.string()).mutation(({ input }) => `plugin:${input}`),
});
const appRouter = t.router({
  loans: t.router({ preview: t.procedure.input(z.object({ months: z.number() })).query(() => ({ from: "core", months: 0 })) }),
  "loan-repayment": pluginRouter,
});

function pluginClient(prefix: string, seen: string[]) {
  const recordPath: TRPCLink<typeof pluginRouter> = () => ({ op, next }) => {
    seen.push(op.path);
    return next(op);
  };
  const app = localLink({ router: appRouter, createContext: async () => ({}) }) as unknown as TRPCLink<typeof pluginRouter>;
  return createTRPCClient<typeof pluginRouter>({ links: [prefixPathLink(prefix), recordPath, app] });
}

describe("prefixPathLink", () => {
  it("sends a plugin client's query to the procedure mounted under the plugin id, not the core one of the same name", async () => {
    const seen: string[] = [];
    const result = await pluginClient("loan-repayment", seen).loans.preview.query({ months: 12 });
    expect(result).toEqual({ from: "plugin", months: 12 });
    expect(seen).toEqual(["loan-repayment.loans.preview"]);
  });

  it("prefixes mutations the same way", async () => {
    const seen: string[] = [];
    await expect(pluginClient("loan-repayment", seen).echo.mutate("hi")).resolves.toBe("plugin:hi");
    expect(seen).toEqual(["loan-repayment.echo"]);
  });

  it("refuses a prefix that is not a router key (a dot would address another router)", () => {
    expect(() => prefixPathLink("a.b")).toThrow(/Invalid tRPC path prefix/);
    expect(() => prefixPathLink("")).toThrow(/Invalid tRPC path prefix/);
  });
});
