import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CmsProvider } from "@sunap/rails";
import { createApiHarness, type ApiHarness } from "../testing/api-harness.ts";
import { collectRegistrationResults, submitPendingRegistrations } from "./registration-pipeline.ts";
import { createCmsProvider } from "./registration-provider.ts";

let h: ApiHarness;
const PDF = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(64, 0x20), Buffer.from("\n%%EOF\n")]);

beforeAll(async () => {
  h = await createApiHarness();
  const finance = h.callerFor("finance");
  const payer = await finance.payers.create({ payerCode: "CRASH-1", kind: "individual", name: "재시도", birthDate: "1993-03-03", phone: "010-3030-4040" });
  await finance.consents.recordOffline({ payerId: payer.id, method: "paper", agreedOn: "2026-03-13", bankCode: "088", accountNumber: "110222333444", holderName: "재시도", file: { name: "f.pdf", base64: PDF.toString("base64") }, idempotencyKey: "crash-test-1" });
});
afterAll(async () => {
  await h?.drop();
});

describe("the registration pipeline", () => {
  it("recovers from a crash between writing the file and handing it over: the same file is sent once, nothing twice", async () => {
    const { keyring } = await h.contextFor(null);
    const real = createCmsProvider(h.db, keyring, h.clock);
    let calls = 0;
    const crashing: CmsProvider = { ...real, verifyAccountHolder: real.verifyAccountHolder.bind(real), fetchRegistrationResults: real.fetchRegistrationResults.bind(real), submitDebits: real.submitDebits.bind(real), fetchDebitResults: real.fetchDebitResults.bind(real), submitRegistrations: async () => { calls += 1; throw new Error("worker died"); } };
    await expect(submitPendingRegistrations({ db: h.db, keyring, clock: h.clock, provider: crashing })).rejects.toThrow("worker died");
    expect(calls).toBe(1);
    expect(await h.db.cmsFile.findMany({ select: { status: true, sequence: true } })).toEqual([{ status: "prepared", sequence: 1 }]);
    expect(await h.db.cmsRegistration.findFirstOrThrow()).toMatchObject({ status: "pending", requestRecordNo: 1 });

    const deps = { db: h.db, keyring, clock: h.clock, provider: real };
    expect(await submitPendingRegistrations(deps)).toEqual({ files: ["EB13-SUNAP0001-20260316-001"], records: 1 });
    expect(await submitPendingRegistrations(deps)).toEqual({ files: [], records: 0 });
    expect(await h.db.cmsFile.count()).toBe(1);
    expect(await h.db.sandboxBankSubmission.count()).toBe(1);
    expect((await h.db.cmsRegistration.findFirstOrThrow()).status).toBe("submitted");

    await h.setToday("2026-03-17");
    expect((await collectRegistrationResults(deps)).applied).toMatchObject([{ registered: 1 }]);
    expect(await collectRegistrationResults(deps)).toEqual({ applied: [], replayed: 0 });
    expect((await h.db.cmsRegistration.findFirstOrThrow()).status).toBe("registered");
  });
});
