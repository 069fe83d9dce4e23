import { sql, type Kysely } from "kysely";
import type { Database, Role } from "../schema";
import { hashPassword } from "~/features/auth/password.server";
import { seedDemoEvents } from "./events.server";
import { seedDemoJudging } from "./judging.server";
import { seedDemoMentors } from "./mentors.server";
import { seedDemoPayments } from "./payments.server";
import { seedDemoProgrammes } from "./programmes.server";
import { seedDemoSessions } from "./sessions.server";
import { seedDemoSpaces } from "./spaces.server";
import { seedDemoTargets } from "./targets.server";
import { seedDemoTeamProfile } from "./team-profile.server";

/** The password of every demo account (README.md lists the accounts). */
export const DEMO_PASSWORD = "SonLa@2026";

export const DEMO_CENTRE_SLUG = "son-la";

export const DEMO_USERS: ReadonlyArray<{ email: string; name: string; role: Role; phone: string }> = [
  { email: "admin@demo.sonla.vn", name: "Lò Văn Quản", role: "admin", phone: "0212 3852 001" },
  { email: "canbo@demo.sonla.vn", name: "Cầm Thị Hoa", role: "staff", phone: "0212 3852 002" },
  { email: "covan@demo.sonla.vn", name: "Nguyễn Minh Đức", role: "mentor", phone: "0912 345 678" },
  { email: "sanglap@demo.sonla.vn", name: "Quàng Thị Mai", role: "founder", phone: "0987 654 321" },
  { email: "sanglap2@demo.sonla.vn", name: "Lường Văn Tuấn", role: "founder", phone: "0977 111 222" },
];

export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom("centre")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n === 0;
}

/**
 * Demo data for the Sơn La Innovation Centre. Every insert skips rows that already
 * exist, so running it twice changes nothing. Later features add their own sections.
 */
export async function seedDemoData(db: Kysely<Database>): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("centre")
      .values({
        slug: DEMO_CENTRE_SLUG,
        name_vi: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La",
        name_en: "Sơn La Innovation Centre",
        short_name_vi: "TT ĐMST Sơn La",
        short_name_en: "Sơn La Innovation Centre",
        legal_name: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La - Sở Khoa học và Công nghệ tỉnh Sơn La",
        // Not confirmed from sources available to us: staff set the real tax code (see decision 005).
        tax_code: null,
        address_vi: "Đường Tô Hiệu, phường Tô Hiệu, tỉnh Sơn La",
        address_en: "Tô Hiệu Street, Tô Hiệu Ward, Sơn La Province, Vietnam",
        phone: "0212 3852 000",
        email: "dmst@sonla.gov.vn",
        website: "https://sokhcn.sonla.gov.vn",
        time_zone: "Asia/Ho_Chi_Minh",
      })
      .onConflict((oc) => oc.column("slug").doNothing())
      .execute();
    const centre = await trx
      .selectFrom("centre")
      .select("id")
      .where("slug", "=", DEMO_CENTRE_SLUG)
      .executeTakeFirstOrThrow();

    // Office hours of the province's public bodies: Monday–Friday 07:30–17:00, Saturday mornings.
    const hours = [1, 2, 3, 4, 5].map((weekday) => ({
      centre_id: centre.id,
      weekday,
      opens_at: "07:30",
      closes_at: "17:00",
    }));
    hours.push({ centre_id: centre.id, weekday: 6, opens_at: "08:00", closes_at: "12:00" });
    await trx
      .insertInto("opening_hours")
      .values(hours)
      .onConflict((oc) => oc.columns(["centre_id", "weekday"]).doNothing())
      .execute();

    await trx
      .insertInto("app_user")
      .values(
        DEMO_USERS.map((u) => ({
          centre_id: centre.id,
          email: u.email,
          name: u.name,
          role: u.role,
          phone: u.phone,
          password_hash: passwordHash,
          locale: "vi" as const,
        })),
      )
      .onConflict((oc) => oc.column("email").doNothing())
      .execute();

    await trx
      .insertInto("team")
      .values({
        centre_id: centre.id,
        name: "Mận Hậu Mộc Châu Xanh",
        status: "incubating",
        incubation_starts_on: "2026-03-01",
        incubation_ends_on: "2027-02-28",
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
    const team = await trx
      .selectFrom("team")
      .select("id")
      .where("centre_id", "=", centre.id)
      .where(sql`lower(name)`, "=", "mận hậu mộc châu xanh")
      .executeTakeFirstOrThrow();
    const founders = await trx
      .selectFrom("app_user")
      .select("id")
      .where("email", "in", ["sanglap@demo.sonla.vn", "sanglap2@demo.sonla.vn"])
      .execute();
    await trx
      .insertInto("team_member")
      .values(founders.map((f) => ({ team_id: team.id, user_id: f.id })))
      .onConflict((oc) => oc.columns(["team_id", "user_id"]).doNothing())
      .execute();

    await seedDemoSpaces(trx, centre.id);
    await seedDemoProgrammes(trx, centre.id, team.id);
    await seedDemoJudging(trx, centre.id);
    await seedDemoTeamProfile(trx, centre.id, team.id);
    await seedDemoMentors(trx, centre.id);
    // After the mentors seed: the sessions belong to its demo assignment.
    await seedDemoSessions(trx, centre.id);
    await seedDemoPayments(trx, centre.id);
    // After spaces and programmes: the upcoming training books the hall, the rounds name the competition.
    await seedDemoEvents(trx, centre.id);
    await seedDemoTargets(trx, centre.id);
  });
}
