import type { Db } from "@sunap/db";

export const DEFAULT_TIME_ZONE = "Asia/Seoul";

/** The organisation's time zone, from its settings; the default before they are first saved. */
export async function organizationTimeZone(db: Db): Promise<string> {
  const org = await db.organization.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return org?.timeZone ?? DEFAULT_TIME_ZONE;
}
