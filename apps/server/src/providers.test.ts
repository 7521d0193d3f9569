import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CmsProviderDeps } from "@sunap/api";
import { ConfigError, loadConfig } from "./config.ts";
import { selectProviders } from "./providers.ts";

function capturingLog() {
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line) as { level: number; msg: string }) });
  return { log, lines };
}

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sunap-providers-"));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  return undefined;
};

describe("choosing the providers at start", () => {
  it("refuses to start outside demo mode while any rail is the sandbox, naming each one", () => {
    const { log } = capturingLog();
    const error = refusal(() => selectProviders(loadConfig({ SUNAP_EMAIL_PROVIDER: "smtp", SUNAP_SMTP_HOST: "smtp.example.com", SUNAP_EMAIL_FROM: "a@example.com" }), false, log));
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.message).toContain("SUNAP_CMS_PROVIDER: sandbox");
    expect(error!.message).toContain("SUNAP_SMS_PROVIDER: sandbox");
    expect(error!.message).not.toContain("SUNAP_EMAIL_PROVIDER");
    expect(error!.message).toContain("SUNAP_ALLOW_SANDBOX_PROVIDERS=true");
  });

  it("starts with the sandboxes outside demo mode only when told so explicitly, and warns", () => {
    const { log, lines } = capturingLog();
    const providers = selectProviders(loadConfig({ SUNAP_ALLOW_SANDBOX_PROVIDERS: "true" }), false, log);
    expect(providers.sandboxRails).toEqual(["SUNAP_CMS_PROVIDER", "SUNAP_SMS_PROVIDER", "SUNAP_EMAIL_PROVIDER"]);
    expect(providers.notify.sms.name).toBe("sandbox");
    expect(lines.filter((l) => l.level === 40).map((l) => l.msg)).toEqual(["the CMS bank, SMS and Alimtalk, e-mail: sandbox implementations; nothing sent through them leaves this server."]);
  });

  it("uses the sandboxes silently in demo mode", () => {
    const { log, lines } = capturingLog();
    const providers = selectProviders(loadConfig({}), true, log);
    expect(Object.values(providers.notify).map((p) => p.name)).toEqual(["sandbox", "sandbox", "sandbox"]);
    expect(lines).toEqual([]);
  });

  it("builds the configured real providers, and starts outside demo mode without the allow flag", async () => {
    const { log, lines } = capturingLog();
    const providers = selectProviders(
      loadConfig({
        SUNAP_CMS_PROVIDER: "file-exchange",
        SUNAP_CMS_OUTBOUND_DIR: path.join(root, "out"),
        SUNAP_CMS_INBOUND_DIR: path.join(root, "in"),
        SUNAP_SMS_PROVIDER: "http-gateway",
        SUNAP_SMS_GATEWAY_URL: "https://sms.example.com/v1/messages",
        SUNAP_SMS_GATEWAY_API_KEY: "k",
        SUNAP_SMS_SENDER: "0212345678",
        SUNAP_EMAIL_PROVIDER: "smtp",
        SUNAP_SMTP_HOST: "smtp.example.com",
        SUNAP_EMAIL_FROM: "billing@example.com",
      }),
      false,
      log,
    );
    expect(providers.sandboxRails).toEqual([]);
    expect({ sms: providers.notify.sms.name, alimtalk: providers.notify.alimtalk.name, email: providers.notify.email.name }).toEqual({ sms: "http-gateway", alimtalk: "http-gateway", email: "smtp" });
    // The file exchange needs nothing of the database: it defers the holder check to the bank's answer.
    const cms = providers.cms({} as CmsProviderDeps);
    expect(await cms.verifyAccountHolder("004", "12345678901234", "홍길동", "900101")).toMatchObject({ ok: true, deferred: true });
    expect(lines).toEqual([]);
  });
});
