// Runs a command against a throwaway PostgreSQL server:
//   tsx scripts/with-postgres.ts vitest run
// The command gets TEST_DATABASE_URL (tests/setup/env.ts makes it the DATABASE_URL). The
// server and its folder are removed afterwards — also when the command fails or on Ctrl-C —
// and this exits with the command's exit code.
import { spawn } from "node:child_process";
import path from "node:path";
import { constants } from "node:os";
import { startPostgres } from "./postgres";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("Usage: tsx scripts/with-postgres.ts <command> [args…]");
  process.exit(2);
}

let stopRequested: NodeJS.Signals | undefined;
const earlySignal = (signal: NodeJS.Signals) => {
  stopRequested = signal;
};
process.on("SIGINT", earlySignal);
process.on("SIGTERM", earlySignal);

const started = performance.now();
const server = await startPostgres();
const databaseUrl = await server.createDatabase("app_test");
console.error(
  `[with-postgres] PostgreSQL ${server.version} on 127.0.0.1:${server.port} in ${server.dir} ` +
    `(${Math.round(performance.now() - started)} ms)`,
);

let finishing = false;
async function finish(code: number): Promise<void> {
  if (finishing) return;
  finishing = true;
  await server.stop();
  console.error(`[with-postgres] PostgreSQL stopped and ${server.dir} removed`);
  process.exit(code);
}

if (stopRequested) await finish(128 + constants.signals[stopRequested]);

const binDir = path.resolve(import.meta.dirname, "..", "node_modules", ".bin");
const child = spawn(command, args, {
  stdio: "inherit",
  env: {
    ...process.env,
    TEST_DATABASE_URL: databaseUrl,
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ""}`,
  },
});

// Ctrl-C reaches the whole process group, so the command gets it too; a SIGTERM sent to
// this process alone is passed on. Either way we wait for the command before cleaning up.
process.off("SIGINT", earlySignal);
process.off("SIGTERM", earlySignal);
process.on("SIGINT", () => {
  stopRequested = "SIGINT";
  child.kill("SIGINT");
});
process.on("SIGTERM", () => {
  stopRequested = "SIGTERM";
  child.kill("SIGTERM");
});

child.on("error", (error) => {
  console.error(`[with-postgres] could not run ${command}: ${error.message}`);
  void finish(127);
});
child.on("exit", (code, signal) => {
  const exitCode = code ?? 128 + (signal ? constants.signals[signal] : 1);
  void finish(stopRequested && exitCode === 0 ? 128 + constants.signals[stopRequested] : exitCode);
});
