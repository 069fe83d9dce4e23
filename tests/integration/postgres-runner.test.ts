// scripts/with-postgres.ts (npm run test:postgres): a throwaway PostgreSQL server for one
// command, gone afterwards whatever the command did.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../setup/build";
import { cleanEnv, waitFor } from "../setup/server";

const tsx = path.join(root, "node_modules", ".bin", "tsx");

function runner(command: string[]) {
  const child = spawn(tsx, ["scripts/with-postgres.ts", ...command], {
    cwd: root,
    env: cleanEnv(),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  return {
    child,
    exited,
    stdout: () => stdout,
    stderr: () => stderr,
    /** The folder and port the runner announced. */
    server: () => {
      const match = stderr.match(/on 127\.0\.0\.1:(\d+) in (\S+)/);
      return match ? { port: Number(match[1]), dir: match[2]! } : undefined;
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// The command the runner runs: it queries the database it was given.
const QUERY = `
const pg = require("pg");
const client = new pg.Client(process.env.TEST_DATABASE_URL);
client.connect()
  .then(() => client.query("SELECT current_database() AS db, current_setting('server_version_num')::int AS version"))
  .then(({ rows }) => { console.log(JSON.stringify(rows[0])); return client.end(); })
  .then(() => process.exit(Number(process.argv[1])));`;

describe("npm run test:postgres", () => {
  it("gives the command a real PostgreSQL database, exits with its code and removes the server", async () => {
    const run = runner(["node", "-e", QUERY, "3"]);
    const code = await run.exited;
    expect(code, run.stderr()).toBe(3);
    const answer = JSON.parse(run.stdout().trim()) as { db: string; version: number };
    expect(answer.db).toBe("app_test");
    expect(answer.version).toBeGreaterThanOrEqual(150000);

    const server = run.server();
    expect(server).toBeDefined();
    expect(existsSync(server!.dir)).toBe(false);
    expect(await accepts(server!.port)).toBe(false);
  }, 120_000);

  it("cleans up on Ctrl-C too, after the command has stopped", async () => {
    const run = runner([
      "node",
      "-e",
      "process.on('SIGINT', () => { console.log('command stopped'); process.exit(0); }); console.log('ready'); setInterval(() => {}, 1000);",
    ]);
    await waitFor(() => run.stdout().includes("ready"), { what: "the command to start", timeoutMs: 60_000 });
    const server = run.server()!;
    expect(await accepts(server.port)).toBe(true);

    run.child.kill("SIGINT");
    const code = await run.exited;
    expect(run.stdout()).toContain("command stopped");
    expect(code).toBe(130);
    expect(existsSync(server.dir)).toBe(false);
    expect(await accepts(server.port)).toBe(false);
  }, 120_000);
});
