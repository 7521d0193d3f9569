import { z } from "zod";

const WorkerEnv = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is required: the PostgreSQL the server uses, e.g. postgres://user:password@host:5432/sunap" })
    .regex(/^postgres(ql)?:\/\//, { error: "DATABASE_URL must be a postgres:// or postgresql:// URL" }),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WorkerEnv = z.infer<typeof WorkerEnv>;

/** Reads the standalone worker's settings; throws one message naming every problem. */
export function parseWorkerEnv(env: Record<string, string | undefined>): WorkerEnv {
  const parsed = WorkerEnv.safeParse(env);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.map(String).join(".")}: ${issue.message}`);
  throw new Error(`invalid worker configuration — ${problems.join("; ")}`);
}
