// JSON lines on stdout (stderr for warnings and errors), the same shape as the app's logger
// (app/utils/logger.server.ts), so one collector reads both.
const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

let threshold = LEVELS.info;

/** Sets the lowest level written; "silent" writes nothing. */
export function setLogLevel(level) {
  threshold = LEVELS[level] ?? LEVELS.info;
}

export function log(level, msg, fields = {}) {
  if (LEVELS[level] < threshold) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(`${line}\n`);
}

/**
 * Start-up failures are written whatever LOG_LEVEL says: the process is about to exit. A
 * person at a terminal gets plain text; a log collector gets the usual JSON line.
 */
export function logFatal(msg) {
  if (process.stderr.isTTY) {
    process.stderr.write(`${msg}\n`);
    return;
  }
  const line = JSON.stringify({ time: new Date().toISOString(), level: "error", msg });
  process.stderr.write(`${line}\n`);
}
