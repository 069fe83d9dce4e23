// The demo centre's spaces, as seeded by npm run db:seed (and by every test database).
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { DEMO_HOLIDAYS, DEMO_RESOURCES, holidayPeriod, seedDemoSpaces } from "#db/seed/spaces.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";

useTestDatabase();

async function demoResources() {
  const centre = await requireCurrentCentre();
  return db()
    .selectFrom("resource")
    .innerJoin("floor", "floor.id", "resource.floor_id")
    .select([
      "resource.code",
      "resource.kind",
      "resource.capacity",
      "resource.audience",
      "resource.price_hour_vnd",
      "resource.price_half_day_vnd",
      "resource.price_day_vnd",
      "resource.plan_x",
      "resource.plan_y",
      "resource.plan_width",
      "resource.plan_height",
      "floor.code as floor_code",
      "floor.plan_width as floor_width",
      "floor.plan_height as floor_height",
    ])
    .where("resource.centre_id", "=", centre.id)
    .where("resource.code", "in", [
      ...Array.from({ length: 24 }, (_, i) => `D-${String(i + 1).padStart(2, "0")}`),
      ...Array.from({ length: 6 }, (_, i) => `F-${String(i + 1).padStart(2, "0")}`),
      "PB-01",
      "P-201",
      "P-202",
      "P-203",
      "H-201",
    ])
    .execute();
}

describe("the demo Sơn La centre", () => {
  it("has about 30 desks, 3 rooms of different sizes, a hall for 60 and a phone booth on two floors", async () => {
    const resources = await demoResources();
    const desks = resources.filter((r) => r.kind === "hot_desk" || r.kind === "fixed_desk");
    expect(desks).toHaveLength(30);
    expect(desks.every((d) => d.floor_code === "T1")).toBe(true);
    const hotDesk = desks.find((d) => d.code === "D-01");
    expect(hotDesk).toMatchObject({ price_half_day_vnd: 50_000, price_day_vnd: 80_000 });

    const rooms = resources.filter((r) => r.kind === "meeting_room");
    expect(rooms.map((r) => r.capacity).sort((a, b) => a - b)).toEqual([4, 8, 14]);
    expect(rooms.map((r) => r.price_hour_vnd).sort((a, b) => a! - b!)).toEqual([0, 100_000, 200_000]);

    const hall = resources.find((r) => r.kind === "event_hall");
    expect(hall).toMatchObject({ capacity: 60, audience: "staff", floor_code: "T2" });
    expect(hall!.price_half_day_vnd).toBeGreaterThan(0);
    expect(hall!.price_day_vnd).toBeGreaterThan(hall!.price_half_day_vnd!);

    expect(resources.filter((r) => r.kind === "phone_booth")).toHaveLength(1);
    expect(new Set(resources.map((r) => r.floor_code))).toEqual(new Set(["T1", "T2"]));
  });

  it("draws a floor plan where every rectangle fits its floor and none overlap", async () => {
    const resources = await demoResources();
    for (const r of resources) {
      expect(r.plan_x).toBeGreaterThanOrEqual(0);
      expect(r.plan_y).toBeGreaterThanOrEqual(0);
      expect(r.plan_x + r.plan_width).toBeLessThanOrEqual(r.floor_width);
      expect(r.plan_y + r.plan_height).toBeLessThanOrEqual(r.floor_height);
    }
    for (const a of resources) {
      for (const b of resources) {
        if (a === b || a.floor_code !== b.floor_code) continue;
        const overlap =
          a.plan_x < b.plan_x + b.plan_width &&
          b.plan_x < a.plan_x + a.plan_width &&
          a.plan_y < b.plan_y + b.plan_height &&
          b.plan_y < a.plan_y + a.plan_height;
        expect(overlap, `${a.code} overlaps ${b.code}`).toBe(false);
      }
    }
  });

  it("gives the demo team two fixed desks for its incubation, and a booking policy", async () => {
    const centre = await requireCurrentCentre();
    const assigned = await db()
      .selectFrom("fixed_desk_assignment")
      .innerJoin("team", "team.id", "fixed_desk_assignment.team_id")
      .innerJoin("resource", "resource.id", "fixed_desk_assignment.resource_id")
      .select(["resource.code", "fixed_desk_assignment.starts_on", "fixed_desk_assignment.ends_on"])
      .where("team.name", "=", "Mận Hậu Mộc Châu Xanh")
      .orderBy("resource.code")
      .execute();
    expect(assigned).toEqual([
      { code: "F-01", starts_on: "2026-03-01", ends_on: "2027-02-28" },
      { code: "F-02", starts_on: "2026-03-01", ends_on: "2027-02-28" },
    ]);
    const policy = await db()
      .selectFrom("booking_policy")
      .selectAll()
      .where("centre_id", "=", centre.id)
      .executeTakeFirst();
    // The defaults, unless a test of another file changed them (test:postgres shares one database).
    expect(policy).toMatchObject({ centre_id: centre.id });
  });

  it("closes the whole centre for Tết 2026, from 00:00 local on 14/02 to 00:00 local on 23/02", async () => {
    const centre = await requireCurrentCentre();
    const at = async (iso: string) =>
      db()
        .selectFrom("closure")
        .select(["kind", "reason_vi", "reason_en"])
        .where("centre_id", "=", centre.id)
        .where("resource_id", "is", null)
        .where("starts_at", "<=", new Date(iso))
        .where("ends_at", ">", new Date(iso))
        .execute();
    expect(await at("2026-02-17T12:00:00+07:00")).toEqual([
      expect.objectContaining({ kind: "holiday", reason_vi: expect.stringContaining("Tết Nguyên đán") }),
    ]);
    expect(await at("2026-02-14T00:00:00+07:00")).toHaveLength(1);
    expect(await at("2026-02-13T23:59:00+07:00")).toHaveLength(0);
    expect(await at("2026-02-23T00:00:00+07:00")).toHaveLength(0);
    // Tết 2027 is marked provisional; Hùng Kings' day 2026 includes the compensatory Monday.
    expect((await at("2027-02-06T09:00:00+07:00"))[0]!.reason_en).toContain("(provisional)");
    expect(await at("2026-04-27T09:00:00+07:00")).toHaveLength(1);
    expect(await at("2027-05-03T09:00:00+07:00")).toHaveLength(1);
  });

  it("computes a holiday's local midnights the same with the server's TZ set to UTC or America/New_York", () => {
    const saved = process.env.TZ;
    try {
      for (const zone of ["UTC", "America/New_York"]) {
        process.env.TZ = zone;
        const { startsAt, endsAt } = holidayPeriod({ from: "2026-02-14", to: "2026-02-22" });
        expect(startsAt.toISOString()).toBe("2026-02-13T17:00:00.000Z");
        expect(endsAt.toISOString()).toBe("2026-02-22T17:00:00.000Z");
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it("seeding the spaces again changes nothing", async () => {
    const centre = await requireCurrentCentre();
    // Only the seed's own rows: under test:postgres other files add theirs to the same database.
    const codes = DEMO_RESOURCES.map((r) => r.code);
    const count = async () =>
      (
        await sql<{ n: string }>`SELECT
          (SELECT count(*) FROM floor WHERE centre_id = ${centre.id} AND code IN ('T1', 'T2')) || '/' ||
          (SELECT count(*) FROM resource WHERE centre_id = ${centre.id} AND code = ANY(${codes})) || '/' ||
          (SELECT count(*) FROM closure WHERE centre_id = ${centre.id} AND kind = 'holiday' AND resource_id IS NULL) || '/' ||
          (SELECT count(*) FROM fixed_desk_assignment a JOIN resource r ON r.id = a.resource_id
             WHERE r.centre_id = ${centre.id} AND r.code IN ('F-01', 'F-02')) || '/' ||
          (SELECT count(*) FROM booking_policy WHERE centre_id = ${centre.id}) AS n`.execute(db())
      ).rows[0]!.n;
    const before = await count();
    expect(before).toBe(`2/${DEMO_RESOURCES.length}/${DEMO_HOLIDAYS.length}/2/1`);
    await seedDemoSpaces(db(), centre.id);
    expect(await count()).toBe(before);
  });
});
