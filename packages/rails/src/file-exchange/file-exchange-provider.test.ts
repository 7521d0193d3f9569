import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { BusinessDate, Clock } from "@sunap/core";
import { BankingCalendar } from "../calendar/banking-calendar.ts";
import { decodeCp949 } from "../cms-files/cp949.ts";
import { parseDebitResultFile, writeDebitRequestFile } from "../cms-files/debit-files.ts";
import { parseRegistrationRequestFile, parseRegistrationResultFile, writeRegistrationRequestFile } from "../cms-files/registration-files.ts";
import { RailError } from "../rail-error.ts";
import { InMemorySandboxBankStore } from "../sandbox/in-memory-sandbox-bank-store.ts";
import { SandboxBank } from "../sandbox/sandbox-bank.ts";
import { SAMPLE_DEBIT_REQUEST, SAMPLE_REGISTRATION_REQUEST } from "../testing/sample-cms-files.ts";
import { FileExchangeCmsProvider } from "./file-exchange-provider.ts";
import type { Rejection } from "./rejection-note.ts";

let root: string;
let outbound: string;
let inbound: string;
let rejections: Rejection[];

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sunap-exchange-"));
  outbound = path.join(root, "outbound");
  inbound = path.join(root, "inbound");
  await mkdir(inbound); // the transfer client's folder
  rejections = [];
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const exchange = (settleMs = 0, nowMs?: () => number) =>
  new FileExchangeCmsProvider({ outboundDirectory: outbound, inboundDirectory: inbound, settleMs, nowMs, onRejected: (r) => rejections.push(r) });

/** The sandbox bank plays the bank side: it answers the same bytes with its own result writer. */
function bankSide(start: BusinessDate) {
  let today = start;
  const clock: Clock = { today: () => today, now: () => new Date(`${today}T01:00:00.000Z`) };
  const bank = new SandboxBank({ clock, calendar: BankingCalendar.korea(), store: new InMemorySandboxBankStore(), resultDelayBankingDays: 1 });
  return { bank, moveTo: (date: BusinessDate) => void (today = date) };
}

const registrationFile = writeRegistrationRequestFile(SAMPLE_REGISTRATION_REQUEST);
const OUT_NAME = "EB13_9912345678_20261124_001.dat";

/** Sends the sample EB13 through the exchange and has the sandbox bank answer it; returns the EB14 bytes. */
async function answeredRegistration() {
  const provider = exchange();
  const submissionId = await provider.submitRegistrations(registrationFile);
  const side = bankSide("2026-11-24");
  await side.bank.submitRegistrations(await readFile(path.join(outbound, OUT_NAME)));
  side.moveTo("2026-11-25");
  const [answer] = await side.bank.fetchRegistrationResults();
  return { provider, submissionId, answer: answer!, side };
}

const list = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).sort();

describe("file-exchange CMS provider: sending", () => {
  it("puts a submitted registration file into outbound whole, in CP949, named by institution, date and sequence", async () => {
    const id = await exchange().submitRegistrations(registrationFile);
    expect(id).toBe("EB13-9912345678-20261124-001");
    expect(await list(outbound)).toEqual([OUT_NAME, "sent"]);
    const bytes = await readFile(path.join(outbound, OUT_NAME));
    expect(bytes.equals(registrationFile)).toBe(true);
    expect(decodeCp949(bytes)).toContain("홍길동");
    expect(parseRegistrationRequestFile(bytes).records).toHaveLength(4);
    expect((await stat(path.join(outbound, OUT_NAME))).mode & 0o777).toBe(0o600);
    // The record of what was sent keeps no account number.
    const manifest = await readFile(path.join(outbound, "sent", `${OUT_NAME}.json`), "utf8");
    expect(manifest).not.toContain("3333123456789");
    expect(JSON.parse(manifest)).toMatchObject({ id, fileType: "EB13", sequence: 1, recordCount: 4 });
  });

  it("refuses a malformed request file before writing anything", async () => {
    const broken = Buffer.from(registrationFile);
    broken[300] = 0x0a;
    await expect(exchange().submitRegistrations(broken)).rejects.toMatchObject({ code: expect.stringMatching(/^cms_file\./) });
    expect(await list(outbound)).toEqual([]);
  });

  it("treats the same file again as a retry: nothing is written twice, even after the transfer client took it", async () => {
    const provider = exchange();
    const id = await provider.submitRegistrations(registrationFile);
    await rm(path.join(outbound, OUT_NAME)); // carried away by the transfer client
    expect(await provider.submitRegistrations(registrationFile)).toBe(id);
    expect(await list(outbound)).toEqual(["sent"]);
  });

  it("refuses a different file under a number already handed over", async () => {
    const provider = exchange();
    await provider.submitRegistrations(registrationFile);
    const other = writeRegistrationRequestFile({ ...SAMPLE_REGISTRATION_REQUEST, records: SAMPLE_REGISTRATION_REQUEST.records.slice(1) });
    const refusal = await provider.submitRegistrations(other).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RailError);
    expect(refusal).toMatchObject({ kind: "CONFLICT", code: "file_exchange.submission_conflict" });
    expect((await readFile(path.join(outbound, OUT_NAME))).equals(registrationFile)).toBe(true);
  });

  it("finishes a hand-over cut short between recording the file and renaming it into place", async () => {
    const provider = exchange();
    await provider.submitRegistrations(registrationFile);
    await rename(path.join(outbound, OUT_NAME), path.join(outbound, `.${OUT_NAME}.part`)); // the state a crash before the rename leaves
    await provider.submitRegistrations(registrationFile);
    expect(await list(outbound)).toEqual([OUT_NAME, "sent"]);
  });

  it("writes debit files as EB21 under their own name", async () => {
    const id = await exchange().submitDebits(writeDebitRequestFile(SAMPLE_DEBIT_REQUEST));
    expect(id).toBe("EB21-9912345678-20261124-001");
    expect(await list(outbound)).toContain("EB21_9912345678_20261124_001.dat");
  });
});

describe("file-exchange CMS provider: receiving", () => {
  it("returns the result file the bank side wrote for a registration file, matched to that file", async () => {
    const { provider, submissionId, answer } = await answeredRegistration();
    await writeFile(path.join(inbound, "EB14_FROM_BANK.txt"), answer.bytes);
    const [result, ...more] = await provider.fetchRegistrationResults("2026-11-24");
    expect(more).toEqual([]);
    expect(result).toMatchObject({ id: "EB14-9912345678-20261125-001", submissionId, fileType: "EB14", availableOn: "2026-11-25" });
    const parsed = parseRegistrationResultFile(result!.bytes);
    // The holder check deferred at consent comes back here: the 0002 account is refused as a holder mismatch.
    expect(parsed.records.map((r) => [r.payerNumber, r.accepted, r.reason])).toEqual([
      ["P0001", true, null],
      ["P0002", true, null],
      ["P0003", false, "holder_mismatch"],
      ["P0004", false, "no_registration_found"],
    ]);
    expect(await list(inbound)).toEqual(["processed", "rejected"]);
    expect(await list(path.join(inbound, "processed"))).toEqual(["EB14_9912345678_20261125_001.dat", "replayed"]);
    // Still offered from its date on (a consumer that died before applying it gets it again), not before.
    expect((await provider.fetchRegistrationResults()).map((f) => f.id)).toEqual([result!.id]);
    expect(await provider.fetchRegistrationResults("2026-11-26")).toEqual([]);
  });

  it("changes nothing when a processed result file is delivered again", async () => {
    const { provider, answer } = await answeredRegistration();
    await writeFile(path.join(inbound, "first.dat"), answer.bytes);
    const first = await provider.fetchRegistrationResults();
    await writeFile(path.join(inbound, "again.dat"), answer.bytes);
    const second = await provider.fetchRegistrationResults();
    expect(second).toEqual(first);
    expect(await list(path.join(inbound, "processed"))).toEqual(["EB14_9912345678_20261125_001.dat", "replayed"]);
    expect(await list(path.join(inbound, "processed", "replayed"))).toEqual(["EB14_9912345678_20261125_001.dat"]);
    expect(rejections).toEqual([]);
  });

  it("refuses a corrupted result file whole, moved to rejected/ with the record and the reason", async () => {
    const { provider, answer } = await answeredRegistration();
    // Record 3 loses its last byte: everything before it is fine, the file is refused whole all the same.
    const bytes = Buffer.from(answer.bytes);
    const cut = 2 * 122 + 119;
    const corrupted = Buffer.concat([bytes.subarray(0, cut), bytes.subarray(cut + 1)]);
    await writeFile(path.join(inbound, "EB14_0000.dat"), corrupted);
    expect(await provider.fetchRegistrationResults()).toEqual([]);
    expect(await list(path.join(inbound, "rejected"))).toEqual(["EB14_0000.dat", "EB14_0000.dat.reason.txt"]);
    expect((await readFile(path.join(inbound, "rejected", "EB14_0000.dat"))).equals(corrupted)).toBe(true);
    const note = await readFile(path.join(inbound, "rejected", "EB14_0000.dat.reason.txt"), "utf8");
    expect(note).toContain("code: cms_file.record_too_short");
    expect(note).toContain("record: 3");
    expect(note).toContain("reason: Record 3 is 119 bytes instead of 120: it is truncated.");
    expect(note).toContain("사유: 3번째 레코드가 119바이트입니다");
    expect(rejections).toEqual([{ file: "EB14_0000.dat", code: "cms_file.record_too_short", recordNumber: 3, params: { record: 3, actual: 119, expected: 120 } }]);
    // The good copy, delivered afterwards, is taken normally.
    await writeFile(path.join(inbound, "EB14_0000.dat"), answer.bytes);
    expect(await provider.fetchRegistrationResults()).toHaveLength(1);
    expect(await list(path.join(inbound, "rejected"))).toEqual(["EB14_0000.dat", "EB14_0000.dat.reason.txt"]);
  });

  it("refuses a result file that answers no file this installation sent", async () => {
    const { answer } = await answeredRegistration();
    const stranger = new FileExchangeCmsProvider({ outboundDirectory: path.join(root, "elsewhere"), inboundDirectory: inbound, settleMs: 0 });
    await writeFile(path.join(inbound, "x.dat"), answer.bytes);
    expect(await stranger.fetchRegistrationResults()).toEqual([]);
    const note = await readFile(path.join(inbound, "rejected", "x.dat.reason.txt"), "utf8");
    expect(note).toContain("code: file_exchange.unmatched_result");
    expect(note).toContain("EB14-9912345678-20261125-001");
  });

  it("refuses a different result file under a number already processed", async () => {
    const { provider, answer } = await answeredRegistration();
    await writeFile(path.join(inbound, "a.dat"), answer.bytes);
    await provider.fetchRegistrationResults();
    const parsed = parseRegistrationResultFile(answer.bytes);
    const { writeRegistrationResultFile } = await import("../cms-files/registration-files.ts");
    const altered = writeRegistrationResultFile({ ...parsed, records: parsed.records.map((r, i) => (i === 0 ? { ...r, accepted: false, reason: "account_closed" as const } : r)) });
    await writeFile(path.join(inbound, "b.dat"), altered);
    expect((await provider.fetchRegistrationResults()).map((f) => f.bytes.length)).toEqual([answer.bytes.length]);
    expect(await readFile(path.join(inbound, "rejected", "b.dat.reason.txt"), "utf8")).toContain("code: file_exchange.result_conflict");
  });

  it("leaves a file still being written (too recent, or under a dot-name) for a later fetch", async () => {
    const { answer } = await answeredRegistration();
    let now = Date.now();
    const provider = exchange(30_000, () => now);
    await writeFile(path.join(inbound, "fresh.dat"), answer.bytes);
    await writeFile(path.join(inbound, ".partial.tmp"), answer.bytes.subarray(0, 50));
    expect(await provider.fetchRegistrationResults()).toEqual([]);
    expect(await list(inbound)).toContain("fresh.dat");
    now += 31_000;
    expect(await provider.fetchRegistrationResults()).toHaveLength(1);
    expect(await list(inbound)).toEqual([".partial.tmp", "processed", "rejected"]);
    expect(rejections).toEqual([]);
  });

  it("returns debit results answered by the bank side, and leaves them out of the registration fetch", async () => {
    const { provider, answer, side } = await answeredRegistration();
    await writeFile(path.join(inbound, "reg.dat"), answer.bytes);
    await provider.fetchRegistrationResults();
    const debits = writeDebitRequestFile({ ...SAMPLE_DEBIT_REQUEST, fileDate: "2026-11-25" });
    const submissionId = await provider.submitDebits(debits);
    await side.bank.submitDebits(await readFile(path.join(outbound, "EB21_9912345678_20261125_001.dat")));
    side.moveTo("2026-11-26");
    const [debitAnswer] = await side.bank.fetchDebitResults();
    await writeFile(path.join(inbound, "deb.dat"), debitAnswer!.bytes);
    expect((await provider.fetchRegistrationResults()).map((f) => f.fileType)).toEqual(["EB14"]);
    expect(await list(inbound)).toContain("deb.dat");
    const [result] = await provider.fetchDebitResults();
    expect(result).toMatchObject({ id: "EB22-9912345678-20261126-001", submissionId, fileType: "EB22" });
    expect(Buffer.from(result!.bytes).equals(Buffer.from(debitAnswer!.bytes))).toBe(true);
    expect(parseDebitResultFile(result!.bytes).records.map((r) => r.reference)).toEqual(SAMPLE_DEBIT_REQUEST.records.map((r) => r.reference));
  });
});

describe("file-exchange CMS provider: holder check", () => {
  it("defers the holder check to the bank's registration answer, but still refuses an account number of the wrong form", async () => {
    const provider = exchange();
    expect(await provider.verifyAccountHolder("004", "12345678901234", " 홍길동 ", "900101")).toEqual({ ok: true, bankHolderName: "홍길동", deferred: true });
    expect(await provider.verifyAccountHolder("004", "12", "홍길동", "900101")).toEqual({ ok: false, reason: "invalid_account" });
  });
});
