// A bad configuration stops `node server.js` before it opens anything, naming the variable.
import { beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, freePort, serverBuild, spawnServer, tempDir } from "../setup/server";

beforeAll(async () => {
  await serverBuild();
}, 240_000);

async function startWith(env: Record<string, string>) {
  const port = await freePort();
  const server = spawnServer(
    cleanEnv({ NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port), PGLITE_DATA_DIR: tempDir(), ...env }),
    port,
  );
  const exit = await server.exited;
  // What it wrote to stderr: the message of each JSON line.
  const stderr = server
    .stderr()
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => String((JSON.parse(line) as { msg: unknown }).msg))
    .join("\n");
  return { exit, stderr, stdout: server.stdout() };
}

describe("start-up with a bad configuration", () => {
  it.each([
    ["PORT", { PORT: "abc" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://x" }],
    ["MAX_BODY_BYTES", { MAX_BODY_BYTES: "10" }],
    ["SEED_DEMO_DATA", { SEED_DEMO_DATA: "sometimes" }],
  ])("stops with a message naming %s and a non-zero exit", async (variable, env) => {
    const { exit, stderr, stdout } = await startWith(env);
    expect(exit.code).toBe(1);
    expect(stderr).toContain("Start-up stopped: Invalid configuration");
    expect(stderr).toContain(`${variable}:`);
    // It stopped before listening or opening a database.
    expect(stdout).not.toContain('"listening"');
  });

  it("names every bad variable at once", async () => {
    const { exit, stderr } = await startWith({ PORT: "70000", LOG_LEVEL: "loud", APP_URL: "not a url" });
    expect(exit.code).toBe(1);
    for (const variable of ["PORT", "LOG_LEVEL", "APP_URL"]) expect(stderr).toContain(`${variable}:`);
  });

  it("stops with a clear message when the port is taken", async () => {
    const net = await import("node:net");
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as import("node:net").AddressInfo;
    try {
      const { exit, stderr } = await startWith({ PORT: String(port) });
      expect(exit.code).toBe(1);
      expect(stderr).toContain(`cannot listen on 127.0.0.1:${port}`);
    } finally {
      blocker.close();
    }
  }, 120_000);
});
