// Builds the app once and starts the production server (node server.js) on a free port with a
// fresh PGlite database in a temporary folder; the browser tests talk to it over HTTP. At the
// end the server gets SIGTERM, as it would in production, and the folder is removed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { languageCoverageProblems, readAuditLog } from "./audit-log";

const root = path.resolve(import.meta.dirname, "..", "..");

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    auditLogFile: string;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function build() {
  if (process.env.E2E_SKIP_BUILD === "1" && existsSync(path.join(root, "build", "index.js"))) {
    console.log("[e2e] E2E_SKIP_BUILD=1: using the existing build");
    return;
  }
  const started = performance.now();
  // Vitest sets NODE_ENV=test, which would make Remix build React's development runtime.
  const result = spawnSync("npx", ["remix", "build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    encoding: "utf8",
    timeout: 300_000,
  });
  if (result.status !== 0) {
    throw new Error(`[e2e] npx remix build failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
  console.log(`[e2e] built the app in ${Math.round((performance.now() - started) / 1000)} s`);
}

async function waitForHealthy(url: string, server: ChildProcess, output: () => string, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = "no answer yet";
  while (Date.now() < deadline) {
    if (server.exitCode !== null || server.signalCode !== null) {
      throw new Error(
        `[e2e] the server stopped during start-up (exit ${server.exitCode ?? server.signalCode}):\n${output()}`,
      );
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`[e2e] /healthz did not answer 200 within ${timeoutMs / 1000} s (${lastProblem}):\n${output()}`);
}

async function stop(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 30_000);
  await exited;
  clearTimeout(timer);
}

export default async function setup(project: TestProject) {
  const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    throw new Error(`[e2e] no Chromium at ${chromium}: install Debian's with \`apt-get install -y chromium\``);
  }
  build();

  const tmp = mkdtempSync(path.join(os.tmpdir(), "sonla-e2e-"));
  const auditLogFile = path.join(tmp, "accessibility-audits.jsonl");
  writeFileSync(auditLogFile, "");
  const port = await freePort();
  const baseURL = `http://localhost:${port}`;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    PGLITE_DATA_DIR: path.join(tmp, "pglite"),
    COOKIE_SECURE: "false",
    LOG_LEVEL: "warn",
    APP_URL: baseURL,
    SEED_DEMO_DATA: "auto",
    // The tests stand in for the proxy in front of the app: each visitor gets its own address
    // (X-Forwarded-For), as real visitors have, so sign-in throttling counts each on its own.
    TRUST_PROXY: "1",
  };
  // The browser tests always run on their own embedded database, whatever the shell has set.
  delete env.DATABASE_URL;
  delete env.SMTP_URL;
  delete env.CENTRE_SLUG;

  let output = "";
  const server = spawn(process.execPath, ["server.js"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  server.stdout?.on("data", keep);
  server.stderr?.on("data", (chunk: Buffer) => {
    keep(chunk);
    process.stderr.write(`[e2e server] ${chunk.toString()}`);
  });

  const started = performance.now();
  try {
    await waitForHealthy(baseURL, server, () => output);
  } catch (error) {
    await stop(server);
    rmSync(tmp, { recursive: true, force: true });
    throw error;
  }
  console.log(`[e2e] server ready at ${baseURL} in ${Math.round(performance.now() - started)} ms`);

  project.provide("baseURL", baseURL);
  project.provide("auditLogFile", auditLogFile);

  return async () => {
    await stop(server);
    const audits = readAuditLog(auditLogFile);
    rmSync(tmp, { recursive: true, force: true });
    if (server.exitCode !== 0) {
      console.error(
        `[e2e] the server did not exit cleanly on SIGTERM (exit ${server.exitCode ?? server.signalCode}):\n${output}`,
      );
    }

    // Every page a test visited must have passed the accessibility audit in both languages.
    // This holds only for a full run; a run of one file or one test name says so and skips it.
    const allFiles = readdirSync(import.meta.dirname).filter((name) => name.endsWith(".test.ts"));
    const filesAudited = new Set(audits.map((audit) => audit.file));
    const fullRun = !project.vitest.config.testNamePattern && allFiles.every((name) => filesAudited.has(name));
    const problems = languageCoverageProblems(audits);
    const pages = [...new Set(audits.map((audit) => audit.page))].sort();
    console.log(`[e2e] accessibility audits: ${audits.length} on ${pages.length} pages: ${pages.join(", ")}`);
    if (problems.length === 0) return;
    const message = `[e2e] pages audited in one language only:\n  ${problems.join("\n  ")}`;
    if (fullRun) {
      // Vitest only logs an error thrown here; the exit code is how the run fails.
      console.error(message);
      process.exitCode = 1;
      return;
    }
    console.warn(`${message}\n(not a full run, so this is not a failure)`);
  };
}
