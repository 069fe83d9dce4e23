// The mentor network: expertise tags, a mentor's own profile with office hours and days away,
// staff editing any profile, the network page with its filters, inviting and deactivating.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as acceptAction } from "~/routes/invitations.$token";
import { action as myProfileAction, loader as myProfileLoader } from "~/routes/mentors.me";
import { action as staffProfileAction, loader as staffProfileLoader } from "~/routes/staff.mentors.$mentorId";
import { action as networkAction, loader as networkLoader } from "~/routes/staff.mentors._index";
import { action as tagsAction, loader as tagsLoader } from "~/routes/staff.mentors.tags";
import { loader as assignmentsLoader } from "~/routes/staff.mentors.assignments";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createAssignment, createDoneSession, createExpertiseTag, createMentor } from "../setup/mentors";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

const unique = () => randomUUID().slice(0, 6);

type Errors = { errors?: Record<string, string> };

async function profileRows(userId: string) {
  const [profile, hours, away, tags] = await Promise.all([
    db().selectFrom("mentor_profile").selectAll().where("user_id", "=", userId).executeTakeFirst(),
    db().selectFrom("office_hours").selectAll().where("mentor_id", "=", userId).orderBy("id").execute(),
    db().selectFrom("mentor_away").selectAll().where("mentor_id", "=", userId).orderBy("id").execute(),
    db().selectFrom("mentor_expertise").selectAll().where("user_id", "=", userId).orderBy("tag_id").execute(),
  ]);
  return { profile, hours, away, tags };
}

describe("expertise tags", () => {
  it("lets staff add, rename and retire tags; refuses blanks and duplicates with 400 beside the field", async () => {
    const staff = await createUser("staff");
    const name = `Chăn nuôi bò sữa ${unique()}`;
    const added = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "add", nameVi: name, nameEn: `Dairy farming ${name.slice(-6)}` },
    });
    expect(statusOf(added)).toBe(200);
    const tag = await db()
      .selectFrom("expertise_tag")
      .selectAll()
      .where("name_vi", "=", name)
      .executeTakeFirstOrThrow();
    expect(tag.code).toMatch(/^chan-nuoi-bo-sua-/);
    expect(tag.is_active).toBe(true);

    const count = async () => (await db().selectFrom("expertise_tag").select("id").execute()).length;
    const before = await count();
    const blank = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "add", nameVi: " ", nameEn: "Something" },
    });
    expect(statusOf(blank)).toBe(400);
    expect(dataOf<Errors>(blank).errors).toEqual({ nameVi: "form.required" });
    // Same name, other letter case: a duplicate.
    const duplicate = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "add", nameVi: name.toUpperCase(), nameEn: `Other ${unique()}` },
    });
    expect(statusOf(duplicate)).toBe(400);
    expect(dataOf<Errors>(duplicate).errors).toEqual({ nameVi: "mentors.error.tagExists" });
    // The demo list is there: renaming to one of its names is refused too.
    const clash = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "rename", tagId: String(tag.id), nameVi: "Marketing số", nameEn: "Digital marketing 2" },
    });
    expect(statusOf(clash)).toBe(400);
    expect(await count()).toBe(before);

    const renamed = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "rename", tagId: String(tag.id), nameVi: `${name} (mới)`, nameEn: "Dairy" + unique() },
    });
    expect(statusOf(renamed)).toBe(200);
    const retired = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "deactivate", tagId: String(tag.id) },
    });
    expect(statusOf(retired)).toBe(200);
    const row = await db().selectFrom("expertise_tag").selectAll().where("id", "=", tag.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name_vi: `${name} (mới)`, is_active: false, code: tag.code });

    // A retired tag is not offered on a mentor's profile page.
    const mentor = await createMentor();
    const page = dataOf<{ tags: Array<{ id: number }> }>(
      await call(myProfileLoader, "/mentors/me", { cookie: mentor.cookie }),
    );
    expect(page.tags.map((t) => t.id)).not.toContain(tag.id);
    expect(page.tags.length).toBeGreaterThanOrEqual(6);

    const unknown = await call(tagsAction, "/staff/mentors/tags", {
      cookie: staff.cookie,
      form: { intent: "deactivate", tagId: "999999" },
    });
    expect(statusOf(unknown)).toBe(404);
  });

  it("is staff work: visitors go to sign in, founders and mentors get 403", async () => {
    const founder = await createUser("founder");
    const mentor = await createMentor();
    expect(statusOf(await call(tagsLoader, "/staff/mentors/tags"))).toBe(302);
    for (const cookie of [founder.cookie, mentor.cookie]) {
      expect(statusOf(await call(tagsLoader, "/staff/mentors/tags", { cookie }))).toBe(403);
      expect(
        statusOf(
          await call(tagsAction, "/staff/mentors/tags", { cookie, form: { intent: "add", nameVi: "X", nameEn: "X" } }),
        ),
      ).toBe(403);
      expect(statusOf(await call(networkLoader, "/staff/mentors", { cookie }))).toBe(403);
      expect(statusOf(await call(assignmentsLoader, "/staff/mentors/assignments", { cookie }))).toBe(403);
    }
  });
});

describe("a mentor's own profile", () => {
  it("saves details, expertise and languages; bad input is 400 beside the field and changes nothing", async () => {
    const mentor = await createMentor({ officeHours: [] });
    const tagA = await createExpertiseTag();
    const tagB = await createExpertiseTag();
    const saved = await call(myProfileAction, "/mentors/me", {
      cookie: mentor.cookie,
      form: {
        intent: "profile",
        organisation: "Sở Khoa học và Công nghệ Sơn La",
        title: "Chuyên viên",
        phone: "0912 000 111",
        meetingMode: "online",
        languages: ["vi", "th"],
        tagIds: [String(tagA.id), String(tagB.id)],
        bio: "Tư vấn chuyển đổi số cho hợp tác xã.",
      },
    });
    expect(statusOf(saved)).toBe(200);
    const rows = await profileRows(mentor.user.id);
    expect(rows.profile).toMatchObject({
      organisation: "Sở Khoa học và Công nghệ Sơn La",
      meeting_mode: "online",
      languages: ["vi", "th"],
    });
    expect(rows.tags.map((t) => t.tag_id).sort()).toEqual([tagA.id, tagB.id].sort());
    const user = await db()
      .selectFrom("app_user")
      .select("phone")
      .where("id", "=", mentor.user.id)
      .executeTakeFirstOrThrow();
    expect(user.phone).toBe("0912 000 111");

    const bad = [
      [{ meetingMode: "by-pigeon" }, { meetingMode: "mentors.error.invalidMeetingMode" }],
      [{ languages: [] as string[] }, { languages: "mentors.error.languageRequired" }],
      [{ languages: ["klingon"] }, { languages: "mentors.error.invalidLanguage" }],
      [{ phone: "gọi tôi" }, { phone: "mentors.error.invalidPhone" }],
      [{ tagIds: ["abc"] }, { tagIds: "mentors.error.invalidTag" }],
      [{ tagIds: ["999999"] }, { tagIds: "mentors.error.invalidTag" }],
    ] as const;
    for (const [change, errors] of bad) {
      const result = await call(myProfileAction, "/mentors/me", {
        cookie: mentor.cookie,
        form: {
          intent: "profile",
          organisation: "Đổi",
          meetingMode: "both",
          languages: ["vi"],
          ...(change as Record<string, string | string[]>),
        },
      });
      expect(statusOf(result), JSON.stringify(change)).toBe(400);
      expect(dataOf<Errors>(result).errors).toEqual(errors);
    }
    expect(await profileRows(mentor.user.id)).toEqual(rows);
  });

  it("keeps weekly office hours: several windows a day, overlapping ones refused, touching ones allowed", async () => {
    const mentor = await createMentor({ officeHours: [] });
    const add = (weekday: string, startsAt: string, endsAt: string) =>
      call(myProfileAction, "/mentors/me", {
        cookie: mentor.cookie,
        form: { intent: "hours-add", weekday, startsAt, endsAt },
      });
    expect(statusOf(await add("2", "08:00", "11:00"))).toBe(200);
    expect(statusOf(await add("2", "14:00", "17:00"))).toBe(200);
    expect(statusOf(await add("2", "11:00", "12:00"))).toBe(200);
    const before = await profileRows(mentor.user.id);
    expect(before.hours).toHaveLength(3);

    const overlap = await add("2", "10:30", "11:30");
    expect(statusOf(overlap)).toBe(400);
    expect(dataOf<Errors>(overlap).errors).toEqual({ startsAt: "mentors.error.hoursOverlap" });
    const reversed = await add("4", "11:00", "08:00");
    expect(dataOf<Errors>(reversed).errors).toEqual({ endsAt: "mentors.error.endBeforeStart" });
    expect(dataOf<Errors>(await add("8", "08:00", "09:00")).errors).toEqual({
      weekday: "mentors.error.invalidWeekday",
    });
    expect(dataOf<Errors>(await add("3", "8h", "09:00")).errors).toEqual({ startsAt: "mentors.error.invalidTime" });
    expect(dataOf<Errors>(await add("3", "25:00", "26:00")).errors).toMatchObject({
      startsAt: "mentors.error.invalidTime",
    });
    expect(await profileRows(mentor.user.id)).toEqual(before);

    // The page reads them back, Tuesday in order.
    const page = dataOf<{ mentor: { hours: Array<{ weekday: number; starts_at: string }> } }>(
      await call(myProfileLoader, "/mentors/me", { cookie: mentor.cookie }),
    );
    expect(page.mentor.hours.map((h) => h.starts_at.slice(0, 5))).toEqual(["08:00", "11:00", "14:00"]);

    // Removing a window: only one's own.
    const other = await createMentor();
    const othersWindow = (await profileRows(other.user.id)).hours[0]!;
    const foreign = await call(myProfileAction, "/mentors/me", {
      cookie: mentor.cookie,
      form: { intent: "hours-remove", rowId: String(othersWindow.id) },
    });
    expect(statusOf(foreign)).toBe(404);
    expect((await profileRows(other.user.id)).hours).toHaveLength(7);
    const removed = await call(myProfileAction, "/mentors/me", {
      cookie: mentor.cookie,
      form: { intent: "hours-remove", rowId: String(before.hours[2]!.id) },
    });
    expect(statusOf(removed)).toBe(200);
    expect((await profileRows(mentor.user.id)).hours).toHaveLength(2);
  });

  it("saves only one of two overlapping windows added at the same moment", async () => {
    const mentor = await createMentor({ officeHours: [] });
    const add = (startsAt: string, endsAt: string) =>
      call(myProfileAction, "/mentors/me", {
        cookie: mentor.cookie,
        form: { intent: "hours-add", weekday: "3", startsAt, endsAt },
      });
    const results = await Promise.all([add("08:00", "10:00"), add("09:00", "11:00")]);
    expect(results.map(statusOf).sort()).toEqual([200, 400]);
    expect((await profileRows(mentor.user.id)).hours).toHaveLength(1);
  });

  it("keeps days away typed as dd/MM/yyyy, refusing a bad or backwards period", async () => {
    const mentor = await createMentor();
    const add = (startsOn: string, endsOn: string, note = "") =>
      call(myProfileAction, "/mentors/me", {
        cookie: mentor.cookie,
        form: { intent: "away-add", startsOn, endsOn, note },
      });
    expect(statusOf(await add("24/12/2026", "02/01/2027", "Nghỉ Tết dương lịch"))).toBe(200);
    const rows = await profileRows(mentor.user.id);
    expect(rows.away).toEqual([
      expect.objectContaining({ starts_on: "2026-12-24", ends_on: "2027-01-02", note: "Nghỉ Tết dương lịch" }),
    ]);
    expect(dataOf<Errors>(await add("31/02/2027", "01/03/2027")).errors).toEqual({
      startsOn: "mentors.error.invalidDate",
    });
    expect(dataOf<Errors>(await add("05/01/2027", "01/01/2027")).errors).toEqual({
      endsOn: "mentors.error.endBeforeStart",
    });
    expect(statusOf(await add("", "01/01/2027"))).toBe(400);
    expect((await profileRows(mentor.user.id)).away).toHaveLength(1);
  });

  it("is a mentor's page: founders and staff get 403 at /mentors/me, visitors sign in", async () => {
    expect(statusOf(await call(myProfileLoader, "/mentors/me"))).toBe(302);
    for (const role of ["founder", "staff"] as const) {
      const { cookie } = await createUser(role);
      expect(statusOf(await call(myProfileLoader, "/mentors/me", { cookie }))).toBe(403);
      expect(statusOf(await call(myProfileAction, "/mentors/me", { cookie, form: { intent: "profile" } }))).toBe(403);
    }
  });

  it("exists for a mentor made without one: the first visit creates it", async () => {
    const bare = await createUser("mentor");
    expect(
      await db().selectFrom("mentor_profile").select("user_id").where("user_id", "=", bare.user.id).executeTakeFirst(),
    ).toBeUndefined();
    expect(statusOf(await call(myProfileLoader, "/mentors/me", { cookie: bare.cookie }))).toBe(200);
    expect(
      await db().selectFrom("mentor_profile").select("user_id").where("user_id", "=", bare.user.id).executeTakeFirst(),
    ).toBeDefined();
  });
});

describe("staff and the network", () => {
  it("lets staff edit any mentor's profile; an unknown or non-mentor id is 404", async () => {
    const staff = await createUser("staff");
    const mentor = await createMentor();
    const params = { mentorId: mentor.user.id };
    const path = `/staff/mentors/${mentor.user.id}`;
    expect(statusOf(await call(staffProfileLoader, path, { cookie: staff.cookie, params }))).toBe(200);
    const saved = await call(staffProfileAction, path, {
      cookie: staff.cookie,
      params,
      form: { intent: "hours-add", weekday: "6", startsAt: "19:00", endsAt: "20:30" },
    });
    expect(statusOf(saved)).toBe(200);
    expect(
      (await profileRows(mentor.user.id)).hours.some((h) => h.weekday === 6 && h.starts_at.startsWith("19:00")),
    ).toBe(true);

    const founder = await createUser("founder");
    for (const id of [founder.user.id, randomUUID(), "not-a-uuid"]) {
      expect(
        statusOf(
          await call(staffProfileLoader, `/staff/mentors/${id}`, { cookie: staff.cookie, params: { mentorId: id } }),
        ),
      ).toBe(404);
    }
    // A mentor may not edit another mentor through the staff page.
    const other = await createMentor();
    expect(
      statusOf(await call(staffProfileAction, path, { cookie: other.cookie, params, form: { intent: "hours-add" } })),
    ).toBe(403);
  });

  it("lists every mentor with expertise and load, filters by tag and by free/busy", async () => {
    const staff = await createUser("staff");
    const tag = await createExpertiseTag();
    const busy = await createMentor({ tagIds: [tag.id], organisation: "HTX Chè Tà Xùa" });
    const free = await createMentor({ tagIds: [tag.id] });
    const untagged = await createMentor();
    const { assignment, team } = await createAssignment({ mentorId: busy.user.id, plannedHours: 12 });
    await createDoneSession(assignment, { hours: 1.5, daysAgo: 2 });

    type Network = {
      mentors: Array<{
        id: string;
        organisation: string;
        load: string;
        activeAssignments: number;
        plannedHours: number;
        deliveredHours: number;
        tags: Array<{ id: number }>;
      }>;
    };
    const all = dataOf<Network>(await call(networkLoader, "/staff/mentors", { cookie: staff.cookie }));
    const row = all.mentors.find((m) => m.id === busy.user.id);
    expect(row).toMatchObject({
      organisation: "HTX Chè Tà Xùa",
      load: "busy",
      activeAssignments: 1,
      plannedHours: 12,
      deliveredHours: 1.5,
      teams: [team!.name],
    });
    expect(row?.tags.map((t) => t.id)).toEqual([tag.id]);
    expect(all.mentors.find((m) => m.id === free.user.id)).toMatchObject({ load: "free", activeAssignments: 0 });

    const byTag = dataOf<Network>(await call(networkLoader, `/staff/mentors?tag=${tag.id}`, { cookie: staff.cookie }));
    expect(byTag.mentors.map((m) => m.id).sort()).toEqual([busy.user.id, free.user.id].sort());
    const freeOnes = dataOf<Network>(
      await call(networkLoader, `/staff/mentors?tag=${tag.id}&load=free`, { cookie: staff.cookie }),
    );
    expect(freeOnes.mentors.map((m) => m.id)).toEqual([free.user.id]);
    const busyOnes = dataOf<Network>(await call(networkLoader, "/staff/mentors?load=busy", { cookie: staff.cookie }));
    expect(busyOnes.mentors.map((m) => m.id)).toContain(busy.user.id);
    expect(busyOnes.mentors.map((m) => m.id)).not.toContain(untagged.user.id);
  });

  it("deactivates a mentor, who is then not offered for assignments, and reactivates them", async () => {
    const staff = await createUser("staff");
    const mentor = await createMentor();
    const offered = async () =>
      dataOf<{ mentors: Array<{ id: string }> }>(
        await call(assignmentsLoader, "/staff/mentors/assignments", { cookie: staff.cookie }),
      ).mentors.map((m) => m.id);
    expect(await offered()).toContain(mentor.user.id);
    const off = await call(networkAction, "/staff/mentors", {
      cookie: staff.cookie,
      form: { intent: "deactivate", mentorId: mentor.user.id },
    });
    expect(statusOf(off)).toBe(200);
    expect(await offered()).not.toContain(mentor.user.id);
    const user = await db()
      .selectFrom("app_user")
      .select("is_active")
      .where("id", "=", mentor.user.id)
      .executeTakeFirstOrThrow();
    expect(user.is_active).toBe(false);
    await call(networkAction, "/staff/mentors", {
      cookie: staff.cookie,
      form: { intent: "reactivate", mentorId: mentor.user.id },
    });
    expect(await offered()).toContain(mentor.user.id);

    // Only mentors: a founder's id is unknown here.
    const founder = await createUser("founder");
    const wrong = await call(networkAction, "/staff/mentors", {
      cookie: staff.cookie,
      form: { intent: "deactivate", mentorId: founder.user.id },
    });
    expect(statusOf(wrong)).toBe(404);
    const still = await db()
      .selectFrom("app_user")
      .select("is_active")
      .where("id", "=", founder.user.id)
      .executeTakeFirstOrThrow();
    expect(still.is_active).toBe(true);
  });

  it("invites a mentor through the outbox; accepting creates the account and its profile", async () => {
    const staff = await createUser("staff");
    const email = `co-van-${unique()}@moi.test`;
    const bad = await call(networkAction, "/staff/mentors", {
      cookie: staff.cookie,
      form: { intent: "invite", name: "Lò Thị Hoa", email: "không-phải-email" },
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<Errors>(bad).errors).toEqual({ email: "form.invalidEmail" });

    const sent = await call(networkAction, "/staff/mentors", {
      cookie: staff.cookie,
      form: { intent: "invite", name: "Lò Thị Hoa", email },
    });
    expect(statusOf(sent)).toBe(200);
    const mail = await db()
      .selectFrom("outbox")
      .selectAll()
      .where("to_address", "=", email)
      .where("kind", "=", "invitation")
      .executeTakeFirstOrThrow();
    expect(mail.text_body).toContain("Lò Thị Hoa");
    const token = /\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail.text_body)![1]!;
    const password = "một mật khẩu dài 2026";
    const accepted = await call(acceptAction, `/invitations/${token}`, {
      params: { token },
      form: { password, passwordConfirm: password },
    });
    expect(statusOf(accepted)).toBe(302);
    const account = await db().selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(account.role).toBe("mentor");
    const profile = await db()
      .selectFrom("mentor_profile")
      .selectAll()
      .where("user_id", "=", account.id)
      .executeTakeFirst();
    expect(profile).toMatchObject({ meeting_mode: "both", languages: ["vi"] });
  });
});
