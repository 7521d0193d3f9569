/** What a column array may hold: dates and instants as their ISO text, JSON as its text. */
export type SqlArrayValue = string | number | bigint | boolean | null;

/**
 * The PostgreSQL array literal of `values`, for bulk statements written as
 * `INSERT … SELECT * FROM unnest(${sqlArray(ids)}::int[], ${sqlArray(names)}::text[])`. One text
 * parameter per column instead of a JavaScript array, which Prisma and pg convert element by element
 * (several times slower until the JIT has warmed up, i.e. on every short run). Every element is
 * quoted with `\` and `"` escaped, so commas, braces, quotes, blanks and the word NULL stay text;
 * a null is the unquoted NULL.
 */
export function sqlArray(values: readonly SqlArrayValue[]): string {
  let literal = "{";
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) literal += ",";
    literal += value === null || value === undefined ? "NULL" : `"${String(value).replace(/[\\"]/g, "\\$&")}"`;
  }
  return `${literal}}`;
}
