import { describe, expect, it } from "vitest";
import { passwordProblems } from "./password-policy.ts";

describe("password policy", () => {
  it("accepts a long password with letters and digits", () => {
    expect(passwordProblems("river-stone-42", "kim@example.kr")).toEqual([]);
  });
  it("refuses short passwords and passwords without digits", () => {
    expect(passwordProblems("abc123", "kim@example.kr")).toContain("password.too_short");
    expect(passwordProblems("onlyletters-here", "kim@example.kr")).toEqual(["password.needs_letter_and_digit"]);
  });
  it("refuses a password built on the e-mail's name", () => {
    expect(passwordProblems("minji2026!!", "minji@example.kr")).toEqual(["password.contains_email"]);
  });
});
