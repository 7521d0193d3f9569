import { describe, expect, it } from "vitest";
import { BankingCalendar } from "@sunap/rails";
import { collectionDayIn } from "./loan-inputs.ts";

describe("collectionDayIn", () => {
  const shipped = collectionDayIn(BankingCalendar.korea());

  it("collects on the due date when it is a banking day, else the next one (weekends, holidays, Dec 31)", () => {
    expect(shipped("2026-12-02")).toBe("2026-12-02");
    expect(shipped("2026-12-05")).toBe("2026-12-07"); // Saturday → Monday
    expect(shipped("2026-12-31")).toBe("2027-01-04"); // year-end closing, New Year, weekend
  });

  it("follows the admin's changes: an added closure moves the day, a reopened one keeps it", () => {
    const adjusted = collectionDayIn(
      BankingCalendar.korea({ extraClosures: [{ date: "2026-12-02", name: { ko: "임시공휴일", en: "Temporary holiday" }, kind: "public", occasion: "temporary" }], reopenedDates: ["2026-12-31"] }),
    );
    expect(adjusted("2026-12-02")).toBe("2026-12-03");
    expect(adjusted("2026-12-31")).toBe("2026-12-31");
  });

  it("skips only weekends beyond the years the holiday data covers", () => {
    expect(shipped("2040-01-07")).toBe("2040-01-09"); // Saturday → Monday
  });
});
