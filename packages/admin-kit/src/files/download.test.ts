import { describe, expect, it } from "vitest";
import { base64ToBytes } from "./download.ts";

describe("base64ToBytes", () => {
  it("decodes every byte value, not only text", () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const base64 = btoa(String.fromCharCode(...all));
    expect(base64ToBytes(base64)).toEqual(all);
  });
});
