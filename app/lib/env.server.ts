import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_PATH: z.string().min(1).optional(),
  MIGRATIONS_DIR: z.string().min(1).default("./db/migrations"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).optional(),
  // The address people use to reach the app, for links in mail. Defaults to http://localhost:PORT.
  PUBLIC_URL: z.string().url().optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default("Fellowship LMS <no-reply@fellowship.local>"),
  DEMO_DATA: booleanish.default(true),
  // Compiled course content, written by `npm run build`.
  CONTENT_DIR: z.string().min(1).default("./build/content"),
  // Opening and due dates are calendar days in the programme's time zone.
  PROGRAMME_TIMEZONE: z.string().min(1).default("Asia/Tbilisi"),
  // Trust X-Forwarded-For / X-Forwarded-Proto from one reverse proxy in front of the app.
  TRUST_PROXY: booleanish.default(false),
});

export type Env = z.infer<typeof EnvSchema> & { DATABASE_PATH: string; PUBLIC_URL: string };

let cached: Env | undefined;

/** Reads and validates process.env once; a bad value stops the process with a message naming it. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    DATABASE_PATH: env.DATABASE_PATH ?? `${env.DATA_DIR.replace(/\/$/, "")}/fellowship.db`,
    PUBLIC_URL: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
  };
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
