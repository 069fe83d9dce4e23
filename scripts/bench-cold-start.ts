// npm run bench:cold-start [-- --runs 3]
// Cold start of the production server: from spawning `node server.js` to the first 200
// from /healthz, on PGlite (a new empty folder, then reopening it) and on a throwaway
// PostgreSQL server (a new empty database, then the same one again). A new database
// includes applying the migrations and loading the demo data.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { freePort, startPostgres } from "./postgres";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" } } });
const runs = Math.max(1, Number(values.runs) || 3);

if (!existsSync(path.join(root, "build", "index.js"))) {
  console.error("build/index.js is missing: run `npm run build` first.");
  process.exit(1);
}

const APP_VARIABLES = [
  "DATABASE_URL",
  "PGLITE_DATA_DIR",
  "PORT",
  "HOST",
  "LOG_LEVEL",
  "SEED_DEMO_DATA",
  "TEST_DATABASE_URL",
];

/** Milliseconds from spawn to the first 200 from /healthz; the server is stopped after. */
async function coldStart(database: Record<string, string>): Promise<number> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of APP_VARIABLES) delete env[key];
  Object.assign(env, { NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "warn", ...database });

  const started = performance.now();
  const child = spawn(process.execPath, ["server.js"], { cwd: root, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let exited = false;
  const closed = new Promise<void>((resolve) =>
    child.on("close", () => {
      exited = true;
      resolve();
    }),
  );

  for (;;) {
    if (exited) throw new Error(`The server exited during start-up:\n${stderr}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (performance.now() - started > 180_000) {
      child.kill("SIGKILL");
      throw new Error(`No 200 from /healthz after 180 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  const elapsed = performance.now() - started;
  child.kill("SIGTERM");
  await closed;
  return elapsed;
}

const results: Array<{ label: string; times: number[] }> = [];
function record(label: string, time: number) {
  let row = results.find((r) => r.label === label);
  if (!row) results.push((row = { label, times: [] }));
  row.times.push(time);
  console.error(`  ${label}: ${(time / 1000).toFixed(2)} s`);
}

const tmp = mkdtempSync(path.join(os.tmpdir(), "sonla-bench-"));
const postgres = await startPostgres({ durable: true });
try {
  for (let run = 1; run <= runs; run++) {
    console.error(`Run ${run} of ${runs}`);
    const dataDir = path.join(tmp, `pglite-${run}`);
    record("PGlite, new empty data folder", await coldStart({ PGLITE_DATA_DIR: dataDir }));
    record("PGlite, existing data folder", await coldStart({ PGLITE_DATA_DIR: dataDir }));
    const databaseUrl = await postgres.createDatabase(`bench_${run}`);
    record(`PostgreSQL ${postgres.version}, new empty database`, await coldStart({ DATABASE_URL: databaseUrl }));
    record(`PostgreSQL ${postgres.version}, existing database`, await coldStart({ DATABASE_URL: databaseUrl }));
  }
} finally {
  await postgres.stop();
  rmSync(tmp, { recursive: true, force: true });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const header = ["Cold start (spawn → first 200 from /healthz)", "median", "min", "max"];
const rows = results.map((r) => [
  r.label,
  seconds(median(r.times)),
  seconds(Math.min(...r.times)),
  seconds(Math.max(...r.times)),
]);
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  `| ${cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join(" | ")} |`;
console.log(
  `\nNode ${process.version}, ${os.cpus().length} CPU(s), ${runs} run(s) each; a new database includes migrations and demo data.\n`,
);
console.log(line(header));
console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`);
for (const row of rows) console.log(line(row));
