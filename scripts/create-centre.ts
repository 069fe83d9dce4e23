// Sets up another province's centre without the demo data:
//   npm run centre:create -- --slug dien-bien \
//     --name-vi "Trung tâm Đổi mới sáng tạo tỉnh Điện Biên" --name-en "Điện Biên Innovation Centre" \
//     --address-vi "…" --address-en "…" --admin-email admin@example.vn --admin-name "Nguyễn Văn A"
// It migrates the database, creates the centre with office opening hours (Monday–Friday
// 07:30–17:00) and its first admin, and prints that admin's one-time password.
import { randomInt } from "node:crypto";
import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import { z } from "zod";
import { migrateToLatest } from "#db/migrate.server";
import { hashPassword } from "~/features/auth/password.server";
import { openDatabase, runScript } from "./database";

const USAGE = `Usage: npm run centre:create -- --slug SLUG --name-vi NAME --name-en NAME
    --address-vi ADDRESS --address-en ADDRESS --admin-email EMAIL --admin-name NAME
  optional: --short-name-vi --short-name-en --legal-name --tax-code --phone --email
    --website --time-zone (default Asia/Ho_Chi_Minh)`;

const required = { error: "is required" };
const text = z.string(required).trim().min(1, "must not be empty");
const optionalText = z.string().trim().min(1).optional();

const inputSchema = z.object({
  slug: z.string(required).regex(/^[a-z0-9-]+$/, "lowercase letters, digits and dashes only (it becomes CENTRE_SLUG)"),
  "name-vi": text,
  "name-en": text,
  "address-vi": text,
  "address-en": text,
  "admin-email": z.string(required).trim().toLowerCase().pipe(z.email("must be an email address")),
  "admin-name": text,
  "short-name-vi": optionalText,
  "short-name-en": optionalText,
  "legal-name": optionalText,
  "tax-code": optionalText,
  phone: optionalText,
  email: z.string().trim().toLowerCase().pipe(z.email("must be an email address")).optional(),
  website: z.url().optional(),
  "time-zone": z
    .string()
    .refine((zone) => DateTime.local().setZone(zone).isValid, "must be an IANA time zone such as Asia/Ho_Chi_Minh")
    .default("Asia/Ho_Chi_Minh"),
});

// Office hours of the provinces' public bodies; staff adjust them later.
const DEFAULT_HOURS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens_at: "07:30", closes_at: "17:00" }));

// No look-alike characters (0/O, 1/l/I), so the password can be read out or copied by hand.
const PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

function oneTimePassword(length = 16): string {
  return Array.from({ length }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]).join("");
}

function readInput() {
  const names = Object.keys(inputSchema.shape);
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: process.argv.slice(2),
      options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
      strict: true,
    }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
  const result = inputSchema.safeParse(values);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  --${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid arguments:\n${lines.join("\n")}\n${USAGE}`);
  }
  return result.data;
}

runScript(async () => {
  const input = readInput();
  const { handle } = await openDatabase();
  try {
    await migrateToLatest(handle.db as Kysely<unknown>);
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);

    await handle.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom("centre").select("id").where("slug", "=", input.slug).executeTakeFirst();
      if (taken) throw new Error(`A centre with the slug "${input.slug}" already exists; nothing was changed.`);
      const account = await trx
        .selectFrom("app_user")
        .select("id")
        .where("email", "=", input["admin-email"])
        .executeTakeFirst();
      if (account) throw new Error(`An account for ${input["admin-email"]} already exists; nothing was changed.`);

      const centre = await trx
        .insertInto("centre")
        .values({
          slug: input.slug,
          name_vi: input["name-vi"],
          name_en: input["name-en"],
          short_name_vi: input["short-name-vi"] ?? input["name-vi"],
          short_name_en: input["short-name-en"] ?? input["name-en"],
          legal_name: input["legal-name"] ?? input["name-vi"],
          tax_code: input["tax-code"] ?? null,
          address_vi: input["address-vi"],
          address_en: input["address-en"],
          phone: input.phone ?? null,
          email: input.email ?? null,
          website: input.website ?? null,
          time_zone: input["time-zone"],
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("opening_hours")
        .values(DEFAULT_HOURS.map((hours) => ({ centre_id: centre.id, ...hours })))
        .execute();
      await trx
        .insertInto("app_user")
        .values({
          centre_id: centre.id,
          email: input["admin-email"],
          name: input["admin-name"],
          role: "admin",
          password_hash: passwordHash,
          locale: "vi",
        })
        .execute();
    });

    console.log(`Created the centre "${input["name-vi"]}" (${input.slug}), open Monday–Friday 07:30–17:00.`);
    console.log(`Its first admin: ${input["admin-email"]}`);
    console.log(`One-time password: ${password}`);
    console.log("It is shown only this once: sign in and change it on the account page.");
    console.log(`Run the app for this centre with CENTRE_SLUG=${input.slug} SEED_DEMO_DATA=never.`);
  } finally {
    await handle.close();
  }
});
