import { describe, expect, it } from "vitest";
import { contractPathIn } from "./contract-path.ts";

describe("contractPathIn", () => {
  it("opens a plugin's contracts/:id page", () => {
    expect(contractPathIn([{ path: "contracts" }, { path: "contracts/:id/edit" }, { path: "contracts/:id" }], "subscription", 7)).toBe("/plugins/subscription/contracts/7");
  });

  it("falls back to the plugin's own detail page when it names contracts otherwise, not to an edit page", () => {
    expect(contractPathIn([{ path: "loans" }, { path: "loans/new" }, { path: "loans/:id/edit" }, { path: "loans/:id" }], "loan-repayment", 3)).toBe("/plugins/loan-repayment/loans/3");
  });

  it("uses the default path for a plugin without a detail page", () => {
    expect(contractPathIn([{ path: "settings" }], "tiny", 1)).toBe("/plugins/tiny/contracts/1");
  });
});
