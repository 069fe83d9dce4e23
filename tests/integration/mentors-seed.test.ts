// The demo mentor of the seed: a profile with expertise, office hours on Tuesday and Thursday
// mornings and afternoons, and an active assignment to the demo team; a re-run changes nothing.
import { describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { isWithinOfficeHours } from "~/features/mentors/rules";
import { db } from "~/utils/database.server";
import { seedDemoMentors } from "../../db/seed/mentors.server";
import { useTestDatabase } from "../setup/database";

useTestDatabase();

async function demoMentorRows() {
  const mentor = await db()
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "covan@demo.sonla.vn")
    .executeTakeFirstOrThrow();
  const [profile, tags, hours, assignments, allTags] = await Promise.all([
    db().selectFrom("mentor_profile").selectAll().where("user_id", "=", mentor.id).executeTakeFirst(),
    db()
      .selectFrom("mentor_expertise")
      .innerJoin("expertise_tag", "expertise_tag.id", "mentor_expertise.tag_id")
      .select("expertise_tag.name_vi")
      .where("mentor_expertise.user_id", "=", mentor.id)
      .orderBy("expertise_tag.sort_order")
      .execute(),
    db()
      .selectFrom("office_hours")
      .selectAll()
      .where("mentor_id", "=", mentor.id)
      .orderBy("weekday")
      .orderBy("starts_at")
      .execute(),
    db()
      .selectFrom("mentor_assignment")
      .innerJoin("team", "team.id", "mentor_assignment.team_id")
      .select(["mentor_assignment.id", "mentor_assignment.status", "team.name"])
      .where("mentor_assignment.mentor_id", "=", mentor.id)
      .execute(),
    db().selectFrom("expertise_tag").select("name_vi").execute(),
  ]);
  return { mentor, profile, tags, hours, assignments, allTags };
}

describe("the demo mentor", () => {
  it("has a profile, expertise, Tuesday and Thursday office hours and an active assignment, idempotently", async () => {
    const first = await demoMentorRows();
    expect(first.profile).toMatchObject({ organisation: "Trường Đại học Tây Bắc", meeting_mode: "both" });
    expect(first.tags.map((t) => t.name_vi)).toEqual([
      "Nông nghiệp công nghệ cao",
      "Chế biến thực phẩm",
      "Tài chính & gọi vốn",
    ]);
    expect(first.hours.map((h) => `${h.weekday} ${h.starts_at.slice(0, 5)}-${h.ends_at.slice(0, 5)}`)).toEqual([
      "2 08:00-11:00",
      "2 14:00-17:00",
      "4 08:00-11:00",
      "4 14:00-17:00",
    ]);
    expect(first.assignments).toEqual([expect.objectContaining({ status: "active", name: "Mận Hậu Mộc Châu Xanh" })]);
    expect(first.allTags.map((t) => t.name_vi)).toEqual(
      expect.arrayContaining(["Du lịch cộng đồng", "Marketing số", "Pháp lý doanh nghiệp"]),
    );
    // Tuesday 1 December 2026, 09:00–10:00 in Sơn La: inside; Wednesday: outside.
    const zone = "Asia/Ho_Chi_Minh";
    const tuesday = { start: new Date("2026-12-01T02:00:00Z"), end: new Date("2026-12-01T03:00:00Z") };
    const wednesday = { start: new Date("2026-12-02T02:00:00Z"), end: new Date("2026-12-02T03:00:00Z") };
    expect(isWithinOfficeHours(first.hours, [], tuesday, zone)).toBe(true);
    expect(isWithinOfficeHours(first.hours, [], wednesday, zone)).toBe(false);

    const centre = await requireCurrentCentre();
    await db()
      .transaction()
      .execute((trx) => seedDemoMentors(trx, centre.id));
    const again = await demoMentorRows();
    expect(again).toEqual(first);
  });
});
