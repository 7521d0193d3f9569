import { describe, expect, it } from "vitest";
import { parseWorkerEnv } from "./worker-env.ts";

describe("the standalone worker's configuration", () => {
  it("refuses to start without DATABASE_URL and says what it needs", () => {
    expect(() => parseWorkerEnv({})).toThrow(/DATABASE_URL is required: the PostgreSQL the server uses/);
  });

  it("refuses a DATABASE_URL that is not a PostgreSQL URL", () => {
    expect(() => parseWorkerEnv({ DATABASE_URL: "mysql://db/sunap" })).toThrow(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  });

  it("accepts a PostgreSQL URL and logs at info unless told otherwise", () => {
    expect(parseWorkerEnv({ DATABASE_URL: "postgresql://sunap@db:5432/sunap" })).toEqual({ DATABASE_URL: "postgresql://sunap@db:5432/sunap", LOG_LEVEL: "info" });
  });
});
