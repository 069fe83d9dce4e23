import { getEnv } from "./env.server";

// A small JSON-lines logger: one object per line on stdout/stderr, ready for any collector.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
type Level = Exclude<keyof typeof LEVELS, "silent">;

function serialiseError(err: unknown) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack };
  return err;
}

function write(level: Level, fields: Record<string, unknown>, message: string) {
  let threshold: keyof typeof LEVELS = "info";
  try {
    threshold = getEnv().LOG_LEVEL;
  } catch {
    // configuration errors are reported elsewhere; keep logging at info
  }
  if (LEVELS[level] < LEVELS[threshold]) return;
  const { err, ...rest } = fields;
  const line = JSON.stringify({
    time: new Date().toISOString(),
    level,
    msg: message,
    ...rest,
    ...(err === undefined ? {} : { err: serialiseError(err) }),
  });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

export const logger = {
  debug: (fields: Record<string, unknown>, message: string) => write("debug", fields, message),
  info: (fields: Record<string, unknown>, message: string) => write("info", fields, message),
  warn: (fields: Record<string, unknown>, message: string) => write("warn", fields, message),
  error: (fields: Record<string, unknown>, message: string) => write("error", fields, message),
};
