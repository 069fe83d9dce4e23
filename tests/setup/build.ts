// Vitest globalSetup: builds the app once per test run, so the tests that start the real
// server (tests/integration/server-*.test.ts) run the code as it is now.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

export const root = path.resolve(import.meta.dirname, "..", "..");
const versionFile = path.join(root, "build", "version.txt");
const lockDir = path.join(root, "tests", ".tmp", "build.lock");

declare module "vitest" {
  export interface ProvidedContext {
    serverBuilt: boolean;
  }
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    const time = entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}

/** True when build/ is missing or older than a file of app/, db/ or public/ (outside build). */
export function buildIsStale(): boolean {
  if (!existsSync(versionFile) || !existsSync(path.join(root, "build", "index.js"))) return true;
  const built = statSync(versionFile).mtimeMs;
  return ["app", "db"].some((dir) => newestSource(path.join(root, dir)) > built);
}

export function buildApp(): void {
  execFileSync(path.join(root, "node_modules", ".bin", "remix"), ["build"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, NODE_ENV: "production" },
    timeout: 180_000,
  });
}

/**
 * Builds unless a fresh build exists; several test workers may ask at once, so one builds
 * while the others wait for its lock.
 */
export async function ensureBuild(): Promise<void> {
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // A lock left by a killed run is older than any real build.
      if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > 180_000)
        rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`Waited too long for ${lockDir}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (buildIsStale()) buildApp();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

export default function setup(project: TestProject) {
  buildApp();
  project.provide("serverBuilt", true);
}
