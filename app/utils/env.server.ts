import { z } from "zod";

const booleanFromString = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

// One schema for every setting the app reads. A bad value stops start-up with a message
// naming the variable; README.md and .env.example list the same variables.
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  PGLITE_DATA_DIR: z.string().min(1).default("./data/pglite"),
  CENTRE_SLUG: z
    .string()
    .regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes only")
    .default("son-la"),
  SEED_DEMO_DATA: z.enum(["auto", "always", "never"]).default("auto"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Trung tâm Đổi mới sáng tạo Sơn La <no-reply@localhost>"),
  OUTBOX_POLL_SECONDS: z.coerce.number().min(1).max(3600).default(10),
  COOKIE_SECURE: booleanFromString.optional(),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d+)$/, "true, false or a number of proxy hops")
    .default("false"),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  // Applicants' pitch documents: where they are stored, and the largest one accepted.
  UPLOAD_DIR: z.string().min(1).default("./data/uploads"),
  PITCH_MAX_BYTES: z.coerce.number().int().min(1024).default(10_485_760),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // Card payments through Stripe: both or neither (parseEnv checks). Unset: no card payment.
  STRIPE_SECRET_KEY: z
    .string()
    .regex(/^(sk|rk)_(test|live)_/, "must start with sk_test_, sk_live_ or rk_…")
    .optional(),
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_/, "must start with whsec_")
    .optional(),
});

export type Env = z.infer<typeof envSchema>;

// Settings that only make sense together, checked like every other setting.
const checkedEnvSchema = envSchema.superRefine((env, ctx) => {
  if (!env.STRIPE_SECRET_KEY === !env.STRIPE_WEBHOOK_SECRET) return;
  const missing = env.STRIPE_SECRET_KEY ? "STRIPE_WEBHOOK_SECRET" : "STRIPE_SECRET_KEY";
  ctx.addIssue({ code: "custom", path: [missing], message: "card payments need both Stripe variables" });
});

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = checkedEnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`Invalid configuration in environment variables:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function appUrl(env: Env = getEnv()): string {
  return (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
}

export function cookieSecure(env: Env = getEnv()): boolean {
  return env.COOKIE_SECURE ?? env.NODE_ENV === "production";
}
