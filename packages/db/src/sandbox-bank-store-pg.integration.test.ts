import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BusinessDate, Clock } from "@sunap/core";
import { BankingCalendar, parseRegistrationResultFile, SandboxBank, writeRegistrationRequestFile, type RegistrationRequest } from "@sunap/rails";
import { generateDevKeyring } from "./pii/keyring.ts";
import { PgSandboxBankStore } from "./sandbox-bank-store-pg.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

let t: TestDatabase;
const keyring = generateDevKeyring().keyring;
const ORG = "9912345678";
const ACCOUNT = "3333123456789";

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.drop();
});

function movableClock(start: BusinessDate) {
  let today = start;
  const clock: Clock = { today: () => today, now: () => new Date(`${today}T01:00:00.000Z`) };
  return { clock, moveTo: (date: BusinessDate) => void (today = date) };
}

const request = (payerNumber: string, accountNumber: string): RegistrationRequest => ({
  payerNumber,
  bankCode: "090",
  accountNumber,
  birthOrBusinessNumber: "900101",
  requestType: "new",
  consentDate: "2026-11-24",
  evidenceType: "electronic",
  holderName: "홍길동",
});

describe("PgSandboxBankStore", () => {
  it("lets the sandbox bank register, answer on the next banking day, and refuse a duplicate, all kept in PostgreSQL", async () => {
    const time = movableClock("2026-11-24");
    const bank = () => new SandboxBank({ clock: time.clock, calendar: BankingCalendar.korea(), store: new PgSandboxBankStore(t.db, keyring) });
    const file = writeRegistrationRequestFile({ orgCode: ORG, fileDate: "2026-11-24", sequence: 1, records: [request("P1", ACCOUNT), request("P2", "3333123450003")] });
    const id = await bank().submitRegistrations(file);
    expect(await bank().submitRegistrations(file)).toBe(id);
    expect(await bank().fetchRegistrationResults()).toEqual([]);

    time.moveTo("2026-11-25");
    const [result, ...more] = await bank().fetchRegistrationResults();
    expect(more).toEqual([]);
    expect(parseRegistrationResultFile(result!.bytes).records.map((r) => [r.payerNumber, r.accepted, r.reason])).toEqual([
      ["P1", true, null],
      ["P2", false, "account_closed"],
    ]);
    // A new store instance (another process) sees the same state: the same file, and the registration.
    expect((await bank().fetchRegistrationResults())[0]!.id).toBe(result!.id);
    const again = writeRegistrationRequestFile({ orgCode: ORG, fileDate: "2026-11-25", sequence: 1, records: [request("P1", ACCOUNT)] });
    await bank().submitRegistrations(again);
    time.moveTo("2026-11-26");
    const second = (await bank().fetchRegistrationResults("2026-11-26"))[0]!;
    expect(parseRegistrationResultFile(second.bytes).records[0]).toMatchObject({ accepted: false, reason: "duplicate_registration" });
  });

  it("keeps no account or birth number and no file in plaintext", async () => {
    const dump = JSON.stringify([
      await t.db.$queryRawUnsafe(`SELECT * FROM sandbox_bank_submission`),
      await t.db.$queryRawUnsafe(`SELECT * FROM sandbox_bank_result_file`),
      await t.db.$queryRawUnsafe(`SELECT * FROM sandbox_bank_registration`),
    ]);
    expect(dump).toContain("v1.");
    expect(dump).not.toContain(ACCOUNT);
    expect(dump).not.toContain("900101");
    expect(dump).not.toContain(Buffer.from(ACCOUNT).toString("base64").slice(0, 12));
  });

  it("undoes everything a failed transaction wrote", async () => {
    const store = new PgSandboxBankStore(t.db, keyring);
    const key = { orgCode: ORG, payerNumber: "P9", bankCode: "090", accountNumber: "3333999999999" };
    await expect(
      store.transaction(async (tx) => {
        await tx.saveRegistration({ ...key, birthOrBusinessNumber: "900101", holderName: "홍길동", registeredOn: "2026-11-24" });
        throw new Error("crash half way");
      }),
    ).rejects.toThrow("crash half way");
    expect(await store.transaction((tx) => tx.findRegistration(key))).toBeUndefined();
  });
});
