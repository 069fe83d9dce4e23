import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appUrl, cookieSecure, envSchema, parseEnv } from "~/utils/env.server";

function errorOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to refuse the configuration");
}

describe("configuration from the environment", () => {
  it("runs with nothing set: port 3000, PGlite in ./data, demo data on an empty database", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      PORT: 3000,
      HOST: "0.0.0.0",
      PGLITE_DATA_DIR: "./data/pglite",
      CENTRE_SLUG: "son-la",
      SEED_DEMO_DATA: "auto",
      MAX_BODY_BYTES: 1_048_576,
      TRUST_PROXY: "false",
    });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("reads numbers and switches from their text", () => {
    const env = parseEnv({
      PORT: "8080",
      DATABASE_URL: "postgresql://app:secret@db.internal:5432/sonla",
      DATABASE_POOL_SIZE: "25",
      COOKIE_SECURE: "no",
      TRUST_PROXY: "2",
    });
    expect(env.PORT).toBe(8080);
    expect(env.DATABASE_POOL_SIZE).toBe(25);
    expect(env.COOKIE_SECURE).toBe(false);
    expect(env.TRUST_PROXY).toBe("2");
  });

  it("treats empty values as unset, as a copied .env.example leaves them", () => {
    expect(parseEnv({ DATABASE_URL: "", APP_URL: "", PORT: "" })).toMatchObject({ PORT: 3000 });
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "0"],
    ["PORT", "65536"],
    ["DATABASE_URL", "mysql://x"],
    ["APP_URL", "dmst.sonla.gov.vn"],
    ["CENTRE_SLUG", "Sơn La"],
    ["SMTP_URL", "http://mail"],
    ["COOKIE_SECURE", "maybe"],
    ["TRUST_PROXY", "yes please"],
    ["MAX_BODY_BYTES", "100"],
    ["LOG_LEVEL", "loud"],
    ["SEED_DEMO_DATA", "sometimes"],
  ])("refuses %s=%s with a message naming it", (variable, value) => {
    const message = errorOf({ [variable]: value });
    expect(message).toContain("Invalid configuration");
    expect(message).toMatch(new RegExp(`^  ${variable}: .+`, "m"));
  });

  it("names every bad variable, one per line", () => {
    const message = errorOf({ PORT: "x", DATABASE_URL: "mysql://x" });
    expect(message.split("\n").filter((line) => /^ {2}[A-Z_]+: /.test(line))).toHaveLength(2);
  });

  it("derives the public address and cookie security", () => {
    expect(appUrl(parseEnv({ PORT: "4000" }))).toBe("http://localhost:4000");
    expect(appUrl(parseEnv({ APP_URL: "https://dmst.sonla.gov.vn/" }))).toBe("https://dmst.sonla.gov.vn");
    expect(cookieSecure(parseEnv({ NODE_ENV: "production" }))).toBe(true);
    expect(cookieSecure(parseEnv({ NODE_ENV: "production", COOKIE_SECURE: "false" }))).toBe(false);
    expect(cookieSecure(parseEnv({ NODE_ENV: "development" }))).toBe(false);
  });

  it(".env.example documents every variable, each with a comment", () => {
    const example = readFileSync(path.resolve(import.meta.dirname, "../../.env.example"), "utf8");
    const lines = example.split("\n");
    const documented = lines.filter((line) => /^[A-Z_]+=/.test(line)).map((line) => line.split("=")[0]);
    expect([...documented].sort()).toEqual(Object.keys(envSchema.shape).sort());
    // Each variable follows a comment (directly or after a sibling variable of the group).
    for (const name of documented) {
      const at = lines.findIndex((line) => line.startsWith(`${name}=`));
      const before = lines.slice(0, at).reverse();
      const firstOther = before.find((line) => !/^[A-Z_]+=/.test(line));
      expect(firstOther, name).toMatch(/^# /);
    }
    // Every example value is itself valid.
    const values = Object.fromEntries(
      lines.filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.split("=")[0], l.slice(l.indexOf("=") + 1)]),
    );
    expect(() => parseEnv(values)).not.toThrow();
  });
});
