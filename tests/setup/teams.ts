// Teams for the team-profile tests: a team with founders who are its members, written
// straight into the test database. Names are unique: test files share one database.
import { randomUUID } from "node:crypto";
import type { TeamStatus } from "#db/schema";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";
import { createUser } from "./factories";

export async function createTeamWithFounder(
  overrides: { status?: TeamStatus; startsOn?: string; endsOn?: string | null; name?: string } = {},
) {
  const centre = await requireCurrentCentre();
  const founder = await createUser("founder", { name: `Nhà sáng lập ${randomUUID().slice(0, 6)}` });
  const team = await db()
    .insertInto("team")
    .values({
      centre_id: centre.id,
      name: overrides.name ?? `Nhóm hồ sơ ${randomUUID().slice(0, 8)}`,
      status: overrides.status ?? "incubating",
      incubation_starts_on: overrides.startsOn ?? "2026-01-01",
      incubation_ends_on: overrides.endsOn ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db().insertInto("team_member").values({ team_id: team.id, user_id: founder.user.id }).execute();
  return { team, founder };
}

export async function teamRow(teamId: string) {
  return db().selectFrom("team").selectAll().where("id", "=", teamId).executeTakeFirstOrThrow();
}

/** A valid profile form; override any field. */
export function profileForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "profile",
    description: "Chế biến chè Shan tuyết cổ thụ Tà Xùa.",
    sectorId: "",
    place: "Bắc Yên",
    stage: "prototype",
    website: "https://chetaxua.example.vn",
    socialLinks: "https://facebook.com/chetaxua\nhttps://zalo.me/chetaxua",
    jobsCreated: "4",
    revenueBand: "100m_500m",
    ...overrides,
  };
}
