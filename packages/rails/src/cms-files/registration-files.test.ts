import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CmsFileError } from "../rail-error.ts";
import { hangulSyllable, orgCode, registrationRequest, registrationResult, businessDate, sequence } from "../testing/cms-arbitraries.ts";
import { SAMPLE_REGISTRATION_REQUEST, SAMPLE_REGISTRATION_RESULT } from "../testing/sample-cms-files.ts";
import { decodeCp949, encodeCp949 } from "./cp949.ts";
import { REGISTRATION_RECORD_LENGTH } from "./layouts.ts";
import {
  parseRegistrationRequestFile,
  parseRegistrationResultFile,
  writeRegistrationRequestFile,
  writeRegistrationResultFile,
  type RegistrationRequest,
} from "./registration-files.ts";

function lines(bytes: Buffer): Buffer[] {
  const out: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += REGISTRATION_RECORD_LENGTH + 2) out.push(bytes.subarray(start, start + REGISTRATION_RECORD_LENGTH));
  return out;
}

describe("registration request files (EB13)", () => {
  it("writes a header, one 120-byte record per request and a trailer, each ended by CRLF", () => {
    const bytes = writeRegistrationRequestFile(SAMPLE_REGISTRATION_REQUEST);
    expect(bytes.length).toBe(6 * (REGISTRATION_RECORD_LENGTH + 2));
    expect(bytes.subarray(-2).toString("latin1")).toBe("\r\n");
    const [header, first, , , , trailer] = lines(bytes);
    expect(header?.toString("latin1").slice(0, 34)).toBe("H000000009912345678EB1320261124001");
    expect(first?.toString("latin1").slice(0, 58)).toBe("R000000019912345678P0001               0903333123456789   ");
    expect(trailer?.toString("latin1").slice(0, 57)).toBe("T999999999912345678" + "00000004" + "0".repeat(30));
  });

  it("writes the holder's name in CP949, two bytes a syllable, padded with spaces by bytes", () => {
    const [, first] = lines(writeRegistrationRequestFile(SAMPLE_REGISTRATION_REQUEST));
    const name = first!.subarray(81, 101);
    expect(name.subarray(0, 6)).toEqual(encodeCp949("홍길동"));
    expect(name.subarray(6).toString("latin1")).toBe(" ".repeat(14));
  });

  it("reads back exactly what it wrote", () => {
    expect(parseRegistrationRequestFile(writeRegistrationRequestFile(SAMPLE_REGISTRATION_REQUEST))).toEqual(SAMPLE_REGISTRATION_REQUEST);
  });

  it("round-trips any valid file, Hangul names included (property)", () => {
    fc.assert(
      fc.property(orgCode, businessDate, sequence, fc.array(registrationRequest, { maxLength: 20 }), (org, fileDate, seq, records) => {
        const file = { orgCode: org, fileDate, sequence: seq, records };
        expect(parseRegistrationRequestFile(writeRegistrationRequestFile(file))).toEqual(file);
      }),
    );
  });

  it("cuts a name longer than 20 bytes between syllables, keeping the longest prefix that fits (property)", () => {
    fc.assert(
      fc.property(fc.array(hangulSyllable, { minLength: 11, maxLength: 30 }), fc.constantFrom("", "A"), (syllables, lead) => {
        const holderName = lead + syllables.join("");
        const record: RegistrationRequest = { ...SAMPLE_REGISTRATION_REQUEST.records[0]!, holderName };
        const parsed = parseRegistrationRequestFile(writeRegistrationRequestFile({ ...SAMPLE_REGISTRATION_REQUEST, records: [record] }));
        const written = parsed.records[0]!.holderName;
        expect(holderName.startsWith(written)).toBe(true);
        expect(encodeCp949(written)!.length).toBe(lead ? 19 : 20);
      }),
    );
  });

  it.each<[string, Partial<RegistrationRequest>, string]>([
    ["a payer number over 20 bytes", { payerNumber: "P".repeat(21) }, "cms_file.value_too_long"],
    ["an account number over 16 digits", { accountNumber: "1".repeat(17) }, "cms_file.value_too_long"],
    ["an account number with hyphens", { accountNumber: "3333-12-3456789" }, "cms_file.not_numeric"],
    ["a two-digit bank code", { bankCode: "90" }, "cms_file.invalid_code"],
    ["a full resident registration number", { birthOrBusinessNumber: "9001011234567" }, "cms_file.invalid_identity_number"],
    ["a name CP949 cannot write", { holderName: "Zoë 😀" }, "cms_file.unencodable"],
    ["a blank name", { holderName: "  " }, "cms_file.blank_required"],
    ["a new registration without evidence", { evidenceType: null }, "cms_file.blank_required"],
    ["a payer number with a space", { payerNumber: "P 1" }, "cms_file.invalid_character"],
    ["an impossible consent date", { consentDate: "2026-02-30" }, "cms_file.invalid_date"],
  ])("refuses to write %s", (_, change, code) => {
    const file = { ...SAMPLE_REGISTRATION_REQUEST, records: [{ ...SAMPLE_REGISTRATION_REQUEST.records[0]!, ...change }] };
    expect(() => writeRegistrationRequestFile(file)).toThrowError(code);
  });

  it("names the record a writing problem is in", () => {
    const records = [SAMPLE_REGISTRATION_REQUEST.records[0]!, { ...SAMPLE_REGISTRATION_REQUEST.records[1]!, payerNumber: "" }];
    try {
      writeRegistrationRequestFile({ ...SAMPLE_REGISTRATION_REQUEST, records });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(CmsFileError);
      expect(error).toMatchObject({ recordNumber: 3, problem: "blank_required", field: "payerNumber" });
    }
  });
});

describe("registration result files (EB14)", () => {
  it("carries each request back with Y, or N and the reason code", () => {
    const bytes = writeRegistrationResultFile(SAMPLE_REGISTRATION_RESULT);
    const records = lines(bytes).slice(1, 5).map((line) => line.toString("latin1").slice(101, 106));
    expect(records).toEqual(["Y0000", "Y0000", "NA003", "NC003"]);
    expect(parseRegistrationResultFile(bytes)).toEqual(SAMPLE_REGISTRATION_RESULT);
  });

  it("round-trips any valid result file (property)", () => {
    fc.assert(
      fc.property(orgCode, businessDate, sequence, fc.array(registrationResult, { maxLength: 20 }), (org, fileDate, seq, records) => {
        const file = { orgCode: org, fileDate, sequence: seq, records };
        expect(parseRegistrationResultFile(writeRegistrationResultFile(file))).toEqual(file);
      }),
    );
  });

  it("refuses a rejection without a reason, and an acceptance with one", () => {
    const record = SAMPLE_REGISTRATION_RESULT.records[0]!;
    expect(() => writeRegistrationResultFile({ ...SAMPLE_REGISTRATION_RESULT, records: [{ ...record, accepted: false }] })).toThrowError("cms_file.inconsistent_result");
    const bytes = writeRegistrationResultFile({ ...SAMPLE_REGISTRATION_RESULT, records: [record] });
    const tampered = Buffer.from(bytes);
    tampered.write("D001", 122 + 102, "latin1");
    expect(() => parseRegistrationResultFile(tampered)).toThrowError("cms_file.inconsistent_result");
  });

  it("refuses a reason code it does not know", () => {
    const bytes = Buffer.from(writeRegistrationResultFile(SAMPLE_REGISTRATION_RESULT));
    bytes.write("NZZZZ", 2 * 122 + 101, "latin1");
    expect(() => parseRegistrationResultFile(bytes)).toThrowError(expect.objectContaining({ code: "cms_file.invalid_code", recordNumber: 3 }));
  });

  it("keeps the decoded names identical to the written bytes' CP949 text", () => {
    const bytes = writeRegistrationResultFile(SAMPLE_REGISTRATION_RESULT);
    expect(decodeCp949(bytes.subarray(122 * 2 + 81, 122 * 2 + 101))?.trimEnd()).toBe("(주)수납상사");
  });
});
