/**
 * JSON that keeps bigints: contract terms and settings are stored as jsonb, and money in them is
 * bigint won. A bigint is written as `{"$bigint":"123"}` — an object no schema of ours uses — and
 * read back exactly.
 */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export function encodeJson(value: unknown): JsonValue {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(encodeJson);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = encodeJson(item);
    return out;
  }
  throw new TypeError(`cannot encode a ${typeof value} as JSON`);
}

export function decodeJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeJson);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === "$bigint" && typeof entries[0]![1] === "string") return BigInt(entries[0]![1]);
    return Object.fromEntries(entries.map(([key, item]) => [key, decodeJson(item)]));
  }
  return value;
}
