// A throwaway PostgreSQL server for tests and benchmarks: a new cluster in a temporary
// folder, on a free port of 127.0.0.1, with its unix socket in that folder. It is removed
// when stopped, and also when the process exits without stopping it.
import { execFile, execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";

const run = promisify(execFile);

export interface ThrowawayPostgres {
  /** The folder holding the cluster, its log and its socket. */
  dir: string;
  port: number;
  /** The server's major version, e.g. "15". */
  version: string;
  /** A connection URL for a database of this server ("postgres" by default). */
  url(database?: string): string;
  /** Creates a new empty database and returns its URL. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server but keeps its data, as if the database host went down. */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port. */
  resume(): Promise<void>;
  /** Stops the server and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /**
   * Durability costs time and the data is thrown away anyway; benchmarks of a real
   * deployment may keep it on.
   */
  durable?: boolean;
}

/**
 * Creates a database on the server `serverUrl` points at (as a user allowed to) and returns
 * the URL of the new database.
 */
export async function createDatabaseAt(serverUrl: string, name: string): Promise<string> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** The newest PostgreSQL installed under /usr/lib/postgresql/<major>/bin. */
export function findPostgresBin(): { bin: string; version: string } {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(path.join(root, v, "bin", "pg_ctl")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const version = versions[0];
  if (!version) {
    throw new Error(
      "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/pg_ctl). Install it with: apt-get install -y postgresql",
    );
  }
  return { bin: path.join(root, version, "bin"), version };
}

/** A port that was free a moment ago on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const isRoot = process.getuid?.() === 0;

// initdb refuses to run as root: as root, every server command runs as user postgres.
function asServerUser(command: string, args: string[]): [string, string[]] {
  return isRoot ? ["runuser", ["-u", "postgres", "--", command, ...args]] : [command, args];
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((l) => l.startsWith("postgres:"));
  const [, , uid, gid] = line?.split(":") ?? [];
  if (uid === undefined || gid === undefined) throw new Error("There is no user postgres to run PostgreSQL as.");
  return { uid: Number(uid), gid: Number(gid) };
}

async function runAsServerUser(command: string, args: string[]): Promise<void> {
  const [cmd, argv] = asServerUser(command, args);
  await run(cmd, argv, { timeout: 120_000 });
}

function logTail(dir: string): string {
  try {
    return readFileSync(path.join(dir, "log"), "utf8").split("\n").slice(-15).join("\n");
  } catch {
    return "(no server log)";
  }
}

/** Starts a new PostgreSQL cluster; about 2–3 seconds. */
export async function startPostgres(options: StartOptions = {}): Promise<ThrowawayPostgres> {
  const { bin, version } = findPostgresBin();
  const dir = mkdtempSync(path.join(os.tmpdir(), "sonla-pg-"));
  const data = path.join(dir, "data");
  if (isRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }

  let running = false;
  let removed = false;

  const stopSync = () => {
    if (removed) return;
    removed = true;
    if (running) {
      try {
        const [cmd, argv] = asServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
        execFileSync(cmd, argv, { stdio: "ignore", timeout: 30_000 });
      } catch {
        // already gone
      }
      running = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Whatever happens to the caller, no server or folder is left behind.
  process.once("exit", stopSync);

  const settings = [
    "-c listen_addresses=127.0.0.1",
    `-k ${dir}`,
    ...(options.durable ? [] : ["-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"]),
  ];

  let port = 0;
  const startServer = async () => {
    // A free port can be taken between the check and the start: try a few.
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        await runAsServerUser(path.join(bin, "pg_ctl"), [
          "-D",
          data,
          "-l",
          path.join(dir, "log"),
          "-w",
          "-t",
          "60",
          "-o",
          `-p ${port} ${settings.join(" ")}`,
          "start",
        ]);
        running = true;
        return;
      } catch (error) {
        if (attempt >= 3) {
          throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${logTail(dir)}`);
        }
      }
    }
  };

  const restartOnSamePort = async () => {
    await runAsServerUser(path.join(bin, "pg_ctl"), [
      "-D",
      data,
      "-l",
      path.join(dir, "log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} ${settings.join(" ")}`,
      "start",
    ]);
    running = true;
  };

  try {
    await runAsServerUser(path.join(bin, "initdb"), [
      "-D",
      data,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      // A UTF-8 locale, as production needs: with "C", lower() leaves Vietnamese capitals alone.
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
    await startServer();
  } catch (error) {
    stopSync();
    process.removeListener("exit", stopSync);
    throw error;
  }

  const url = (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`;

  let counter = 0;
  return {
    dir,
    port,
    version,
    url,
    async createDatabase(name) {
      return createDatabaseAt(url(), name ?? `app_${process.pid}_${++counter}_${Date.now().toString(36)}`);
    },
    async pause() {
      await runAsServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]);
      running = false;
    },
    async resume() {
      await restartOnSamePort();
    },
    async stop() {
      if (removed) return;
      if (running) {
        await runAsServerUser(path.join(bin, "pg_ctl"), ["-D", data, "-m", "fast", "-w", "stop"]).catch(
          () => undefined,
        );
        running = false;
      }
      stopSync();
      process.removeListener("exit", stopSync);
    },
  };
}
