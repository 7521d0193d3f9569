import { describe, expect, it } from "vitest";
import type { BusinessDate, Clock } from "@sunap/core";
import { BankingCalendar } from "../calendar/banking-calendar.ts";
import type { CmsProvider } from "../cms-provider.ts";
import { parseDebitResultFile, writeDebitRequestFile, type DebitRequest } from "../cms-files/debit-files.ts";
import {
  parseRegistrationResultFile,
  writeRegistrationRequestFile,
  type RegistrationRequest,
} from "../cms-files/registration-files.ts";
import { CmsFileError } from "../rail-error.ts";
import { InMemorySandboxBankStore } from "./in-memory-sandbox-bank-store.ts";
import { SandboxBank } from "./sandbox-bank.ts";

const ORG = "9912345678";
const calendar = BankingCalendar.korea();

/** A clock the test moves by business date; "now" is 10:00 in Seoul on that date. */
function movableClock(start: BusinessDate) {
  let today = start;
  const clock: Clock = { today: () => today, now: () => new Date(`${today}T01:00:00.000Z`) };
  return { clock, moveTo: (date: BusinessDate) => void (today = date) };
}

function sandbox(start: BusinessDate, resultDelayBankingDays?: number) {
  const time = movableClock(start);
  const bank = new SandboxBank({ clock: time.clock, calendar, store: new InMemorySandboxBankStore(), resultDelayBankingDays });
  return { bank, ...time };
}

let payerSeq = 0;
function registration(bankCode: string, accountNumber: string, change: Partial<RegistrationRequest> = {}): RegistrationRequest {
  payerSeq += 1;
  return {
    payerNumber: `P${payerSeq}`,
    bankCode,
    accountNumber,
    birthOrBusinessNumber: "900101",
    requestType: "new",
    consentDate: "2026-11-23",
    evidenceType: "electronic",
    holderName: "홍길동",
    ...change,
  };
}

function debitFor(reg: RegistrationRequest, amountWon: bigint, change: Partial<DebitRequest> = {}): DebitRequest {
  return {
    payerNumber: reg.payerNumber,
    bankCode: reg.bankCode,
    accountNumber: reg.accountNumber,
    amountWon,
    birthOrBusinessNumber: reg.birthOrBusinessNumber,
    debitType: "full_only",
    debitDate: "2026-11-26",
    passbookMemo: "수납테스트",
    reference: `D-${reg.payerNumber}`,
    ...change,
  };
}

const eb13 = (records: RegistrationRequest[], sequence = 1, fileDate = "2026-11-24") => writeRegistrationRequestFile({ orgCode: ORG, fileDate, sequence, records });
const eb21 = (records: DebitRequest[], sequence = 1, fileDate = "2026-11-25") => writeDebitRequestFile({ orgCode: ORG, fileDate, sequence, records });

async function registrationAnswers(bank: SandboxBank) {
  const files = await bank.fetchRegistrationResults();
  return files.flatMap((f) => parseRegistrationResultFile(f.bytes).records.map((r) => (r.accepted ? "registered" : r.reason)));
}

async function debitAnswers(bank: SandboxBank) {
  const files = await bank.fetchDebitResults();
  return files.flatMap((f) => parseDebitResultFile(f.bytes).records.map((r) => `${r.outcome} ${r.debitedWon}${r.reason ? ` ${r.reason}` : ""}`));
}

describe("sandbox bank: registrations (EB13 → EB14)", () => {
  it("answers a registration file on the next banking day, not before", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    const id = await bank.submitRegistrations(eb13([registration("090", "3333123456789")]));
    expect(id).toBe("EB13-9912345678-20261124-001");
    expect(await bank.fetchRegistrationResults()).toEqual([]);
    moveTo("2026-11-25");
    const [file] = await bank.fetchRegistrationResults();
    expect(file).toMatchObject({ id: `${id}-result`, submissionId: id, fileType: "EB14", availableOn: "2026-11-25" });
    const parsed = parseRegistrationResultFile(file!.bytes);
    expect(parsed).toMatchObject({ orgCode: ORG, fileDate: "2026-11-25", sequence: 1 });
    expect(parsed.records.map((r) => r.accepted)).toEqual([true]);
  });

  it("decides each registration by the account number's last four digits", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    await bank.submitRegistrations(
      eb13([
        registration("090", "3333123456789"),
        registration("090", "3333123450001"),
        registration("088", "110123450002"),
        registration("020", "1002123450003"),
        registration("090", "3333123450004"),
        registration("090", "3333123450005"),
        registration("999", "3333123456789"),
        registration("004", "1234567890123"),
      ]),
    );
    moveTo("2026-11-25");
    expect(await registrationAnswers(bank)).toEqual([
      "registered",
      "invalid_account",
      "holder_mismatch",
      "account_closed",
      "not_cms_eligible",
      "birth_or_business_number_mismatch",
      "invalid_account",
      "invalid_account",
    ]);
  });

  it("registers an 0002 account only under the bank's holder name, 김샌드", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    await bank.submitRegistrations(eb13([registration("088", "110123450002"), registration("088", "110123450002", { holderName: "김 샌드" })]));
    moveTo("2026-11-25");
    expect(await registrationAnswers(bank)).toEqual(["holder_mismatch", "registered"]);
  });

  it("rejects a second registration of a registered account as a duplicate, in the same file or a later one", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    const first = registration("090", "3333123456789");
    await bank.submitRegistrations(eb13([first, { ...first, consentDate: "2026-11-24" }]));
    moveTo("2026-11-25");
    await bank.submitRegistrations(eb13([first], 1, "2026-11-25"));
    moveTo("2026-11-26");
    expect(await registrationAnswers(bank)).toEqual(["registered", "duplicate_registration", "duplicate_registration"]);
  });

  it("cancels a registration, and refuses to cancel one it does not have", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    const reg = registration("090", "3333123456789");
    const cancel = { ...reg, requestType: "cancel" as const, evidenceType: null };
    await bank.submitRegistrations(eb13([reg]));
    moveTo("2026-11-25");
    await bank.submitRegistrations(eb13([cancel, cancel], 1, "2026-11-25"));
    moveTo("2026-11-26");
    expect(await registrationAnswers(bank)).toEqual(["registered", "registered", "no_registration_found"]);
    await bank.submitDebits(eb21([debitFor(reg, 10_000n)], 1, "2026-11-26"));
    moveTo("2026-11-27");
    expect(await debitAnswers(bank)).toEqual(["failed 0 no_registration_found"]);
  });

  it("waits over weekends and holidays: a Friday file before Seollal is answered the Thursday after", async () => {
    const { bank, moveTo } = sandbox("2026-02-13");
    await bank.submitRegistrations(eb13([registration("090", "3333123456789")], 1, "2026-02-13"));
    for (const day of ["2026-02-14", "2026-02-16", "2026-02-18"]) {
      moveTo(day);
      expect(await bank.fetchRegistrationResults(), day).toEqual([]);
    }
    moveTo("2026-02-19");
    expect((await bank.fetchRegistrationResults()).map((f) => f.availableOn)).toEqual(["2026-02-19"]);
  });

  it("counts a weekend submission from the next banking day", async () => {
    const { bank, moveTo } = sandbox("2026-11-28");
    await bank.submitRegistrations(eb13([registration("090", "3333123456789")], 1, "2026-11-28"));
    moveTo("2026-11-30");
    expect(await bank.fetchRegistrationResults()).toEqual([]);
    moveTo("2026-12-01");
    expect(await bank.fetchRegistrationResults()).toHaveLength(1);
  });

  it("answers the same day with a delay of 0, and after two banking days with 2", async () => {
    const same = sandbox("2026-11-24", 0);
    await same.bank.submitRegistrations(eb13([registration("090", "3333123456789")]));
    expect(await same.bank.fetchRegistrationResults()).toHaveLength(1);

    const slow = sandbox("2026-11-24", 2);
    await slow.bank.submitRegistrations(eb13([registration("090", "3333123456789")]));
    slow.moveTo("2026-11-25");
    expect(await slow.bank.fetchRegistrationResults()).toEqual([]);
    slow.moveTo("2026-11-26");
    expect(await slow.bank.fetchRegistrationResults()).toHaveLength(1);
  });
});

describe("sandbox bank: idempotency and bad files", () => {
  it("takes the same file twice as one submission: one result, no duplicate registration", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    const file = eb13([registration("090", "3333123456789")]);
    const first = await bank.submitRegistrations(file);
    moveTo("2026-11-25");
    const again = await bank.submitRegistrations(Buffer.from(file));
    moveTo("2026-11-26");
    expect(again).toBe(first);
    expect(await registrationAnswers(bank)).toEqual(["registered"]);
  });

  it("refuses a different file under a number it already has", async () => {
    const { bank } = sandbox("2026-11-24");
    await bank.submitRegistrations(eb13([registration("090", "3333123456789")]));
    await expect(bank.submitRegistrations(eb13([registration("090", "3333123456780")]))).rejects.toMatchObject({
      kind: "CONFLICT",
      code: "sandbox_bank.submission_conflict",
    });
  });

  it("rejects a corrupted file whole and keeps nothing of it", async () => {
    const { bank, moveTo } = sandbox("2026-11-24", 0);
    const file = Buffer.from(eb13([registration("090", "3333123456789")]));
    file.write("00000002", 2 * 122 + 19, "latin1");
    await expect(bank.submitRegistrations(file)).rejects.toBeInstanceOf(CmsFileError);
    moveTo("2026-11-25");
    expect(await bank.fetchRegistrationResults()).toEqual([]);
  });

  it("hands out the same result files, with the same ids, on every fetch, and filters them by date", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    await bank.submitRegistrations(eb13([registration("090", "3333123456789")]));
    moveTo("2026-11-25");
    await bank.submitRegistrations(eb13([registration("090", "3333123456781")], 1, "2026-11-25"));
    moveTo("2026-11-26");
    const all = await bank.fetchRegistrationResults();
    expect(all.map((f) => f.availableOn)).toEqual(["2026-11-25", "2026-11-26"]);
    expect(await bank.fetchRegistrationResults()).toEqual(all);
    expect((await bank.fetchRegistrationResults("2026-11-26")).map((f) => f.id)).toEqual([all[1]!.id]);
    expect(await bank.fetchDebitResults()).toEqual([]);
    await expect(bank.fetchDebitResults("next week")).rejects.toMatchObject({ code: "calendar.bad_date" });
  });
});

describe("sandbox bank: debits (EB21 → EB22)", () => {
  it("debits registered accounts by the same last-four-digits table", async () => {
    const { bank, moveTo } = sandbox("2026-11-24");
    const regs = ["3333123456789", "3333123451001", "3333123451002", "3333123451002", "3333123451003", "3333123451004", "3333123451005", "3333123451006", "3333123451007"].map(
      (account) => registration("090", account),
    );
    await bank.submitRegistrations(eb13(regs));
    moveTo("2026-11-25");
    expect(await registrationAnswers(bank)).toEqual(regs.map(() => "registered"));

    const stranger = registration("090", "3333123459999");
    await bank.submitDebits(
      eb21([
        debitFor(regs[0]!, 55_000n),
        debitFor(regs[1]!, 55_000n, { debitType: "partial_allowed" }),
        debitFor(regs[2]!, 30_001n, { debitType: "partial_allowed" }),
        debitFor(regs[3]!, 30_001n),
        debitFor(regs[4]!, 10_000n),
        debitFor(regs[5]!, 10_000n),
        debitFor(regs[6]!, 10_000n),
        debitFor(regs[7]!, 10_000n),
        debitFor(regs[8]!, 10_000n),
        debitFor(stranger, 10_000n),
        debitFor(regs[0]!, 1_000n, { birthOrBusinessNumber: "010101" }),
      ]),
    );
    expect(await bank.fetchDebitResults()).toEqual([]);
    moveTo("2026-11-26");
    expect(await debitAnswers(bank)).toEqual([
      "debited 55000",
      "failed 0 insufficient_funds",
      "partial 15000 insufficient_funds",
      "failed 0 insufficient_funds",
      "failed 0 account_closed",
      "failed 0 consent_withdrawn_at_bank",
      "failed 0 frozen_or_seized",
      "failed 0 limit_exceeded",
      "failed 0 payment_stopped",
      "failed 0 no_registration_found",
      "failed 0 birth_or_business_number_mismatch",
    ]);
  });

  it("echoes each request's reference and totals the result file", async () => {
    const { bank, moveTo } = sandbox("2026-11-24", 0);
    const reg = registration("090", "3333123451002");
    await bank.submitRegistrations(eb13([reg]));
    const id = await bank.submitDebits(eb21([debitFor(reg, 1_001n, { debitType: "partial_allowed" })], 7, "2026-11-24"));
    moveTo("2026-11-25");
    const [file] = await bank.fetchDebitResults();
    expect(file).toMatchObject({ submissionId: id, fileType: "EB22", availableOn: "2026-11-24" });
    const parsed = parseDebitResultFile(file!.bytes);
    expect(parsed.sequence).toBe(7);
    expect(parsed.records[0]).toMatchObject({ reference: `D-${reg.payerNumber}`, outcome: "partial", debitedWon: 500n, passbookMemo: "수납테스트" });
  });
});

describe("sandbox bank: account holder check (예금주 조회)", () => {
  const provider: CmsProvider = sandbox("2026-11-24").bank;

  it.each([
    ["090", "3333123456789", "홍길동", "900101", { ok: true, bankHolderName: "홍길동" }],
    ["090", "3333123456789", "홍 길동", "900101", { ok: true, bankHolderName: "홍 길동" }],
    ["090", "3333123450001", "홍길동", "900101", { ok: false, reason: "invalid_account" }],
    ["088", "110123450002", "홍길동", "900101", { ok: false, reason: "holder_mismatch", bankHolderName: "김샌드" }],
    ["090", "3333123450003", "홍길동", "900101", { ok: false, reason: "account_closed" }],
    ["090", "3333123450004", "홍길동", "900101", { ok: true, bankHolderName: "홍길동" }],
    ["090", "3333123450005", "홍길동", "900101", { ok: false, reason: "birth_or_business_number_mismatch" }],
    ["090", "12345", "홍길동", "900101", { ok: false, reason: "invalid_account" }],
    ["090", "3333123456789", "홍길동", "9001011234567", { ok: false, reason: "birth_or_business_number_mismatch" }],
  ] as const)("bank %s account %s holder %s → %j", async (bankCode, account, name, birth, expected) => {
    expect(await provider.verifyAccountHolder(bankCode, account, name, birth)).toEqual(expected);
  });
});
