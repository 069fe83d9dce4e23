// Issue 3's remaining rules: a team's fixed desk, a closure made while someone is booking,
// staff booking for a person or a team, staff blocking a resource, and times already past.
import { DateTime } from "luxon";
import { afterEach, describe, expect, it, vi } from "vitest";
import { slotHref } from "~/features/availability/components/spaces-views";
import type { SpaceState } from "~/features/availability/rules";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { translate } from "~/i18n/translate";
import { action as newAction, loader as newLoader } from "~/routes/bookings.new";
import { loader as planLoader } from "~/routes/spaces._index";
import { loader as roomsLoader } from "~/routes/spaces.rooms";
import { action as blocksAction, loader as blocksLoader } from "~/routes/staff.spaces.blocks";
import { action as closuresAction } from "~/routes/staff.spaces.closures";
import { db } from "~/utils/database.server";
import {
  countBookings,
  createIncubatingTeam,
  createResource,
  iso,
  openWeek,
  withFreeDeskDays,
  ZONE,
} from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type Refused = { refusal: { code: string } };
type PlanResource = {
  id: string;
  state: string;
  href: string | null;
  teamDesk: boolean;
  otherTeamDesk: boolean;
};
type Plan = { resources: PlanResource[]; past: boolean };
type Timeline = { times: string[]; rooms: Array<{ id: string; book: string | null; states: SpaceState[] }> };

const book = (cookie: string, form: Record<string, string>) => call(newAction, "/bookings/new", { cookie, form });
const refusalOf = (result: unknown) => dataOf<Refused>(result).refusal.code;
const planOf = async (cookie: string, query: string) =>
  dataOf<Plan>(await call(planLoader, `/spaces?${query}`, { cookie }));
const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toJSDate();

async function bookingsOf(resourceId: string) {
  return db().selectFrom("booking").selectAll().where("resource_id", "=", resourceId).orderBy("starts_at").execute();
}

async function messagesTo(email: string, kind: string) {
  return db().selectFrom("outbox").selectAll().where("to_address", "=", email).where("kind", "=", kind).execute();
}

async function joinTeam(teamId: string, userId: string) {
  await db().insertInto("team_member").values({ team_id: teamId, user_id: userId }).execute();
}

describe("a team's fixed desk", () => {
  async function assignedDesk() {
    const desk = await createResource("fixed_desk");
    const member = await createUser("founder");
    const teamId = await createIncubatingTeam(member.user.id);
    const monday = await openWeek();
    // Held Monday to Wednesday; Thursday is outside the assignment.
    await db()
      .insertInto("fixed_desk_assignment")
      .values({ resource_id: desk.id, team_id: teamId, starts_on: iso(monday), ends_on: iso(monday.plus({ days: 2 })) })
      .execute();
    return {
      desk,
      member,
      teamId,
      inside: iso(monday.plus({ days: 1 })),
      outside: iso(monday.plus({ days: 3 })),
    };
  }

  it("is refused to people outside the team during the assignment, in their language, and nothing changes", async () => {
    const { desk, inside } = await assignedDesk();
    const outsider = await createUser("founder");
    await createIncubatingTeam(outsider.user.id);
    const refused = await book(outsider.cookie, { resource: desk.id, date: inside, part: "morning" });
    expect(statusOf(refused)).toBe(403);
    expect(refusalOf(refused)).toBe("fixed_desk_assigned");
    expect(translate("vi", "bookings.error.fixed_desk_assigned")).toContain("chỉ thành viên của nhóm");
    expect(translate("en", "bookings.error.fixed_desk_assigned")).toContain("only members of that team");
    expect(await countBookings(desk.id)).toBe(0);

    // Staff booking for themselves are outsiders too; a mentor as well.
    const staff = await createUser("staff");
    expect(statusOf(await book(staff.cookie, { resource: desk.id, date: inside, part: "day" }))).toBe(403);
    const mentor = await createUser("mentor");
    expect(statusOf(await book(mentor.cookie, { resource: desk.id, date: inside, part: "day" }))).toBe(403);
    expect(await countBookings(desk.id)).toBe(0);
  });

  it("is booked by the team's members, counted for that team, and staff book it for them", async () => {
    const { desk, member, teamId, inside } = await assignedDesk();
    const done = await book(member.cookie, { resource: desk.id, date: inside, part: "morning" });
    expect(statusOf(done)).toBe(302);

    const teammate = await createUser("founder");
    await joinTeam(teamId, teammate.user.id);
    const staff = await createUser("staff");
    // Staff see the form, to name whom it is for.
    const form = await call(newLoader, `/bookings/new?resource=${desk.id}&date=${inside}&part=afternoon`, {
      cookie: staff.cookie,
    });
    expect(statusOf(form)).toBe(200);
    expect(dataOf<{ preview: { code: string } }>(form).preview.code).toBe(desk.code);
    const forOutsider = await createUser("founder");
    const refused = await book(staff.cookie, {
      resource: desk.id,
      date: inside,
      part: "afternoon",
      forEmail: forOutsider.user.email,
    });
    expect(statusOf(refused)).toBe(403);
    expect(refusalOf(refused)).toBe("fixed_desk_assigned");
    const forTeammate = await book(staff.cookie, {
      resource: desk.id,
      date: inside,
      part: "afternoon",
      forEmail: teammate.user.email,
    });
    expect(statusOf(forTeammate)).toBe(302);

    expect(await bookingsOf(desk.id)).toEqual([
      expect.objectContaining({ user_id: member.user.id, team_id: teamId, booked_by: member.user.id }),
      expect.objectContaining({ user_id: teammate.user.id, team_id: teamId, booked_by: staff.user.id }),
    ]);
  });

  it("is booked like a hot desk outside any assignment (decision 007)", async () => {
    const { desk, outside } = await assignedDesk();
    const outsider = await createUser("founder");
    expect(statusOf(await book(outsider.cookie, { resource: desk.id, date: outside, part: "day" }))).toBe(302);
    expect(await countBookings(desk.id)).toBe(1);
  });

  it("does not take the team's free desk-days: the desk is already theirs (decision 007)", async () => {
    const { desk, member, inside } = await assignedDesk();
    const monday = DateTime.fromISO(inside, { zone: ZONE }).startOf("week");
    const hotDesk = await createResource("hot_desk");
    await withFreeDeskDays({ person: 1, team: 1 }, async () => {
      // Three days of the team's own desk, over a quota of one desk-day…
      for (const d of [0, 1, 2]) {
        const done = await book(member.cookie, { resource: desk.id, date: iso(monday.plus({ days: d })), part: "day" });
        expect(statusOf(done)).toBe(302);
      }
      // …leave the one free day untouched for a hot desk, and the quota still holds after it.
      const thursday = iso(monday.plus({ days: 3 }));
      expect(statusOf(await book(member.cookie, { resource: hotDesk.id, date: thursday, part: "morning" }))).toBe(302);
      expect(statusOf(await book(member.cookie, { resource: hotDesk.id, date: thursday, part: "afternoon" }))).toBe(
        302,
      );
      const over = await book(member.cookie, {
        resource: hotDesk.id,
        date: iso(monday.plus({ days: 4 })),
        part: "day",
      });
      expect(statusOf(over)).toBe(409);
      expect(await countBookings(desk.id)).toBe(3);
    });
  });

  it("shows on the floor plan as the team's own desk to its members and as taken to everyone else", async () => {
    const { desk, member, teamId, inside, outside } = await assignedDesk();
    const outsider = await createUser("founder");
    const staff = await createUser("staff");
    const find = (plan: Plan) => plan.resources.find((r) => r.id === desk.id)!;

    const forMember = find(await planOf(member.cookie, `date=${inside}&part=morning&floor=${desk.floor_id}`));
    expect(forMember).toMatchObject({
      state: "mine",
      teamDesk: true,
      href: `/bookings/new?resource=${desk.id}&date=${inside}&part=morning`,
    });
    for (const viewer of [outsider, staff]) {
      const seen = find(await planOf(viewer.cookie, `date=${inside}&part=morning&floor=${desk.floor_id}`));
      expect(seen).toMatchObject({ state: "taken", otherTeamDesk: true, href: null });
    }
    // Outside the assignment it is free to anyone.
    expect(find(await planOf(outsider.cookie, `date=${outside}&part=morning&floor=${desk.floor_id}`))).toMatchObject({
      state: "free",
      otherTeamDesk: false,
    });

    // Once a teammate has booked the morning, it is taken to the other members.
    const teammate = await createUser("founder");
    await joinTeam(teamId, teammate.user.id);
    expect(statusOf(await book(teammate.cookie, { resource: desk.id, date: inside, part: "morning" }))).toBe(302);
    expect(find(await planOf(member.cookie, `date=${inside}&part=morning&floor=${desk.floor_id}`))).toMatchObject({
      state: "taken",
      href: null,
    });
    expect(find(await planOf(teammate.cookie, `date=${inside}&part=morning&floor=${desk.floor_id}`))).toMatchObject({
      state: "mine",
      href: null,
    });
  });
});

describe("a closure made while someone is booking", () => {
  it("refuses the booking whose form was shown before the closure", async () => {
    const desk = await createResource("hot_desk");
    const founder = await createUser("founder");
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 2 }));
    const query = `/bookings/new?resource=${desk.id}&date=${date}&part=morning`;
    expect(statusOf(await call(newLoader, query, { cookie: founder.cookie }))).toBe(200);

    const closed = await call(closuresAction, "/staff/spaces/closures", {
      cookie: staff.cookie,
      form: {
        intent: "add",
        scope: desk.id,
        kind: "maintenance",
        reasonVi: "Sửa điện",
        reasonEn: "Electrical repairs",
        startsAt: `${date}T07:00`,
        endsAt: `${date}T12:00`,
      },
    });
    expect(statusOf(closed)).toBe(302);

    const refused = await book(founder.cookie, { resource: desk.id, date, part: "morning" });
    expect(statusOf(refused)).toBe(400);
    expect(refusalOf(refused)).toBe("closed");
    expect(await countBookings(desk.id)).toBe(0);
  });
});

describe("staff book for a founder or a team", () => {
  it("offers the centre's people and teams to staff only", async () => {
    const desk = await createResource("hot_desk");
    const founder = await createUser("founder", { name: "Lò Văn Thử" });
    const teamId = await createIncubatingTeam(founder.user.id);
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 1 }));
    const query = `/bookings/new?resource=${desk.id}&date=${date}&part=morning`;
    type Form = { isStaff: boolean; people: Array<{ id: string; name: string }>; teams: Array<{ id: string }> };
    const forStaff = dataOf<Form>(await call(newLoader, query, { cookie: staff.cookie }));
    expect(forStaff.isStaff).toBe(true);
    expect(forStaff.people).toContainEqual(expect.objectContaining({ id: founder.user.id, name: "Lò Văn Thử" }));
    expect(forStaff.people.some((p) => p.id === staff.user.id)).toBe(false);
    expect(forStaff.teams).toContainEqual(expect.objectContaining({ id: teamId }));
    const forFounder = dataOf<Form>(await call(newLoader, query, { cookie: founder.cookie }));
    expect(forFounder).toMatchObject({ isStaff: false, people: [], teams: [] });

    // A founder cannot book for someone else, by any of the fields.
    const fields: Record<string, string>[] = [{ forUser: staff.user.id }, { forTeam: teamId }];
    for (const field of fields) {
      expect(statusOf(await book(founder.cookie, { resource: desk.id, date, part: "morning", ...field }))).toBe(403);
    }
    expect(await countBookings(desk.id)).toBe(0);
  });

  it("books for the chosen person and team: the person holds it and gets the confirmation", async () => {
    const desk = await createResource("hot_desk");
    const founder = await createUser("founder");
    await createIncubatingTeam(founder.user.id);
    const second = await createIncubatingTeam(founder.user.id);
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 2 }));
    const done = await book(staff.cookie, {
      resource: desk.id,
      date,
      part: "day",
      forUser: founder.user.id,
      forTeam: second,
    });
    expect((done as Response).headers.get("Location")).toBe("/bookings?notice=bookedFor");
    expect(await bookingsOf(desk.id)).toEqual([
      expect.objectContaining({ user_id: founder.user.id, booked_by: staff.user.id, team_id: second }),
    ]);
    expect(await messagesTo(founder.user.email, "booking.confirmed")).toHaveLength(1);
    expect(await messagesTo(staff.user.email, "booking.confirmed")).toHaveLength(0);
  });

  it("books a weekly series for the person too", async () => {
    const room = await createResource("meeting_room");
    const founder = await createUser("founder");
    // An incubated team's founder: the room is free, so the series is confirmed at once (decision 015).
    await createIncubatingTeam(founder.user.id);
    const staff = await createUser("staff");
    const monday = await openWeek();
    const done = await book(staff.cookie, {
      resource: room.id,
      date: iso(monday),
      start: "09:00",
      minutes: "60",
      people: "2",
      // One occurrence: the following weeks may hold a holiday.
      weekday: "1",
      occurrences: "1",
      forEmail: founder.user.email,
    });
    expect(statusOf(done)).toBe(302);
    const rows = await bookingsOf(room.id);
    expect(rows).toEqual([
      expect.objectContaining({ user_id: founder.user.id, booked_by: staff.user.id, series_id: expect.any(String) }),
    ]);
    expect(await messagesTo(founder.user.email, "booking.confirmed")).toHaveLength(1);
  });

  it("books for a team alone in its longest-standing member's name", async () => {
    const desk = await createResource("hot_desk");
    const first = await createUser("founder");
    const teamId = await createIncubatingTeam(first.user.id);
    const later = await createUser("founder");
    await joinTeam(teamId, later.user.id);
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 3 }));
    expect(statusOf(await book(staff.cookie, { resource: desk.id, date, part: "morning", forTeam: teamId }))).toBe(302);
    expect(await bookingsOf(desk.id)).toEqual([
      expect.objectContaining({ user_id: first.user.id, booked_by: staff.user.id, team_id: teamId }),
    ]);
    expect(await messagesTo(first.user.email, "booking.confirmed")).toHaveLength(1);
  });

  it("refuses a person outside the chosen team, an unknown person or team, and a team without members", async () => {
    const desk = await createResource("hot_desk");
    const founder = await createUser("founder");
    const other = await createUser("founder");
    const othersTeam = await createIncubatingTeam(other.user.id);
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 4 }));
    const base = { resource: desk.id, date, part: "morning" };
    const notInTeam = await book(staff.cookie, { ...base, forUser: founder.user.id, forTeam: othersTeam });
    expect([statusOf(notInTeam), refusalOf(notInTeam)]).toEqual([400, "not_in_team"]);
    const unknownPerson = await book(staff.cookie, { ...base, forUser: crypto.randomUUID() });
    expect([statusOf(unknownPerson), refusalOf(unknownPerson)]).toEqual([404, "unknown_person"]);
    const unknownTeam = await book(staff.cookie, { ...base, forTeam: crypto.randomUUID() });
    expect([statusOf(unknownTeam), refusalOf(unknownTeam)]).toEqual([404, "unknown_team"]);
    const centre = await requireCurrentCentre();
    const empty = await db()
      .insertInto("team")
      .values({ centre_id: centre.id, name: `Nhóm trống ${crypto.randomUUID()}`, incubation_starts_on: "2026-01-01" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const noMembers = await book(staff.cookie, { ...base, forTeam: empty.id });
    expect([statusOf(noMembers), refusalOf(noMembers)]).toEqual([400, "team_without_members"]);
    expect(await countBookings(desk.id)).toBe(0);
  });

  it("counts the booking against the person's and the team's weekly quota, not the staff member's", async () => {
    const founder = await createUser("founder");
    const teamId = await createIncubatingTeam(founder.user.id);
    const teammate = await createUser("founder");
    await joinTeam(teamId, teammate.user.id);
    const staff = await createUser("staff");
    const monday = await openWeek();
    const days = [0, 1, 2, 3].map((d) => iso(monday.plus({ days: d })));
    const desks = await Promise.all(days.map(() => createResource("hot_desk")));
    await withFreeDeskDays({ person: 2, team: 3 }, async () => {
      const forFounder = (i: number) =>
        book(staff.cookie, { resource: desks[i]!.id, date: days[i]!, part: "day", forUser: founder.user.id });
      expect(statusOf(await forFounder(0))).toBe(302);
      expect(statusOf(await forFounder(1))).toBe(302);
      const overPerson = await forFounder(2);
      expect([statusOf(overPerson), refusalOf(overPerson)]).toEqual([409, "quota_person"]);
      // The teammate has days left, the team one: the team's allowance runs out next.
      const forTeammate = (i: number) =>
        book(staff.cookie, { resource: desks[i]!.id, date: days[i]!, part: "day", forUser: teammate.user.id });
      expect(statusOf(await forTeammate(2))).toBe(302);
      const overTeam = await forTeammate(3);
      expect([statusOf(overTeam), refusalOf(overTeam)]).toEqual([409, "quota_team"]);
      // Staff booking for themselves have no quota.
      expect(statusOf(await book(staff.cookie, { resource: desks[3]!.id, date: days[3]!, part: "day" }))).toBe(302);
    });
  });
});

describe("staff block a resource", () => {
  type BlocksPage = {
    blocks: Array<{ id: string; resource_code: string; title: string | null }>;
    notice: string | null;
  };
  type BlockAction = { held?: Array<{ id: string; personName: string | null }>; errors?: Record<string, string> };

  it("is a staff page", async () => {
    const founder = await createUser("founder");
    expect(statusOf(await call(blocksLoader, "/staff/spaces/blocks", { cookie: founder.cookie }))).toBe(403);
    const staff = await createUser("staff");
    expect(statusOf(await call(blocksLoader, "/staff/spaces/blocks", { cookie: staff.cookie }))).toBe(200);
  });

  it("shows the bookings in the way, then cancels them with a message to each person, or stops", async () => {
    const desk = await createResource("hot_desk");
    const founder = await createUser("founder", { name: "Cầm Thị Đặt" });
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 2 }));
    expect(statusOf(await book(founder.cookie, { resource: desk.id, date, part: "morning" }))).toBe(302);
    const [booking] = await bookingsOf(desk.id);
    const form = {
      intent: "add",
      resourceId: desk.id,
      reason: "Thay bàn mới",
      startsAt: `${date}T07:00`,
      endsAt: `${date}T17:00`,
    };

    const first = await call(blocksAction, "/staff/spaces/blocks", { cookie: staff.cookie, form });
    expect(statusOf(first)).toBe(200);
    expect(dataOf<BlockAction>(first).held).toEqual([
      expect.objectContaining({ id: booking!.id, personName: "Cầm Thị Đặt" }),
    ]);
    expect(await bookingsOf(desk.id)).toEqual([expect.objectContaining({ status: "confirmed", purpose: "booking" })]);

    const stopped = await call(blocksAction, "/staff/spaces/blocks", {
      cookie: staff.cookie,
      form: { ...form, decision: "stop", shown: booking!.id },
    });
    expect(dataOf<{ notice: string }>(stopped).notice).toBe("spacesAdmin.blocks.stopped");
    expect(await bookingsOf(desk.id)).toHaveLength(1);

    const done = (await call(blocksAction, "/staff/spaces/blocks", {
      cookie: staff.cookie,
      form: { ...form, decision: "cancel", shown: booking!.id },
    })) as Response;
    expect(done.headers.get("Location")).toBe("/staff/spaces/blocks?cancelled=1");
    // The block starts at 07:00, before the booking's 07:30.
    expect(await bookingsOf(desk.id)).toEqual([
      expect.objectContaining({ purpose: "block", status: "confirmed", title: "Thay bàn mới" }),
      expect.objectContaining({ id: booking!.id, status: "cancelled", cancelled_by: staff.user.id }),
    ]);
    const [message] = await messagesTo(founder.user.email, "booking-cancelled-block");
    expect(message?.text_body).toContain("Thay bàn mới");
    expect(message?.text_body).toContain("tạm ngừng sử dụng");

    const page = dataOf<BlocksPage>(
      await call(blocksLoader, "/staff/spaces/blocks?cancelled=1", { cookie: staff.cookie }),
    );
    expect(page.notice).toBe("spacesAdmin.blocks.savedCancelled");
    expect(page.blocks).toContainEqual(expect.objectContaining({ resource_code: desk.code, title: "Thay bàn mới" }));
    const plan = await planOf(founder.cookie, `date=${date}&part=afternoon&floor=${desk.floor_id}`);
    expect(plan.resources.find((r) => r.id === desk.id)?.state).toBe("closed");
    const refused = await book(founder.cookie, { resource: desk.id, date, part: "afternoon" });
    expect(refusalOf(refused)).toBe("taken");
  });

  it("blocks a free resource at once, and removing the block makes it bookable again", async () => {
    const desk = await createResource("hot_desk");
    const founder = await createUser("founder");
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 3 }));
    const done = (await call(blocksAction, "/staff/spaces/blocks", {
      cookie: staff.cookie,
      form: {
        intent: "add",
        resourceId: desk.id,
        reason: "Sơn lại",
        startsAt: `${date}T07:00`,
        endsAt: `${date}T12:00`,
      },
    })) as Response;
    expect(done.headers.get("Location")).toBe("/staff/spaces/blocks?cancelled=0");
    const [block] = await bookingsOf(desk.id);
    expect(block).toMatchObject({ purpose: "block", status: "confirmed" });
    expect(refusalOf(await book(founder.cookie, { resource: desk.id, date, part: "morning" }))).toBe("taken");

    const removed = (await call(blocksAction, "/staff/spaces/blocks", {
      cookie: staff.cookie,
      form: { intent: "remove", blockId: block!.id },
    })) as Response;
    expect(removed.headers.get("Location")).toBe("/staff/spaces/blocks?removed=1");
    expect(statusOf(await book(founder.cookie, { resource: desk.id, date, part: "morning" }))).toBe(302);
    // Removing it twice, or an id that is not a block, is a 404.
    const again = await call(blocksAction, "/staff/spaces/blocks", {
      cookie: staff.cookie,
      form: { intent: "remove", blockId: block!.id },
    });
    expect(statusOf(again)).toBe(404);
  });

  it("answers bad input with 400 beside the field and changes nothing", async () => {
    const desk = await createResource("hot_desk");
    const staff = await createUser("staff");
    const date = iso((await openWeek()).plus({ days: 3 }));
    const post = (form: Record<string, string>) =>
      call(blocksAction, "/staff/spaces/blocks", { cookie: staff.cookie, form: { intent: "add", ...form } });
    const reversed = await post({
      resourceId: desk.id,
      reason: "x",
      startsAt: `${date}T12:00`,
      endsAt: `${date}T08:00`,
    });
    expect(statusOf(reversed)).toBe(400);
    expect(dataOf<BlockAction>(reversed).errors).toEqual({ endsAt: "spacesAdmin.error.endBeforeStart" });
    const empty = await post({ resourceId: desk.id, reason: "", startsAt: "hôm nay", endsAt: "" });
    expect(statusOf(empty)).toBe(400);
    expect(Object.keys(dataOf<BlockAction>(empty).errors ?? {}).sort()).toEqual(["endsAt", "reason", "startsAt"]);
    const unknown = await post({
      resourceId: crypto.randomUUID(),
      reason: "x",
      startsAt: `${date}T08:00`,
      endsAt: `${date}T09:00`,
    });
    expect(statusOf(unknown)).toBe(404);
    expect(await countBookings(desk.id)).toBe(0);
  });
});

describe("times already past", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("are not offered on the floor plan or the timeline, and booking them is refused", async () => {
    const desk = await createResource("hot_desk");
    const room = await createResource("meeting_room");
    const founder = await createUser("founder");
    const date = iso((await openWeek()).plus({ days: 1 }));
    // It is 13:15 on that day in Sơn La.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at(date, "13:15"));

    const morning = await planOf(founder.cookie, `date=${date}&part=morning&floor=${desk.floor_id}`);
    expect(morning.past).toBe(true);
    expect(morning.resources.find((r) => r.id === desk.id)).toMatchObject({ state: "closed", href: null });
    const afternoon = await planOf(founder.cookie, `date=${date}&part=afternoon&floor=${desk.floor_id}`);
    expect(afternoon.past).toBe(true);
    expect(afternoon.resources.find((r) => r.id === desk.id)).toMatchObject({ state: "closed", href: null });
    const next = iso(DateTime.fromISO(date).plus({ days: 1 }));
    const tomorrow = await planOf(founder.cookie, `date=${next}&part=morning&floor=${desk.floor_id}`);
    expect(tomorrow.past).toBe(false);

    const timeline = dataOf<Timeline>(
      await call(roomsLoader, `/spaces/rooms?date=${date}`, { cookie: founder.cookie }),
    );
    const row = timeline.rooms.find((r) => r.id === room.id)!;
    // Each slot as the page shows it: its time, state and link (if any).
    const slots = timeline.times.map((time, i) => ({
      time,
      state: row.states[i],
      href: slotHref(row.book, timeline.times, row.states, i),
    }));
    // The 13:00 slot has started: it is over for booking, like the morning.
    expect(slots.find((s) => s.time === "12:30")).toMatchObject({ state: "closed", href: null });
    expect(slots.find((s) => s.time === "13:00")).toMatchObject({ state: "closed", href: null });
    expect(slots.find((s) => s.time === "13:30")).toMatchObject({ state: "free" });
    expect(slots.find((s) => s.time === "13:30")?.href).toContain("start=13:30");

    const forms: Record<string, string>[] = [
      { resource: desk.id, date, part: "morning" },
      { resource: desk.id, date, part: "afternoon" },
      { resource: room.id, date, start: "13:00", minutes: "30", people: "1" },
    ];
    for (const form of forms) {
      const refused = await book(founder.cookie, form);
      expect([statusOf(refused), refusalOf(refused)]).toEqual([400, "in_past"]);
    }
    expect(statusOf(await book(founder.cookie, { resource: room.id, date, start: "13:30", minutes: "30" }))).toBe(302);
  });
});
