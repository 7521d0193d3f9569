import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("configuration", () => {
  it("uses sensible defaults when nothing is set", () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.DATABASE_URL).toBeUndefined();
  });
  it("names each bad variable and what it should be", () => {
    expect(() => loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SUNAP_TODAY: "2026-02-30" })).toThrowError(ConfigError);
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://x", SUNAP_TODAY: "2026-02-30" });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT:/);
      expect(message).toMatch(/DATABASE_URL: must start with postgresql:\/\//);
      expect(message).toMatch(/SUNAP_TODAY: must be a real date/);
    }
  });
});

describe("provider configuration", () => {
  it("defaults every rail to its sandbox, and the sandbox outside demo mode to not allowed", () => {
    expect(loadConfig({})).toMatchObject({ SUNAP_CMS_PROVIDER: "sandbox", SUNAP_SMS_PROVIDER: "sandbox", SUNAP_EMAIL_PROVIDER: "sandbox", SUNAP_ALLOW_SANDBOX_PROVIDERS: false, SUNAP_SMTP_PORT: 587, SUNAP_SMTP_TLS: "starttls" });
  });

  it("names each setting a chosen provider still needs", () => {
    const message = (() => {
      try {
        loadConfig({ SUNAP_CMS_PROVIDER: "file-exchange", SUNAP_SMS_PROVIDER: "http-gateway", SUNAP_EMAIL_PROVIDER: "smtp", SUNAP_SMTP_USER: "mailer" });
      } catch (error) {
        return (error as ConfigError).message;
      }
      return "";
    })();
    for (const name of ["SUNAP_CMS_OUTBOUND_DIR", "SUNAP_CMS_INBOUND_DIR"]) expect(message).toContain(`${name}: required when SUNAP_CMS_PROVIDER=file-exchange`);
    for (const name of ["SUNAP_SMS_GATEWAY_URL", "SUNAP_SMS_GATEWAY_API_KEY", "SUNAP_SMS_SENDER"]) expect(message).toContain(`${name}: required when SUNAP_SMS_PROVIDER=http-gateway`);
    for (const name of ["SUNAP_SMTP_HOST", "SUNAP_EMAIL_FROM"]) expect(message).toContain(`${name}: required when SUNAP_EMAIL_PROVIDER=smtp`);
    expect(message).toContain("SUNAP_SMTP_PASSWORD: required when SUNAP_SMTP_USER is set");
  });

  it("says what a provider variable may be when its value is wrong", () => {
    expect(() => loadConfig({ SUNAP_CMS_PROVIDER: "kftc", SUNAP_SMS_GATEWAY_URL: "ftp://x", SUNAP_SMS_SENDER: "sender", SUNAP_ALLOW_SANDBOX_PROVIDERS: "yes", SUNAP_CMS_OUTBOUND_DIR: "/x", SUNAP_CMS_INBOUND_DIR: "/x" })).toThrowError(
      /SUNAP_CMS_PROVIDER: must be sandbox or file-exchange[\s\S]*SUNAP_SMS_GATEWAY_URL: must be the gateway's http\(s\):\/\/ address[\s\S]*SUNAP_SMS_SENDER: must be the registered sender number/,
    );
    expect(() => loadConfig({ SUNAP_ALLOW_SANDBOX_PROVIDERS: "yes" })).toThrowError(/SUNAP_ALLOW_SANDBOX_PROVIDERS:/);
    expect(() => loadConfig({ SUNAP_CMS_OUTBOUND_DIR: "/x", SUNAP_CMS_INBOUND_DIR: "/x" })).toThrowError(/SUNAP_CMS_INBOUND_DIR: must be another folder than SUNAP_CMS_OUTBOUND_DIR/);
  });

  it("reads a complete production set of providers", () => {
    const config = loadConfig({
      SUNAP_CMS_PROVIDER: "file-exchange",
      SUNAP_CMS_OUTBOUND_DIR: "/srv/cms/out",
      SUNAP_CMS_INBOUND_DIR: "/srv/cms/in",
      SUNAP_SMS_PROVIDER: "http-gateway",
      SUNAP_SMS_GATEWAY_URL: "https://sms.example.com/v1/messages",
      SUNAP_SMS_GATEWAY_API_KEY: "k",
      SUNAP_SMS_SENDER: "02-1234-5678",
      SUNAP_EMAIL_PROVIDER: "smtp",
      SUNAP_SMTP_HOST: "smtp.example.com",
      SUNAP_SMTP_PORT: "465",
      SUNAP_SMTP_TLS: "implicit",
      SUNAP_EMAIL_FROM: "billing@example.com",
    });
    expect(config).toMatchObject({ SUNAP_SMS_SENDER: "0212345678", SUNAP_SMTP_PORT: 465, SUNAP_SMS_GATEWAY_TIMEOUT_MS: 10_000 });
  });
});
