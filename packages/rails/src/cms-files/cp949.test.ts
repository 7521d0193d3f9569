import { describe, expect, it } from "vitest";
import { decodeCp949, encodeCp949, encodeCp949Prefix, utf8HangulOffset } from "./cp949.ts";

describe("CP949", () => {
  it("writes Hangul in two bytes and ASCII in one", () => {
    expect(encodeCp949("홍길동")?.toString("hex")).toBe("c8abb1e6b5bf");
    expect(encodeCp949("Kim 홍")?.length).toBe(6);
  });

  it("covers every modern Hangul syllable, the extended ones (똠, 뷁) included", () => {
    expect(decodeCp949(encodeCp949("똠방각하 뷁")!)).toBe("똠방각하 뷁");
  });

  it("composes decomposed Hangul (NFD) before encoding", () => {
    expect(encodeCp949("홍".normalize("NFD"))?.toString("hex")).toBe("c8ab");
  });

  it("refuses characters CP949 has no bytes for", () => {
    expect(encodeCp949("결제 😀")).toBeUndefined();
    expect(encodeCp949("Müller")).toBeUndefined();
  });

  it("cuts a prefix between characters, never through one", () => {
    expect(encodeCp949Prefix("가나다", 5)?.toString("hex")).toBe("b0a1b3aa");
    expect(encodeCp949Prefix("A가나", 4)?.length).toBe(3);
    expect(encodeCp949Prefix("가나", 10)?.length).toBe(4);
  });

  it("reads back only valid CP949: no lone lead byte, no unassigned pair", () => {
    expect(decodeCp949(Buffer.from([0xb0]))).toBeUndefined();
    expect(decodeCp949(Buffer.from([0xb0, 0x20]))).toBeUndefined();
    expect(decodeCp949(Buffer.from([0xc9, 0xa1]))).toBeUndefined();
    expect(decodeCp949(Buffer.from([0xff]))).toBeUndefined();
    expect(decodeCp949(Buffer.from("abc"))).toBe("abc");
  });

  it("recognises a UTF-8 file by its Hangul or its byte-order mark", () => {
    expect(utf8HangulOffset(Buffer.from("ABC홍길동", "utf8"))).toBe(3);
    expect(utf8HangulOffset(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toBe(0);
    expect(utf8HangulOffset(encodeCp949("ABC홍길동")!)).toBeUndefined();
    expect(utf8HangulOffset(Buffer.from("plain ascii"))).toBeUndefined();
  });
});
