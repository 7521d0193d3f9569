import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initTRPC } from "@trpc/server";
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, roleHas, type Permission, type Role } from "@sunap/core";
import { meteredPlugin } from "./testing/metered-plugin/index.ts";
import { procedure, publicProcedure, router } from "./trpc.ts";
import { callPath, createApiHarness, declaredPermission, HARNESS_TODAY, permissionProblems, procedurePaths, publicProcedurePaths, refusal, type ApiHarness, type CoreCaller } from "./testing/api-harness.ts";

let h: ApiHarness;
beforeAll(async () => {
  // The router the server mounts: the core's plus a plugin's, so plugin procedures are walked too.
  h = await createApiHarness({ serverPlugins: [meteredPlugin] });
});
afterAll(async () => {
  await h?.drop();
});

function permissionOf(path: string): Permission {
  const permission = declaredPermission(h.router, path);
  if (permission === undefined || permission === "public") throw new Error(`${path} is not permission-checked`);
  return permission;
}

describe("every procedure declares who may call it", () => {
  it("finds a permission from the catalogue, or 'public', on every procedure of the core router and of the plugins' routers", () => {
    expect(procedurePaths(h.router).length).toBeGreaterThan(25);
    expect(procedurePaths(h.router)).toEqual(expect.arrayContaining(["metered.recordReading", "metered.meters", "contracts.create"]));
    expect(permissionProblems(h.router)).toEqual([]);
  });

  it("lets only sign-in, 'who am I' and the payer's consent page be called without a session", () => {
    expect(publicProcedurePaths(h.router)).toEqual(["auth.login", "auth.me", "enroll.open", "enroll.sendOtp", "enroll.submit", "enroll.verifyAccount", "enroll.verifyOtp", "enroll.withdraw"]);
  });

  it("reports a procedure that declares nothing, and one with a permission outside the catalogue", () => {
    const t = initTRPC.meta<{ permission: string }>().create();
    const careless = router({
      fine: procedure.permission("ledger.read").query(() => 1),
      open: publicProcedure.query(() => 2),
      nested: t.router({ forgotten: t.procedure.query(() => 3), invented: t.procedure.meta({ permission: "ledger.delete" }).mutation(() => 4) }),
    });
    expect(permissionProblems(careless)).toEqual(["nested.forgotten: declares no permission", "nested.invented: declares an unknown permission ledger.delete"]);
    expect(publicProcedurePaths(careless)).toEqual(["open"]);
  });

  it("refuses an anonymous caller on every procedure that is not public", async () => {
    const anonymous = h.callerWithToken(null);
    const guarded = procedurePaths(h.router).filter((path) => declaredPermission(h.router, path) !== "public");
    for (const path of guarded) {
      expect({ path, ...(await refusal(callPath(anonymous, path, {}))) }).toMatchObject({ path, code: "UNAUTHORIZED", domainCode: "auth.not_signed_in" });
    }
  });
});

describe("roles", () => {
  // What the business asks of each role; the role table must agree, and the server enforces it.
  const BUSINESS_RULES: [Role, string, "may" | "may not"][] = [
    ["auditor", "audit.list", "may"],
    ["auditor", "ledger.entries", "may"],
    ["auditor", "ledger.post", "may not"],
    ["auditor", "stores.create", "may not"],
    ["auditor", "users.create", "may not"],
    ["auditor", "periods.close", "may not"],
    ["store_owner", "users.list", "may not"],
    ["store_owner", "audit.list", "may not"],
    ["store_owner", "ledger.entries", "may"],
    ["franchise_hq", "stores.create", "may"],
    ["franchise_hq", "users.create", "may not"],
    ["finance", "periods.close", "may"],
    ["finance", "organization.update", "may not"],
    ["finance", "ledger.post", "may"],
    ["admin", "users.create", "may"],
  ];

  it.each(BUSINESS_RULES)("the role table says: %s %s call %s", (role, path, verdict) => {
    expect(roleHas(role, permissionOf(path)) ? "may" : "may not").toBe(verdict);
  });

  it("gives every permission of the catalogue to the admin and to no role one outside it", () => {
    expect([...ROLE_PERMISSIONS.admin].sort()).toEqual([...PERMISSIONS].sort());
    for (const role of ROLES) for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
  });

  it.each(ROLES)("refuses %s, with FORBIDDEN, every procedure whose permission the role lacks", async (role) => {
    const caller = h.callerFor(role);
    const refused = procedurePaths(h.router).filter((path) => declaredPermission(h.router, path) !== "public" && !roleHas(role, permissionOf(path)));
    for (const path of refused) {
      // The permission is checked before the input is read, so any input will do.
      expect({ path, ...(await refusal(callPath(caller, path, {}))) }).toMatchObject({ path, code: "FORBIDDEN", domainCode: "auth.forbidden" });
    }
    if (role === "admin") expect(refused).toEqual([]);
    else expect(refused.length).toBeGreaterThan(0);
  });

  /** A well-formed call of each representative procedure; each role gets its own codes and keys. */
  const closeMonthOf: Record<Role, string> = { admin: "2025-01", finance: "2025-02", franchise_hq: "2025-03", store_owner: "2025-04", auditor: "2025-05" };
  const REPRESENTATIVE: Record<string, (caller: CoreCaller, role: Role) => Promise<unknown>> = {
    "organization.get": (c) => c.organization.get(),
    "stores.list": (c) => c.stores.list({}),
    "stores.create": (c, role) => c.stores.create({ code: `NEW-${role}`, name: `${role} 신규점`, region: "부산", openedOn: "2026-03-01" }),
    "users.list": (c) => c.users.list({}),
    "users.create": (c, role) => c.users.create({ email: `hired-by-${role.replace("_", "-")}@sunap.test`, name: "신입", role: "auditor", password: "Welcome-2026-ok" }),
    "ledger.entries": (c) => c.ledger.entries({}),
    "ledger.accounts": (c) => c.ledger.accounts({}),
    "ledger.post": (c, role) =>
      c.ledger.post({ effectiveOn: HARNESS_TODAY, memo: "opening cash", idempotencyKey: `roles-${role}`, lines: [{ accountCode: "cash", amountWon: 1_000n }, { accountCode: "opening_balance_equity", amountWon: -1_000n }] }),
    "periods.list": (c) => c.periods.list(),
    "periods.close": (c, role) => c.periods.close({ month: closeMonthOf[role] }),
    "audit.list": (c) => c.audit.list({}),
    "dashboard.summary": (c) => c.dashboard.summary(),
    "organization.update": (c) => c.organization.get().then((org) => c.organization.update({ ...org!, creditorText: "매월 25일 출금합니다." })),
    "clock.get": (c) => c.clock.get(),
    "auth.me": (c) => c.auth.me(),
  };

  describe.each(ROLES)("%s", (role) => {
    it.each(Object.keys(REPRESENTATIVE))(`calls %s exactly when the role holds its permission`, async (path) => {
      const call = REPRESENTATIVE[path]!(h.callerFor(role), role);
      const permission = declaredPermission(h.router, path);
      if (permission === "public" || roleHas(role, permission!)) {
        await expect(call).resolves.toBeDefined();
      } else {
        expect(await refusal(call)).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.forbidden" });
      }
    });
  });
});
