// Test data for bookings: resources with unique codes (the demo spaces may not exist) and
// dates the centre is open on, in its own zone.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import type { Audience, ResourceKind } from "#db/schema";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";

export const ZONE = "Asia/Ho_Chi_Minh";

async function testFloor(centreId: number) {
  const code = "TEST";
  const existing = await db()
    .selectFrom("floor")
    .select("id")
    .where("centre_id", "=", centreId)
    .where("code", "=", code)
    .executeTakeFirst();
  if (existing) return existing.id;
  const row = await db()
    .insertInto("floor")
    .values({ centre_id: centreId, code, name_vi: "Tầng thử", name_en: "Test floor" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createResource(
  kind: ResourceKind = "hot_desk",
  overrides: {
    capacity?: number;
    audience?: Audience;
    price_hour_vnd?: number | null;
    price_half_day_vnd?: number | null;
    price_day_vnd?: number | null;
  } = {},
) {
  const centre = await requireCurrentCentre();
  const floorId = await testFloor(centre.id);
  const desk = kind === "hot_desk" || kind === "fixed_desk";
  const code = `T-${randomUUID().slice(0, 8)}`;
  return db()
    .insertInto("resource")
    .values({
      centre_id: centre.id,
      floor_id: floorId,
      code,
      kind,
      name_vi: `Chỗ thử ${code}`,
      name_en: `Test space ${code}`,
      capacity: overrides.capacity ?? (desk ? 1 : 8),
      audience: overrides.audience ?? "members",
      price_hour_vnd: "price_hour_vnd" in overrides ? overrides.price_hour_vnd! : desk ? null : 100_000,
      price_half_day_vnd: "price_half_day_vnd" in overrides ? overrides.price_half_day_vnd! : desk ? 0 : null,
      price_day_vnd: "price_day_vnd" in overrides ? overrides.price_day_vnd! : desk ? 0 : null,
      plan_x: 10,
      plan_y: 10,
      plan_width: 20,
      plan_height: 20,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function centreClosed(day: DateTime): Promise<boolean> {
  const centre = await requireCurrentCentre();
  const row = await db()
    .selectFrom("closure")
    .select("id")
    .where("centre_id", "=", centre.id)
    .where("resource_id", "is", null)
    .where("starts_at", "<", day.plus({ days: 1 }).toJSDate())
    .where("ends_at", ">", day.toJSDate())
    .executeTakeFirst();
  return Boolean(row);
}

/** The first Monday at least `minDays` ahead whose Monday–Saturday are not closed. */
export async function openWeek(minDays = 2): Promise<DateTime> {
  let day = DateTime.now().setZone(ZONE).startOf("day").plus({ days: minDays });
  while (day.weekday !== 1) day = day.plus({ days: 1 });
  for (let week = 0; week < 4; week++, day = day.plus({ weeks: 1 })) {
    let free = true;
    for (let d = 0; d < 6 && free; d++) free = !(await centreClosed(day.plus({ days: d })));
    if (free) return day;
  }
  throw new Error("No open week within a month");
}

export const iso = (day: DateTime) => day.toISODate()!;

export async function countBookings(resourceId: string, statuses?: string[]) {
  let query = db()
    .selectFrom("booking")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("resource_id", "=", resourceId);
  if (statuses) query = query.where("status", "in", statuses as never);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function createIncubatingTeam(userId: string) {
  const centre = await requireCurrentCentre();
  const team = await db()
    .insertInto("team")
    .values({
      centre_id: centre.id,
      name: `Nhóm thử ${randomUUID().slice(0, 8)}`,
      status: "incubating",
      incubation_starts_on: "2026-01-01",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db().insertInto("team_member").values({ team_id: team.id, user_id: userId }).execute();
  return team.id;
}

/** Runs `use` with the centre's weekly free desk-days set as given, and puts them back after. */
export async function withFreeDeskDays<T>(limits: { person: number; team: number }, use: () => Promise<T>): Promise<T> {
  const centre = await requireCurrentCentre();
  const policy = await db()
    .selectFrom("booking_policy")
    .select(["free_desk_days_per_person_week", "free_desk_days_per_team_week"])
    .where("centre_id", "=", centre.id)
    .executeTakeFirstOrThrow();
  const set = (person: number, team: number) =>
    db()
      .updateTable("booking_policy")
      .set({ free_desk_days_per_person_week: person, free_desk_days_per_team_week: team })
      .where("centre_id", "=", centre.id)
      .execute();
  await set(limits.person, limits.team);
  try {
    return await use();
  } finally {
    await set(policy.free_desk_days_per_person_week, policy.free_desk_days_per_team_week);
  }
}
