import { sql, type Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Amenity, Audience, ClosureKind, Database, ResourceKind } from "../schema";

// The demo centre's spaces: a ground floor of desks and a phone booth, a first floor of
// meeting rooms and the training hall, and Vietnam's public holidays for 2025–2027.
// Every insert skips rows that already exist, so seeding twice changes nothing.

const ZONE = "Asia/Ho_Chi_Minh";

/** The team whose incubation gets two fixed desks in the demo. */
export const DEMO_FIXED_DESK_TEAM = "Mận Hậu Mộc Châu Xanh";

interface SeedResource {
  floor: "T1" | "T2";
  code: string;
  kind: ResourceKind;
  name_vi: string;
  name_en: string;
  capacity: number;
  amenities: Amenity[];
  audience: Audience;
  price_hour_vnd: number | null;
  price_half_day_vnd: number | null;
  price_day_vnd: number | null;
  plan_x: number;
  plan_y: number;
  plan_width: number;
  plan_height: number;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** 24 hot desks in four rows of six, then 6 fixed desks in a row by the windows. */
function groundFloorDesks(): SeedResource[] {
  const desks: SeedResource[] = [];
  for (let i = 0; i < 24; i++) {
    const row = Math.floor(i / 6);
    const col = i % 6;
    desks.push({
      floor: "T1",
      code: `D-${pad(i + 1)}`,
      kind: "hot_desk",
      name_vi: `Bàn linh hoạt ${pad(i + 1)}`,
      name_en: `Hot desk ${pad(i + 1)}`,
      capacity: 1,
      amenities: ["power", "air_conditioning"],
      audience: "members",
      price_hour_vnd: null,
      price_half_day_vnd: 50_000,
      price_day_vnd: 80_000,
      // Pairs of columns face each other, with a walkway every two columns.
      plan_x: 60 + col * 90 + Math.floor(col / 2) * 40,
      plan_y: 60 + row * 110,
      plan_width: 80,
      plan_height: 60,
    });
  }
  for (let i = 0; i < 6; i++) {
    desks.push({
      floor: "T1",
      code: `F-${pad(i + 1)}`,
      kind: "fixed_desk",
      name_vi: `Bàn cố định ${pad(i + 1)}`,
      name_en: `Fixed desk ${pad(i + 1)}`,
      capacity: 1,
      amenities: ["power", "locker", "air_conditioning"],
      audience: "incubated_teams",
      price_hour_vnd: null,
      price_half_day_vnd: null,
      price_day_vnd: 80_000,
      plan_x: 60 + i * 110,
      plan_y: 500,
      plan_width: 100,
      plan_height: 60,
    });
  }
  return desks;
}

export const DEMO_RESOURCES: readonly SeedResource[] = [
  ...groundFloorDesks(),
  {
    floor: "T1",
    code: "PB-01",
    kind: "phone_booth",
    name_vi: "Buồng gọi điện",
    name_en: "Phone booth",
    capacity: 1,
    amenities: ["power", "air_conditioning"],
    audience: "members",
    price_hour_vnd: 0,
    price_half_day_vnd: null,
    price_day_vnd: null,
    plan_x: 860,
    plan_y: 60,
    plan_width: 100,
    plan_height: 100,
  },
  {
    floor: "T2",
    code: "P-201",
    kind: "meeting_room",
    name_vi: "Phòng họp Tà Xùa",
    name_en: "Tà Xùa meeting room",
    capacity: 4,
    amenities: ["screen", "whiteboard", "air_conditioning", "power"],
    audience: "members",
    price_hour_vnd: 0,
    price_half_day_vnd: null,
    price_day_vnd: null,
    plan_x: 40,
    plan_y: 40,
    plan_width: 200,
    plan_height: 160,
  },
  {
    floor: "T2",
    code: "P-202",
    kind: "meeting_room",
    name_vi: "Phòng họp Mộc Châu",
    name_en: "Mộc Châu meeting room",
    capacity: 8,
    amenities: ["screen", "whiteboard", "video_kit", "air_conditioning", "power"],
    audience: "members",
    price_hour_vnd: 100_000,
    price_half_day_vnd: null,
    price_day_vnd: null,
    plan_x: 260,
    plan_y: 40,
    plan_width: 260,
    plan_height: 160,
  },
  {
    floor: "T2",
    code: "P-203",
    kind: "meeting_room",
    name_vi: "Phòng họp Sông Đà",
    name_en: "Sông Đà meeting room",
    capacity: 14,
    amenities: ["screen", "whiteboard", "video_kit", "air_conditioning", "power", "sound_system"],
    audience: "everyone",
    price_hour_vnd: 200_000,
    price_half_day_vnd: null,
    price_day_vnd: null,
    plan_x: 540,
    plan_y: 40,
    plan_width: 420,
    plan_height: 160,
  },
  {
    floor: "T2",
    code: "H-201",
    kind: "event_hall",
    name_vi: "Hội trường đào tạo",
    name_en: "Training hall",
    capacity: 60,
    amenities: ["screen", "sound_system", "video_kit", "air_conditioning", "power", "whiteboard"],
    audience: "staff",
    price_hour_vnd: null,
    price_half_day_vnd: 1_500_000,
    price_day_vnd: 2_500_000,
    plan_x: 40,
    plan_y: 240,
    plan_width: 920,
    plan_height: 320,
  },
];

interface SeedHoliday {
  /** First and last local day, inclusive (yyyy-MM-dd). */
  from: string;
  to: string;
  reason_vi: string;
  reason_en: string;
}

// The holidays' names, each used in several years.
const NEW_YEAR = { reason_vi: "Tết Dương lịch", reason_en: "New Year's Day" };
const HUNG_KINGS = { reason_vi: "Giỗ Tổ Hùng Vương", reason_en: "Hùng Kings' Commemoration Day" };
const APRIL_30_MAY_1 = {
  reason_vi: "Ngày Giải phóng miền Nam và Quốc tế Lao động",
  reason_en: "Reunification Day and International Labour Day",
};
const NATIONAL_DAY = { reason_vi: "Quốc khánh", reason_en: "National Day" };

// Official public holidays (Labour Code 2019, art. 112) with the government's announced
// breaks and compensatory days. Tết 2027 was not announced when this was written.
export const DEMO_HOLIDAYS: readonly SeedHoliday[] = [
  { from: "2025-01-01", to: "2025-01-01", ...NEW_YEAR },
  { from: "2025-01-25", to: "2025-02-02", reason_vi: "Tết Nguyên đán Ất Tỵ", reason_en: "Lunar New Year (Tết)" },
  { from: "2025-04-07", to: "2025-04-07", ...HUNG_KINGS },
  { from: "2025-04-30", to: "2025-05-04", ...APRIL_30_MAY_1 },
  { from: "2025-09-01", to: "2025-09-02", ...NATIONAL_DAY },
  { from: "2026-01-01", to: "2026-01-01", ...NEW_YEAR },
  { from: "2026-02-14", to: "2026-02-22", reason_vi: "Tết Nguyên đán Bính Ngọ", reason_en: "Lunar New Year (Tết)" },
  {
    from: "2026-04-26",
    to: "2026-04-27",
    reason_vi: "Giỗ Tổ Hùng Vương (có ngày nghỉ bù)",
    reason_en: "Hùng Kings' Commemoration Day (with a compensatory day)",
  },
  { from: "2026-04-30", to: "2026-05-03", ...APRIL_30_MAY_1 },
  { from: "2026-09-01", to: "2026-09-02", ...NATIONAL_DAY },
  { from: "2027-01-01", to: "2027-01-01", ...NEW_YEAR },
  {
    from: "2027-02-04",
    to: "2027-02-10",
    reason_vi: "Tết Nguyên đán Đinh Mùi (dự kiến)",
    reason_en: "Lunar New Year (Tết) (provisional)",
  },
  { from: "2027-04-16", to: "2027-04-16", ...HUNG_KINGS },
  { from: "2027-04-30", to: "2027-05-01", ...APRIL_30_MAY_1 },
  {
    from: "2027-05-03",
    to: "2027-05-03",
    reason_vi: "Nghỉ bù ngày Quốc tế Lao động",
    reason_en: "Compensatory day for International Labour Day",
  },
  { from: "2027-09-02", to: "2027-09-03", ...NATIONAL_DAY },
];

/** From 00:00 local on the first day to 00:00 local after the last day. */
export function holidayPeriod(holiday: Pick<SeedHoliday, "from" | "to">): { startsAt: Date; endsAt: Date } {
  const startsAt = DateTime.fromISO(holiday.from, { zone: ZONE }).startOf("day");
  const endsAt = DateTime.fromISO(holiday.to, { zone: ZONE }).startOf("day").plus({ days: 1 });
  return { startsAt: startsAt.toJSDate(), endsAt: endsAt.toJSDate() };
}

export async function seedDemoSpaces(trx: Kysely<Database>, centreId: number): Promise<void> {
  await trx
    .insertInto("floor")
    .values([
      { centre_id: centreId, code: "T1", name_vi: "Tầng 1", name_en: "Ground floor", sort_order: 1 },
      { centre_id: centreId, code: "T2", name_vi: "Tầng 2", name_en: "First floor", sort_order: 2 },
    ])
    .onConflict((oc) => oc.columns(["centre_id", "code"]).doNothing())
    .execute();
  const floors = await trx.selectFrom("floor").select(["id", "code"]).where("centre_id", "=", centreId).execute();
  const floorId = (code: string) => {
    const floor = floors.find((f) => f.code === code);
    if (!floor) throw new Error(`demo floor ${code} is missing`);
    return floor.id;
  };

  await trx
    .insertInto("resource")
    .values(DEMO_RESOURCES.map(({ floor, ...r }) => ({ ...r, centre_id: centreId, floor_id: floorId(floor) })))
    .onConflict((oc) => oc.columns(["centre_id", "code"]).doNothing())
    .execute();

  await trx
    .insertInto("booking_policy")
    .values({ centre_id: centreId })
    .onConflict((oc) => oc.column("centre_id").doNothing())
    .execute();

  // Two fixed desks for the demo team's incubation; the exclusion constraint refuses a
  // second copy, and ON CONFLICT DO NOTHING (no target) skips it.
  const team = await trx
    .selectFrom("team")
    .select(["id", "incubation_starts_on", "incubation_ends_on"])
    .where("centre_id", "=", centreId)
    .where(sql`lower(name)`, "=", DEMO_FIXED_DESK_TEAM.toLowerCase())
    .executeTakeFirst();
  if (team) {
    const desks = await trx
      .selectFrom("resource")
      .select("id")
      .where("centre_id", "=", centreId)
      .where("code", "in", ["F-01", "F-02"])
      .execute();
    for (const desk of desks) {
      await trx
        .insertInto("fixed_desk_assignment")
        .values({
          resource_id: desk.id,
          team_id: team.id,
          starts_on: String(team.incubation_starts_on).slice(0, 10),
          ends_on: team.incubation_ends_on ? String(team.incubation_ends_on).slice(0, 10) : "2027-02-28",
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }

  // Closures have no natural key: insert a holiday only where the same one is not there yet.
  for (const holiday of DEMO_HOLIDAYS) {
    const { startsAt, endsAt } = holidayPeriod(holiday);
    const kind: ClosureKind = "holiday";
    await sql`
      INSERT INTO closure (centre_id, resource_id, kind, reason_vi, reason_en, starts_at, ends_at)
      SELECT ${centreId}, NULL, ${kind}, ${holiday.reason_vi}, ${holiday.reason_en}, ${startsAt}, ${endsAt}
      WHERE NOT EXISTS (
        SELECT 1 FROM closure
        WHERE centre_id = ${centreId} AND resource_id IS NULL AND kind = ${kind}
          AND starts_at = ${startsAt} AND ends_at = ${endsAt}
      )`.execute(trx);
  }
}
