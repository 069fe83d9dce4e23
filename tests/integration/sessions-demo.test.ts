// The demo sessions: one done with notes, one confirmed next week in a meeting room with its
// booking, one proposed; written once, whatever the number of seed runs.
import { describe, expect, it } from "vitest";
import { seedDemoSessions } from "#db/seed/sessions.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";

useTestDatabase();

async function demoAssignment(centreId: number) {
  const mentor = await db()
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "covan@demo.sonla.vn")
    .executeTakeFirstOrThrow();
  const team = await db()
    .selectFrom("team")
    .select("id")
    .where("name", "=", "Mận Hậu Mộc Châu Xanh")
    .executeTakeFirstOrThrow();
  const existing = await db()
    .selectFrom("mentor_assignment")
    .select("id")
    .where("mentor_id", "=", mentor.id)
    .where("team_id", "=", team.id)
    .where("status", "=", "active")
    .executeTakeFirst();
  if (existing) return existing.id;
  // Until the mentors seed makes it, the test makes the demo assignment itself.
  const row = await db()
    .insertInto("mentor_assignment")
    .values({
      centre_id: centreId,
      mentor_id: mentor.id,
      team_id: team.id,
      starts_on: "2026-01-01",
      ends_on: "2027-12-31",
      planned_hours: 12,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("demo sessions", () => {
  it("are one done with notes, one confirmed next week in P-201 with its booking, one proposed; once", async () => {
    const centre = await requireCurrentCentre();
    const assignmentId = await demoAssignment(centre.id);
    await seedDemoSessions(db(), centre.id);
    await seedDemoSessions(db(), centre.id);
    const sessions = await db()
      .selectFrom("mentoring_session as s")
      .leftJoin("booking as b", "b.id", "s.booking_id")
      .leftJoin("resource as r", "r.id", "s.resource_id")
      .select([
        "s.status",
        "s.notes",
        "s.starts_at",
        "r.code",
        "b.status as booking_status",
        "b.starts_at as booking_starts_at",
      ])
      .where("s.assignment_id", "=", assignmentId)
      .orderBy("s.starts_at")
      .execute();
    expect(sessions.map((s) => s.status)).toEqual(["done", "confirmed", "proposed"]);
    const [done, confirmed] = sessions as [(typeof sessions)[0], (typeof sessions)[0]];
    expect(done.notes).not.toBe("");
    expect(done.starts_at.getTime()).toBeLessThan(Date.now());
    expect(confirmed.starts_at.getTime()).toBeGreaterThan(Date.now());
    expect(confirmed).toMatchObject({ code: "P-201", booking_status: "confirmed" });
    expect(confirmed.booking_starts_at!.toISOString()).toBe(confirmed.starts_at.toISOString());
  });
});
