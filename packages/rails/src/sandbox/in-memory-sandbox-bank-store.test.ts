import { describe, expect, it } from "vitest";
import { InMemorySandboxBankStore } from "./in-memory-sandbox-bank-store.ts";

const registration = {
  orgCode: "9912345678",
  payerNumber: "P1",
  bankCode: "090",
  accountNumber: "3333123456789",
  birthOrBusinessNumber: "900101",
  holderName: "홍길동",
  registeredOn: "2026-11-25",
};

describe("InMemorySandboxBankStore", () => {
  it("keeps what a transaction wrote once it succeeds", async () => {
    const store = new InMemorySandboxBankStore();
    await store.transaction((tx) => tx.saveRegistration(registration));
    expect(await store.transaction((tx) => tx.findRegistration(registration))).toEqual(registration);
  });

  it("forgets everything a failed transaction wrote", async () => {
    const store = new InMemorySandboxBankStore();
    await expect(
      store.transaction(async (tx) => {
        await tx.saveRegistration(registration);
        throw new Error("crash half way");
      }),
    ).rejects.toThrow("crash half way");
    expect(await store.transaction((tx) => tx.findRegistration(registration))).toBeUndefined();
  });

  it("runs transactions one after another, so concurrent writers do not interleave", async () => {
    const store = new InMemorySandboxBankStore();
    const order: string[] = [];
    await Promise.all(
      ["a", "b"].map((name) =>
        store.transaction(async () => {
          order.push(`${name} start`);
          await new Promise((resolve) => setTimeout(resolve, 5));
          order.push(`${name} end`);
        }),
      ),
    );
    expect(order).toEqual(["a start", "a end", "b start", "b end"]);
  });

  it("stores one result file per submission, however often it is answered", async () => {
    const store = new InMemorySandboxBankStore();
    const file = { id: "S-result", submissionId: "S", kind: "debit" as const, availableOn: "2026-11-25", bytes: new Uint8Array([1]) };
    await store.transaction(async (tx) => {
      await tx.addResultFile(file);
      await tx.addResultFile({ ...file, id: "S-result-2", bytes: new Uint8Array([2]) });
    });
    expect(await store.transaction((tx) => tx.resultFiles("debit", undefined, "2026-11-30"))).toEqual([file]);
  });
});
