import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createApiHarness, HARNESS_TODAY, recordingCookieJar, refusal, type ApiHarness, type CallerOptions, type HarnessUser } from "../testing/api-harness.ts";
import { hashToken, loadSession, signIn } from "./session-service.ts";

let h: ApiHarness;
let locked: HarnessUser;
let disabled: HarnessUser;
let leaver: HarnessUser;
let changer: HarnessUser;
let hurried: HarnessUser;
let financeCsrf = "";
const MINUTE = 60_000;

beforeAll(async () => {
  h = await createApiHarness();
  [locked, disabled, leaver, changer, hurried] = await Promise.all([
    h.addUser({ email: "forgetful@sunap.test", role: "finance" }),
    h.addUser({ email: "departed@sunap.test", role: "finance" }),
    h.addUser({ email: "leaver@sunap.test", role: "auditor" }),
    h.addUser({ email: "changer@sunap.test", role: "auditor" }),
    h.addUser({ email: "hurried@sunap.test", role: "auditor" }),
  ]);
  financeCsrf = (await loadSession(h.db, h.users.finance.token, h.clock.now(), 8))!.csrfToken;
});
afterEach(() => {
  h.clock.resetNow();
});
afterAll(async () => {
  await h?.drop();
});

/** A browser with no session yet, from its own IP (the sign-in rate limit counts per IP). */
function visitor(ip: string) {
  const cookies = recordingCookieJar();
  return { cookies, caller: h.callerWithToken(null, { ip, cookies }) };
}

async function auditOf(action: string, actorEmail: string) {
  return h.db.auditLog.findMany({ where: { action, actorEmail }, orderBy: { id: "asc" } });
}

describe("signing in", () => {
  it("signs in with the right password, whatever the e-mail's case: sets the session cookie, returns the CSRF token, audits it", async () => {
    const { caller, cookies } = visitor("198.51.100.1");
    const { csrfToken } = await caller.auth.login({ email: "Admin@Sunap.TEST", password: h.users.admin.password });
    expect(cookies.token).toEqual(expect.any(String));
    const session = await loadSession(h.db, cookies.token!, h.clock.now(), 8);
    expect(session).toMatchObject({ csrfToken, user: { email: h.users.admin.email, role: "admin" } });
    expect((await auditOf("auth.login", h.users.admin.email)).at(-1)).toMatchObject({ ip: "198.51.100.1", entityId: String(h.users.admin.id) });
  });

  it("gives a wrong password and an unknown e-mail the same answer, and audits both", async () => {
    const wrongPassword = await h.request(null, "auth.login", { email: h.users.auditor.email, password: "Not-the-password-1" }, { ip: "198.51.100.2" });
    const unknownEmail = await h.request(null, "auth.login", { email: "nobody@sunap.test", password: "Not-the-password-1" }, { ip: "198.51.100.2" });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.error).toEqual(unknownEmail.error);
    expect(wrongPassword.error?.data.domainCode).toBe("auth.invalid_credentials");
    expect(await auditOf("auth.login_failed", h.users.auditor.email)).toEqual([expect.objectContaining({ ip: "198.51.100.2", entityId: String(h.users.auditor.id) })]);
    expect(await auditOf("auth.login_failed", "nobody@sunap.test")).toEqual([expect.objectContaining({ ip: "198.51.100.2", entityId: null, after: { reason: "unknown_email" } })]);
  });

  it("locks the account after five wrong passwords in a row, even against the right one, for 15 minutes", async () => {
    const { caller } = visitor("198.51.100.3");
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      expect(await refusal(caller.auth.login({ email: locked.email, password: `Wrong-guess-${attempt}` }))).toMatchObject({ code: "UNAUTHORIZED", domainCode: "auth.invalid_credentials" });
    }
    expect(await refusal(caller.auth.login({ email: locked.email, password: locked.password }))).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "auth.locked" });
    expect(await auditOf("auth.locked", locked.email)).toHaveLength(1);

    h.clock.advance(14 * MINUTE);
    expect(await refusal(caller.auth.login({ email: locked.email, password: locked.password }))).toMatchObject({ domainCode: "auth.locked" });

    h.clock.advance(MINUTE + 1_000);
    await expect(caller.auth.login({ email: locked.email, password: locked.password })).resolves.toMatchObject({ csrfToken: expect.any(String) });
    expect(await h.db.user.findUniqueOrThrow({ where: { id: locked.id } })).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("locks the account just the same when the five wrong passwords arrive at once", async () => {
    const { caller } = visitor("198.51.100.5");
    const guesses = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => caller.auth.login({ email: hurried.email, password: `Parallel-guess-${i}` })));
    expect(guesses.map((g) => g.status)).toEqual(Array(5).fill("rejected"));
    expect(await refusal(caller.auth.login({ email: hurried.email, password: hurried.password }))).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "auth.locked" });
  });

  it("refuses a disabled user even with the right password, and the user's sessions end", async () => {
    await h.callerFor("admin").users.update({ id: disabled.id, values: { name: "퇴사자", role: "finance", storeIds: [], disabled: true } });
    const { caller } = visitor("198.51.100.4");
    expect(await refusal(caller.auth.login({ email: disabled.email, password: disabled.password }))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.disabled" });
    expect(await loadSession(h.db, disabled.token, h.clock.now(), 8)).toBeNull();
    expect((await h.callerWithToken(disabled.token).auth.me()).user).toBeNull();
  });

  it("answers TOO_MANY_REQUESTS with auth.rate_limited after 20 attempts a minute from one IP", async () => {
    const { caller } = visitor("198.51.100.99");
    const attempts = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => caller.auth.login({ email: `guess-${i}@sunap.test`, password: "Guessing-2026" })));
    expect(attempts.every((a) => a.status === "rejected")).toBe(true);
    expect(await refusal(caller.auth.login({ email: h.users.finance.email, password: h.users.finance.password }))).toMatchObject({ code: "TOO_MANY_REQUESTS", domainCode: "auth.rate_limited" });
    // Another address is not held up by this one.
    await expect(visitor("198.51.100.100").caller.auth.login({ email: h.users.finance.email, password: h.users.finance.password })).resolves.toBeDefined();
  });
});

describe("sessions", () => {
  it("ends a session at its expiry time", async () => {
    const now = h.clock.now();
    const { token, expiresAt } = await signIn(h.db, { email: h.users.auditor.email, password: h.users.auditor.password, ip: "127.0.0.1" }, now, 8);
    expect(expiresAt.getTime()).toBe(now.getTime() + 8 * 60 * MINUTE);
    expect(await loadSession(h.db, token, expiresAt, 8)).toBeNull();
    expect(await loadSession(h.db, token, new Date(expiresAt.getTime() + MINUTE), 8)).toBeNull();
    expect(await loadSession(h.db, token, new Date(expiresAt.getTime() - 1), 8)).not.toBeNull();
  });

  it("refuses a caller whose session has expired", async () => {
    const { token } = await signIn(h.db, { email: h.users.finance.email, password: h.users.finance.password, ip: "127.0.0.1" }, h.clock.now(), 8);
    await expect(h.callerWithToken(token).ledger.entries({})).resolves.toBeDefined();
    h.clock.advance(8 * 60 * MINUTE + 1_000);
    expect(await refusal(h.callerWithToken(token).ledger.entries({}))).toMatchObject({ code: "UNAUTHORIZED", domainCode: "auth.not_signed_in" });
  });

  it("deletes the session on logout and clears the cookie", async () => {
    const cookies = recordingCookieJar();
    await h.callerWithToken(leaver.token, { cookies }).auth.logout();
    expect(cookies.cleared).toBe(true);
    expect(await h.db.session.findUnique({ where: { tokenHash: hashToken(leaver.token) } })).toBeNull();
    expect(await refusal(h.callerWithToken(leaver.token).audit.list({}))).toMatchObject({ code: "UNAUTHORIZED" });
    expect(await auditOf("auth.logout", leaver.email)).toHaveLength(1);
  });
});

describe("what the API shows of credentials", () => {
  it("never returns a password hash or a session token", async () => {
    const admin = h.callerFor("admin");
    const shown = JSON.stringify([await admin.users.list({}), await admin.users.get({ id: h.users.finance.id }), await admin.auth.me(), await admin.audit.list({ pagination: { current: 1, pageSize: 200 } })]);
    expect(shown).not.toMatch(/argon2|passwordHash|tokenHash/);
    for (const role of ["admin", "finance", "auditor"] as const) expect(shown).not.toContain(h.users[role].token);
  });
});

describe("changing one's password", () => {
  it("refuses a wrong current password and a weak new one, naming the field", async () => {
    const caller = h.callerWithToken(changer.token);
    expect(await refusal(caller.auth.changePassword({ currentPassword: "Not-my-password-1", newPassword: "Brand-new-2026" }))).toMatchObject({ code: "BAD_REQUEST", domainCode: "auth.wrong_current_password", field: "currentPassword" });
    const weak: [string, string][] = [
      ["short-1", "password.too_short"],
      ["only-letters-here", "password.needs_letter_and_digit"],
      ["my-changer-2026", "password.contains_email"],
    ];
    for (const [newPassword, code] of weak) {
      expect(await refusal(caller.auth.changePassword({ currentPassword: changer.password, newPassword }))).toMatchObject({ code: "BAD_REQUEST", domainCode: code, field: "newPassword" });
    }
    expect(await auditOf("auth.password_changed", changer.email)).toEqual([]);
  });

  it("changes it, keeps this session, ends the user's other sessions, and audits no password", async () => {
    const other = await signIn(h.db, { email: changer.email, password: changer.password, ip: "127.0.0.2" }, h.clock.now(), 8);
    await h.callerWithToken(changer.token).auth.changePassword({ currentPassword: changer.password, newPassword: "Brand-new-2026" });

    expect(await loadSession(h.db, changer.token, h.clock.now(), 8)).not.toBeNull();
    expect(await loadSession(h.db, other.token, h.clock.now(), 8)).toBeNull();
    await expect(signIn(h.db, { email: changer.email, password: changer.password, ip: "127.0.0.3" }, h.clock.now(), 8)).rejects.toMatchObject({ code: "auth.invalid_credentials" });
    await expect(signIn(h.db, { email: changer.email, password: "Brand-new-2026", ip: "127.0.0.3" }, h.clock.now(), 8)).resolves.toBeDefined();

    const [record] = await auditOf("auth.password_changed", changer.email);
    expect(record).toMatchObject({ actorId: changer.id, entityId: String(changer.id) });
    expect(JSON.stringify(record)).not.toContain("Brand-new-2026");
    expect(JSON.stringify(record)).not.toContain(changer.password);
  });
});

describe("CSRF protection", () => {
  async function footprint() {
    const [stores, entries, audit] = await Promise.all([h.db.store.count(), h.db.journalEntry.count(), h.db.auditLog.count()]);
    return { stores, entries, audit };
  }

  const newStore = { code: "SEOMYEON", name: "서면점", region: "부산", openedOn: "2026-03-01" };
  const entry = { effectiveOn: HARNESS_TODAY, memo: "cash count", lines: [{ accountCode: "cash", amountWon: 10n }, { accountCode: "opening_balance_equity", amountWon: -10n }] };

  const badHeaders: [string, () => CallerOptions][] = [
    ["without the x-csrf-token header", () => ({ csrf: false })],
    ["with an empty header", () => ({ csrfHeader: "" })],
    ["with a made-up token", () => ({ csrfHeader: "not-the-token" })],
    ["with another session's token", () => ({ csrfHeader: financeCsrf })],
  ];

  it.each(badHeaders)("refuses a mutation %s with auth.csrf, and changes nothing", async (_, options) => {
    const opts = options();
    const before = await footprint();
    expect(await refusal(h.callerFor("admin", opts).stores.create(newStore))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.csrf" });
    expect(await refusal(h.callerFor("admin", opts).ledger.post(entry))).toMatchObject({ code: "FORBIDDEN", domainCode: "auth.csrf" });
    expect(await footprint()).toEqual(before);
  });

  it("tells the client why, in its language", async () => {
    const response = await h.request("admin", "stores.create", newStore, { csrf: false, locale: "en" });
    expect(response.status).toBe(403);
    expect(response.error?.message).toBe("The security token is missing or wrong. Reload the page.");
  });

  it("lets queries through without the header", async () => {
    const caller = h.callerFor("admin", { csrf: false });
    await expect(caller.stores.list({})).resolves.toMatchObject({ total: 2 });
    await expect(caller.ledger.entries({})).resolves.toMatchObject({ total: 0 });
    await expect(caller.auth.me()).resolves.toMatchObject({ user: { email: h.users.admin.email } });
  });

  it("accepts the mutation with the session's own token", async () => {
    const before = await footprint();
    await h.callerFor("admin").stores.create(newStore);
    expect(await footprint()).toEqual({ ...before, stores: before.stores + 1, audit: before.audit + 1 });
  });
});
