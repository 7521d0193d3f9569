import { z } from "zod";
import { isBusinessDate } from "@sunap/core";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const Env = z.object({
  // 0 picks a free port (tests).
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "must start with postgresql:// (e.g. postgresql://user:pass@host:5432/sunap)")
    .optional(),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is unset. */
  SUNAP_DATA_DIR: z.string().min(1).default(".data"),
  SUNAP_EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65_535).default(54_329),
  /** Demo and test mode: pin the business date (YYYY-MM-DD). */
  SUNAP_TODAY: z.string().refine(isBusinessDate, "must be a real date written YYYY-MM-DD").optional(),
  SUNAP_DEMO: flag.optional(),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Set true behind HTTPS so the session cookie is only sent over TLS. */
  COOKIE_SECURE: flag.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SUNAP_ADMIN_DIST: z.string().optional(),
  // Keys for personal data at rest (checked in detail by the keyring; see README "Keys").
  SUNAP_ENCRYPTION_KEYS: z.string().optional(),
  SUNAP_ENCRYPTION_ACTIVE_KEY: z.string().optional(),
  SUNAP_BLIND_INDEX_KEY: z.string().optional(),
});

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {}

/** Reads the environment once, at start, and names every bad variable with what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = Env.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
