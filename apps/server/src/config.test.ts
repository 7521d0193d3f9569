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
