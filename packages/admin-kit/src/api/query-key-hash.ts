function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A query key as a stable string: object keys sorted (like React Query's own hash) and bigints kept
 * (`{"$bigint":"…"}`), which `JSON.stringify` alone refuses — list inputs and previews carry won amounts.
 */
export function hashQueryKey(key: readonly unknown[]): string {
  return JSON.stringify(key, (_, value: unknown) => {
    if (typeof value === "bigint") return { $bigint: value.toString() };
    if (isPlainObject(value)) {
      const sorted: Record<string, unknown> = {};
      for (const name of Object.keys(value).sort()) sorted[name] = value[name];
      return sorted;
    }
    return value;
  });
}
