import { describe, expect, it } from "vitest";
import { isValidBusinessNumber } from "./business-number.ts";

describe("business registration number", () => {
  it("accepts a number whose check digit is right, with or without dashes", () => {
    expect(isValidBusinessNumber("220-81-62517")).toBe(true);
    expect(isValidBusinessNumber("2208162517")).toBe(true);
  });
  it("refuses a number whose check digit is wrong", () => {
    expect(isValidBusinessNumber("220-81-62518")).toBe(false);
  });
  it("refuses anything but ten digits", () => {
    expect(isValidBusinessNumber("220-81-6251")).toBe(false);
    expect(isValidBusinessNumber("abc-de-fghij")).toBe(false);
  });
});
