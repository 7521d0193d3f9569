import { describe, expect, it } from "vitest";
import { NotifyProviderError, type OutgoingMessage } from "../provider.ts";
import { createSandboxProviders, type SandboxSend } from "./sandbox-providers.ts";

function sandbox() {
  const sent: SandboxSend[] = [];
  return { providers: createSandboxProviders({ onSend: (s) => sent.push(s) }), sent };
}

async function failure(promise: Promise<unknown>): Promise<{ kind: string; reason: string }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotifyProviderError) return { kind: error.kind, reason: error.reason };
    throw error;
  }
  throw new Error("expected the send to fail");
}

const sms = (to: string, body = "짧은 안내"): OutgoingMessage => ({ to, body });

describe("sandbox SMS", () => {
  it("sends up to 90 CP949 bytes as SMS and longer text as LMS", async () => {
    const { providers, sent } = sandbox();
    expect(await providers.sms.send(sms("010-1234-5678", "가".repeat(45)))).toMatchObject({ deliveredAs: "sms", providerMessageId: expect.stringMatching(/^sbx-sms-/) });
    expect(await providers.sms.send(sms("010-1234-5678", "가".repeat(46)))).toMatchObject({ deliveredAs: "lms" });
    expect(sent.map((s) => s.deliveredAs)).toEqual(["sms", "lms"]);
  });

  it.each([
    ["a number ending in 0000", sms("010-1234-0000"), "permanent", "invalid_number"],
    ["something that is no phone number", sms("12345"), "permanent", "invalid_number"],
    ["a number ending in 9999", sms("010-1234-9999"), "temporary", "carrier_busy"],
    ["text over 2,000 bytes", sms("010-1234-5678", "가".repeat(1_001)), "permanent", "too_long"],
    ["an emoji", sms("010-1234-5678", "안녕 😀"), "permanent", "unencodable"],
  ])("refuses %s", async (_what, message, kind, reason) => {
    expect(await failure(sandbox().providers.sms.send(message))).toEqual({ kind, reason });
  });
});

describe("sandbox Alimtalk", () => {
  it("sends a registered template as Alimtalk", async () => {
    const { providers } = sandbox();
    expect(await providers.alimtalk.send({ to: "010-1234-5678", body: "안내", templateCode: "SUNAP_OTP_V1" })).toMatchObject({ deliveredAs: "alimtalk" });
  });

  it("falls back to SMS (or LMS) when the template is unknown or missing", async () => {
    const { providers } = sandbox();
    expect(await providers.alimtalk.send({ to: "010-1234-5678", body: "안내", templateCode: "NOT_REGISTERED" })).toMatchObject({ deliveredAs: "sms" });
    expect(await providers.alimtalk.send({ to: "010-1234-5678", body: "가".repeat(60) })).toMatchObject({ deliveredAs: "lms" });
  });

  it("refuses a number ending in 0000 for good", async () => {
    expect(await failure(sandbox().providers.alimtalk.send({ to: "010-5555-0000", body: "안내", templateCode: "SUNAP_OTP_V1" }))).toEqual({ kind: "permanent", reason: "invalid_number" });
  });
});

describe("sandbox e-mail", () => {
  it("sends to a valid address", async () => {
    expect(await sandbox().providers.email.send({ to: "minji@example.kr", subject: "안내", body: "본문" })).toMatchObject({ deliveredAs: "email" });
  });

  it.each([
    ["an address without @", { to: "minji.example.kr", subject: "s", body: "b" }, "permanent", "invalid_address"],
    ["an address without a domain", { to: "minji@", subject: "s", body: "b" }, "permanent", "invalid_address"],
    ["a mailbox that defers", { to: "tempfail@example.kr", subject: "s", body: "b" }, "temporary", "mailbox_busy"],
  ])("refuses %s", async (_what, message, kind, reason) => {
    expect(await failure(sandbox().providers.email.send(message))).toEqual({ kind, reason });
  });
});
