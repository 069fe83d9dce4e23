// Starts the built production server (`node server.js`) as a child process, the way
// `npm start` does, on a free port and its own database.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, inject } from "vitest";
import { envSchema } from "~/utils/env.server";
import { createDatabaseAt, freePort } from "../../scripts/postgres";
import { ensureBuild, root } from "./build";
import { cookieFrom } from "./requests";

export { freePort };

/** The build: made by the globalSetup (tests/setup/build.ts), or here when it is not registered. */
export async function serverBuild(): Promise<void> {
  if (!inject("serverBuilt")) await ensureBuild();
}

/**
 * The environment of a child process with none of the app's settings from this test
 * process (tests/setup/env.ts sets several): each test says what its server gets.
 */
export function cleanEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [...Object.keys(envSchema.shape), "TEST_DATABASE_URL"]) delete env[key];
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

const tempDirs: string[] = [];

export function tempDir(prefix = "sonla-test-"): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

function removeTempDirs() {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}
// Registered in every test file that imports this module (the servers are stopped by then).
afterAll(removeTempDirs);
process.once("exit", removeTempDirs);

/**
 * A new, empty database for one server: a new database on the PostgreSQL server of
 * `npm run test:postgres`, otherwise a new PGlite data folder.
 */
export async function freshDatabaseEnv(): Promise<Record<string, string>> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { PGLITE_DATA_DIR: path.join(tempDir("sonla-pglite-"), "data") };
  const name = `server_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  return { DATABASE_URL: await createDatabaseAt(serverUrl, name) };
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  url: string;
  /** Everything written so far to stdout and stderr. */
  stdout(): string;
  stderr(): string;
  /** Parsed JSON lines of stdout and stderr. */
  logLines(): Array<Record<string, unknown>>;
  exited: Promise<Exit>;
  /** SIGTERM, then SIGKILL if it lingers. */
  stop(): Promise<Exit>;
}

const children = new Set<ChildProcess>();
function killChildren() {
  for (const child of children) child.kill("SIGKILL");
}
// A server a failed test left running is killed at the end of its file.
afterAll(killChildren);
process.once("exit", killChildren);

/** Spawns `node server.js` without waiting for it to be ready. */
export function spawnServer(env: NodeJS.ProcessEnv, port: number): ServerProcess {
  const child = spawn(process.execPath, ["server.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  // "close" comes after "exit" once the pipes have delivered everything written.
  const exited = new Promise<Exit>((resolve) => {
    child.on("close", (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    stdout: () => out,
    stderr: () => err,
    logLines: () =>
      `${out}\n${err}`
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const exit = await exited;
      clearTimeout(timer);
      return exit;
    },
  };
}

/** Polls until `check` is true; fails with `describe()` after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  {
    timeoutMs = 60_000,
    intervalMs = 100,
    what = "condition",
  }: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Status of GET /healthz, or 0 when nothing answers. */
export async function healthStatus(url: string): Promise<number> {
  try {
    const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return 0;
  }
}

/**
 * Starts the built server with a fresh database (unless `env` names one) and waits for
 * /healthz to answer 200. On a busy machine a new PGlite folder takes several seconds.
 */
export async function startServer(env: Record<string, string | undefined> = {}, { timeoutMs = 120_000 } = {}) {
  await serverBuild();
  const port = await freePort();
  const database = "DATABASE_URL" in env || "PGLITE_DATA_DIR" in env ? {} : await freshDatabaseEnv();
  const server = spawnServer(
    cleanEnv({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), LOG_LEVEL: "info", ...database, ...env }),
    port,
  );
  let exitedEarly = false;
  void server.exited.then(() => (exitedEarly = true));
  try {
    await waitFor(async () => exitedEarly || (await healthStatus(server.url)) === 200, {
      timeoutMs,
      what: "the server's /healthz",
    });
  } catch (error) {
    await server.stop();
    throw new Error(`${(error as Error).message}\n${server.stdout()}\n${server.stderr()}`);
  }
  if (exitedEarly) throw new Error(`The server exited during start-up:\n${server.stdout()}\n${server.stderr()}`);
  return server;
}

/** Signs in to a running server as a browser without JavaScript does; the Cookie header, or "" if refused. */
export async function signInOverHttp(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/sign-in`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: url },
    body: new URLSearchParams({ email, password }),
    redirect: "manual",
  });
  return cookieFrom(response) ?? "";
}

/**
 * Requests a browser without JavaScript makes to a running server: GET and form POST (with the
 * Origin the server's origin check wants), never following redirects. `url` is read on each
 * call, so the server may start in a beforeAll after this is made.
 */
export function formClient(url: () => string) {
  const get = (path: string, cookie: string) =>
    fetch(`${url()}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const post = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${url()}${path}`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: url(), "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form),
      redirect: "manual",
    });
  /** A page that must answer 200 with one h1 and each of `text`; its HTML. */
  async function page(path: string, cookie: string, text: readonly string[]) {
    const response = await get(path, cookie);
    expect(response.status, path).toBe(200);
    const html = await response.text();
    expect(html.match(/<h1[\s>]/g), path).toHaveLength(1);
    for (const t of text) expect(html, path).toContain(t);
    return html;
  }
  return { get, post, page };
}
