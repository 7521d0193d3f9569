import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BankingCalendar, FileExchangeCmsProvider, InMemorySandboxBankStore, parseRegistrationRequestFile, SandboxBank } from "@sunap/rails";
import { createApiHarness, type ApiHarness, type CoreCaller } from "../testing/api-harness.ts";
import { consentThroughPage } from "./enrollment-testing.ts";
import { applyRegistrationResultFile } from "./registration-pipeline.ts";

/**
 * The configured CMS rail, end to end: the file-exchange provider set in the server settings
 * carries a consent taken on the public page (holder check deferred) and an offline one to the
 * bank side as an EB13 file, and applies the EB14 the bank side writes back.
 */
let h: ApiHarness;
let finance: CoreCaller;
let root: string;
let outbound: string;
let inbound: string;
let exchange: FileExchangeCmsProvider;
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(64, 0x20), Buffer.from("\n%%EOF\n")]);

beforeAll(async () => {
  h = await createApiHarness();
  finance = h.callerFor("finance");
  root = await mkdtemp(path.join(tmpdir(), "sunap-cms-"));
  outbound = path.join(root, "outbound");
  inbound = path.join(root, "inbound");
  await mkdir(inbound);
  exchange = new FileExchangeCmsProvider({ outboundDirectory: outbound, inboundDirectory: inbound, settleMs: 0 });
  h.settings.cmsProvider = () => exchange;
});
afterAll(async () => {
  await h?.drop();
  await rm(root, { recursive: true, force: true });
});

/** A consent through the public page, as a payer gives it; the account's holder is not who the payer says (sandbox …0002). */
async function consentOnThePage() {
  const link = await finance.enrollmentLinks.create({ purpose: "campaign", campaignLabel: "파일 교환", amountText: "매월 30,000원", scheduleText: "매월 25일 출금" });
  const token = link.path.split("/").pop()!;
  const { holder } = await consentThroughPage(h, {
    token,
    payer: { name: "이몽룡", birthDate: "1991-02-03", phone: "010-7777-1234" },
    account: { bankCode: "090", accountNumber: "3333123450002" },
    idempotencyKey: "file-exchange-page-1",
    checkHolder: true,
  });
  return holder;
}

describe("the registration pipeline over the file-exchange provider", () => {
  it("takes the consent with the holder check deferred, sends the EB13 through outbound, and applies the bank's EB14 from inbound once", async () => {
    // The page cannot ask the bank in real time: the name given stands, the bank decides later.
    expect(await consentOnThePage()).toMatchObject({ bankCode: "090", holderName: "이몽룡" });
    const payer = await finance.payers.create({ payerCode: "FX-1", kind: "individual", name: "성춘향", birthDate: "1992-04-05", phone: "010-3131-4141" });
    await finance.consents.recordOffline({ payerId: payer.id, method: "paper", agreedOn: "2026-03-13", bankCode: "088", accountNumber: "110222333444", holderName: "성춘향", file: { name: "f.pdf", base64: PDF.toString("base64") }, idempotencyKey: "fx-offline-1" });

    const sent = await finance.registrations.runNow();
    expect(sent).toMatchObject({ submittedFiles: ["EB13-SUNAP0001-20260316-001"], submittedRecords: 2, resultFiles: [] });
    expect((await readdir(outbound)).sort()).toEqual(["EB13_SUNAP0001_20260316_001.dat", "sent"]);
    const file = await readFile(path.join(outbound, "EB13_SUNAP0001_20260316_001.dat"));
    expect(parseRegistrationRequestFile(file).records.map((r) => [r.holderName, r.requestType])).toEqual(
      expect.arrayContaining([["이몽룡", "new"], ["성춘향", "new"]]),
    );

    // The bank side (the sandbox bank's own code) reads the carried file and writes its answer the next banking day.
    const bank = new SandboxBank({ clock: h.clock, calendar: BankingCalendar.korea(), store: new InMemorySandboxBankStore(), resultDelayBankingDays: 1 });
    await bank.submitRegistrations(file);
    await h.setToday("2026-03-17");
    const [answer] = await bank.fetchRegistrationResults();
    await writeFile(path.join(inbound, "from-bank-0317.dat"), answer!.bytes);

    expect(await finance.registrations.runNow()).toMatchObject({ submittedFiles: [], resultFiles: ["EB14-SUNAP0001-20260317-001"], registered: 1, rejected: 1 });
    const registrations = await h.db.cmsRegistration.findMany({ include: { payer: { select: { name: true } } }, orderBy: { id: "asc" } });
    expect(registrations.map((r) => [r.payer.name, r.status, r.reason])).toEqual([
      ["이몽룡", "rejected", "holder_mismatch"],
      ["성춘향", "registered", null],
    ]);

    // The transfer client delivers the same file again: it is set aside, and nothing changes.
    await writeFile(path.join(inbound, "from-bank-0317-again.dat"), answer!.bytes);
    const before = await h.db.cmsRegistrationEvent.count();
    expect(await finance.registrations.runNow()).toMatchObject({ resultFiles: [], registered: 0, rejected: 0 });
    expect(await h.db.cmsRegistrationEvent.count()).toBe(before);
    // Every file sent is answered, so the pipeline did not even look; the next fetch sets the copy aside, and applying what it offers is a replay.
    const offered = await exchange.fetchRegistrationResults();
    expect(await readdir(path.join(inbound, "processed", "replayed"))).toEqual(["EB14_SUNAP0001_20260317_001.dat"]);
    expect(offered.map((f) => f.id)).toEqual(["EB14-SUNAP0001-20260317-001"]);
    const { keyring } = await h.contextFor(null);
    expect(await applyRegistrationResultFile({ db: h.db, keyring, clock: h.clock, provider: exchange }, offered[0]!)).toMatchObject({ replayed: true, registered: 0, rejected: 0 });
    expect(await h.db.cmsRegistrationEvent.count()).toBe(before);
  });
});
