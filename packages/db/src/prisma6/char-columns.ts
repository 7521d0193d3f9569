import type { PrismaPg } from "@prisma/adapter-pg";

/**
 * Shim for Prisma 6's WebAssembly schema engine on @prisma/adapter-pg 7.10 (both pinned exactly).
 *
 * The engine reads pg_catalog columns of type `"char"` (oid 18), e.g. `pg_constraint.contype`,
 * and the adapter refuses that type. Rewriting it to `text` is not enough: the engine reads
 * `contype` as a char and panics (`RuntimeError: unreachable`) on the first CHECK constraint or
 * constraint trigger. So the column is passed as `text` to the adapter and reported to the engine
 * as the adapter protocol's Character column type, which the engine turns into a char.
 */
type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type QueryRaw = PgAdapter["queryRaw"];
type ColumnType = Awaited<ReturnType<QueryRaw>>["columnTypes"][number];
/** The adapter's private query runner: it returns pg's result, whose field types we rewrite. */
type PerformIO = (query: Parameters<QueryRaw>[0]) => Promise<{ fields: { dataTypeID: number }[] }>;

const CHAR_OID = 18;
const TEXT_OID = 25;
/** `ColumnTypeEnum.Character` of @prisma/driver-adapter-utils. */
const CHARACTER_COLUMN = 6 as ColumnType;

export function readCharColumnsAsCharacters(adapter: PgAdapter): PgAdapter {
  const queryRaw = adapter.queryRaw;
  const performIO = (adapter as unknown as { performIO?: PerformIO }).performIO;
  if (typeof performIO !== "function") throw new Error("@prisma/adapter-pg changed: no performIO to shim; see packages/db/src/prisma6/char-columns.ts");
  adapter.queryRaw = async (query) => {
    // A per-call view of the adapter, so concurrent queries each track their own columns.
    const charColumns: number[] = [];
    const view: PgAdapter = Object.create(adapter, {
      performIO: {
        value: async (q: Parameters<QueryRaw>[0]) => {
          const result = await performIO.call(adapter, q);
          result.fields.forEach((field, index) => {
            if (field.dataTypeID !== CHAR_OID) return;
            charColumns.push(index);
            field.dataTypeID = TEXT_OID;
          });
          return result;
        },
      },
    });
    const result = await queryRaw.call(view, query);
    for (const index of charColumns) result.columnTypes[index] = CHARACTER_COLUMN;
    return result;
  };
  return adapter;
}
