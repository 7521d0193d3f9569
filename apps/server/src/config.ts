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

  // Providers: the rails that reach banks and people (README "Providers in production").
  /** Outside demo mode a `sandbox` rail refuses to start unless this is set to true. */
  SUNAP_ALLOW_SANDBOX_PROVIDERS: flag.default(false),
  SUNAP_CMS_PROVIDER: z.enum(["sandbox", "file-exchange"], "must be sandbox or file-exchange").default("sandbox"),
  /** file-exchange: where request files go for the transfer client, and where it puts result files. */
  SUNAP_CMS_OUTBOUND_DIR: z.string().min(1).optional(),
  SUNAP_CMS_INBOUND_DIR: z.string().min(1).optional(),
  /** SMS, LMS and Alimtalk. */
  SUNAP_SMS_PROVIDER: z.enum(["sandbox", "http-gateway"], "must be sandbox or http-gateway").default("sandbox"),
  SUNAP_SMS_GATEWAY_URL: z.url({ protocol: /^https?$/, error: "must be the gateway's http(s):// address" }).optional(),
  SUNAP_SMS_GATEWAY_API_KEY: z.string().min(1).optional(),
  /** The registered sender number (발신번호). */
  SUNAP_SMS_SENDER: z
    .string()
    .transform((v) => v.replace(/-/g, ""))
    .refine((v) => /^\d{8,12}$/.test(v), "must be the registered sender number, digits (e.g. 02-1234-5678)")
    .optional(),
  SUNAP_SMS_GATEWAY_TIMEOUT_MS: z.coerce.number().int().min(1_000).max(120_000).default(10_000),
  SUNAP_EMAIL_PROVIDER: z.enum(["sandbox", "smtp"], "must be sandbox or smtp").default("sandbox"),
  SUNAP_SMTP_HOST: z.string().min(1).optional(),
  SUNAP_SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587),
  /** implicit: TLS from the start (port 465); starttls: upgrade required; none: a local relay only. */
  SUNAP_SMTP_TLS: z.enum(["implicit", "starttls", "none"], "must be implicit, starttls or none").default("starttls"),
  SUNAP_SMTP_USER: z.string().min(1).optional(),
  SUNAP_SMTP_PASSWORD: z.string().min(1).optional(),
  /** The sender, e.g. "Sunap 수납" <billing@example.com>. */
  SUNAP_EMAIL_FROM: z.string().min(3).optional(),
});

/** Each provider's own settings, required once that provider is chosen. */
const PROVIDER_SETTINGS = [
  { choice: "SUNAP_CMS_PROVIDER", value: "file-exchange", needs: ["SUNAP_CMS_OUTBOUND_DIR", "SUNAP_CMS_INBOUND_DIR"] },
  { choice: "SUNAP_SMS_PROVIDER", value: "http-gateway", needs: ["SUNAP_SMS_GATEWAY_URL", "SUNAP_SMS_GATEWAY_API_KEY", "SUNAP_SMS_SENDER"] },
  { choice: "SUNAP_EMAIL_PROVIDER", value: "smtp", needs: ["SUNAP_SMTP_HOST", "SUNAP_EMAIL_FROM"] },
] as const;

const EnvWithProviders = Env.superRefine((env, ctx) => {
  for (const rule of PROVIDER_SETTINGS) {
    if (env[rule.choice] !== rule.value) continue;
    for (const name of rule.needs) {
      if (env[name] === undefined) ctx.addIssue({ code: "custom", path: [name], message: `required when ${rule.choice}=${rule.value}` });
    }
  }
  if (env.SUNAP_SMTP_USER !== undefined && env.SUNAP_SMTP_PASSWORD === undefined) {
    ctx.addIssue({ code: "custom", path: ["SUNAP_SMTP_PASSWORD"], message: "required when SUNAP_SMTP_USER is set" });
  }
  if (env.SUNAP_CMS_OUTBOUND_DIR !== undefined && env.SUNAP_CMS_OUTBOUND_DIR === env.SUNAP_CMS_INBOUND_DIR) {
    ctx.addIssue({ code: "custom", path: ["SUNAP_CMS_INBOUND_DIR"], message: "must be another folder than SUNAP_CMS_OUTBOUND_DIR" });
  }
});

export type Config = z.infer<typeof Env>;

export class ConfigError extends Error {}

/** Reads the environment once, at start, and names every bad variable with what it should be. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = EnvWithProviders.safeParse(env);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}
