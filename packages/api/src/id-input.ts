import { z } from "zod";

/** A row id as PostgreSQL's INTEGER holds it; larger numbers get a clear 400, not a database error. */
export const Id = z.number().int().min(1).max(2_147_483_647);
