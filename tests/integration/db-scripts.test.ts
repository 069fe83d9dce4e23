// The database scripts run as an operator runs them (npm run db:migrate, db:seed,
// centre:create), each against a new database of its own.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import { connectDatabase } from "#db/connect.server";
import type { Database } from "#db/schema";
import { verifyPassword } from "~/features/auth/password.server";
import { root } from "../setup/build";
import { cleanEnv, freshDatabaseEnv, startServer } from "../setup/server";

const run = promisify(execFile);
const tsx = path.join(root, "node_modules", ".bin", "tsx");

async function script(name: string, args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(tsx, [`scripts/${name}.ts`, ...args], {
      cwd: root,
      env: cleanEnv({ LOG_LEVEL: "warn", ...env }),
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout: string; stderr: string };
    return { code: failure.code ?? -1, stdout: failure.stdout, stderr: failure.stderr };
  }
}

async function withDatabase<T>(env: Record<string, string>, use: (db: Kysely<Database>) => Promise<T>): Promise<T> {
  const handle = await connectDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
  try {
    return await use(handle.db);
  } finally {
    await handle.close();
  }
}

/** Rows of every table of the app, by table. */
async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await sql<{ tablename: string }>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`.execute(db);
  const counts: Record<string, number> = {};
  for (const { tablename } of tables.rows) {
    const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(tablename)}`.execute(db);
    counts[tablename] = result.rows[0]!.n;
  }
  return counts;
}

describe("npm run db:migrate", () => {
  it("applies the migrations, rolls the latest back with --down and applies it again", async () => {
    const env = await freshDatabaseEnv();
    const first = await script("migrate", [], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/Applied: \d{8}T\d{4}_foundation/);

    const again = await script("migrate", [], env);
    expect(again.stdout).toContain("Already up to date.");

    const applied = await withDatabase(env, async (db) =>
      (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
        (r) => r.name,
      ),
    );
    const latest = applied.at(-1)!;
    const down = await script("migrate", ["--down"], env);
    expect(down.code, down.stderr).toBe(0);
    expect(down.stdout).toContain(`Rolled back: ${latest}`);
    const afterDown = await withDatabase(env, async (db) =>
      (await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db)).rows.map(
        (r) => r.name,
      ),
    );
    expect(afterDown).toEqual(applied.slice(0, -1));

    const up = await script("migrate", [], env);
    expect(up.stdout).toContain(`Applied: ${latest}`);
  }, 240_000);
});

describe("npm run db:seed", () => {
  it("loads the demo centre and its people, and a second run changes nothing", async () => {
    const env = await freshDatabaseEnv();
    const first = await script("seed", [], env);
    expect(first.code, first.stderr).toBe(0);
    const afterFirst = await withDatabase(env, rowCounts);
    expect(afterFirst).toMatchObject({ centre: 1, opening_hours: 6, app_user: 5, team: 1, team_member: 2 });

    const second = await script("seed", [], env);
    expect(second.code, second.stderr).toBe(0);
    expect(await withDatabase(env, rowCounts)).toEqual(afterFirst);
  }, 240_000);
});

describe("npm run centre:create", () => {
  const args = (slug: string, email: string) => [
    "--slug",
    slug,
    "--name-vi",
    "Trung tâm Đổi mới sáng tạo tỉnh Điện Biên",
    "--name-en",
    "Điện Biên Innovation Centre",
    "--address-vi",
    "Số 1 đường Võ Nguyên Giáp, phường Mường Thanh, tỉnh Điện Biên",
    "--address-en",
    "1 Võ Nguyên Giáp Street, Mường Thanh Ward, Điện Biên Province",
    "--admin-email",
    email,
    "--admin-name",
    "Lò Văn Bình",
  ];

  it("sets up another province's centre, without demo data, with an admin who can sign in", async () => {
    const env = await freshDatabaseEnv();
    const created = await script("create-centre", args("dien-bien", "Quantri@DienBien.example"), env);
    expect(created.code, created.stderr).toBe(0);
    const password = created.stdout.match(/One-time password: (\S+)/)?.[1];
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(created.stdout).toContain("CENTRE_SLUG=dien-bien");

    await withDatabase(env, async (db) => {
      const centres = await db.selectFrom("centre").select(["id", "slug", "name_en", "time_zone"]).execute();
      expect(centres).toEqual([
        expect.objectContaining({
          slug: "dien-bien",
          name_en: "Điện Biên Innovation Centre",
          time_zone: "Asia/Ho_Chi_Minh",
        }),
      ]);
      const hours = await db
        .selectFrom("opening_hours")
        .select(["weekday", "opens_at", "closes_at"])
        .orderBy("weekday")
        .execute();
      expect(hours.map((h) => h.weekday)).toEqual([1, 2, 3, 4, 5]);
      expect(String(hours[0]!.opens_at)).toMatch(/^07:30/);
      const users = await db.selectFrom("app_user").select(["email", "role", "password_hash"]).execute();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ email: "quantri@dienbien.example", role: "admin" });
      // Only the hash is stored, and the printed password matches it.
      expect(users[0]!.password_hash).not.toContain(password!);
      expect(await verifyPassword(password!, users[0]!.password_hash)).toBe(true);
    });

    // The app started for this centre shows it, and loads no demo data beside it.
    const server = await startServer({ ...env, CENTRE_SLUG: "dien-bien" });
    try {
      const home = await (await fetch(`${server.url}/`)).text();
      expect(home).toContain("Trung tâm Đổi mới sáng tạo tỉnh Điện Biên");
      expect(home).not.toContain("Sơn La");
    } finally {
      await server.stop();
    }
    expect(await withDatabase(env, async (db) => (await rowCounts(db)).app_user)).toBe(1);

    const twice = await script("create-centre", args("dien-bien", "other@dienbien.example"), env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('A centre with the slug "dien-bien" already exists');
  }, 240_000);

  it("refuses bad arguments, naming each, before touching the database", async () => {
    const result = await script("create-centre", ["--slug", "Điện Biên", "--admin-email", "not-an-email"], {
      PGLITE_DATA_DIR: "/nonexistent/never-created",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--slug: lowercase letters, digits and dashes only");
    expect(result.stderr).toContain("--admin-email: must be an email address");
    expect(result.stderr).toContain("--name-vi: is required");
    expect(result.stdout).not.toContain("Database:");
  });
});
