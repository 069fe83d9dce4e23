import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BookingStatus, DayPart } from "#db/schema";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { loader as myTeamLoader } from "~/routes/team";
import { loader as staffTeamLoader } from "~/routes/staff.teams.$teamId";
import { db } from "~/utils/database.server";
import { createResource, ZONE } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { createTeamWithFounder } from "../setup/teams";

useTestDatabase();

type Figure = { key: string; quantity: number; valueVnd: number; unpriced: number; unvalued?: boolean };
type Support = { period: { from: string; to: string }; figures: Figure[]; totalVnd: number };

const local = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone: ZONE }).toJSDate();

async function book(input: {
  resourceId: string;
  userId: string;
  teamId: string | null;
  status: BookingStatus;
  date: string;
  from: string;
  to: string;
  part?: DayPart;
  purpose?: "booking" | "block";
}) {
  const centre = await requireCurrentCentre();
  await db()
    .insertInto("booking")
    .values({
      centre_id: centre.id,
      resource_id: input.resourceId,
      user_id: input.userId,
      team_id: input.teamId,
      purpose: input.purpose ?? "booking",
      status: input.status,
      day_part: input.part ?? null,
      starts_at: local(input.date, input.from),
      ends_at: local(input.date, input.to),
      price_vnd: 0,
      cancelled_at: input.status === "cancelled" ? new Date() : null,
    })
    .execute();
}

/**
 * One team's month, worked out by hand. Desk: 50.000 ₫ a half day, 80.000 ₫ a day; room:
 * 100.000 ₫ an hour; one desk with no list price. Every booking was free to the team.
 */
async function teamWithKnownUse() {
  const { team, founder } = await createTeamWithFounder({ startsOn: "2026-03-01", endsOn: null });
  const other = await createTeamWithFounder();
  const desk = await createResource("hot_desk", { price_half_day_vnd: 50_000, price_day_vnd: 80_000 });
  const unpricedDesk = await createResource("hot_desk", { price_half_day_vnd: null, price_day_vnd: null });
  const room = await createResource("meeting_room", { price_hour_vnd: 100_000 });
  const base = { userId: founder.user.id, teamId: team.id };
  // Counted: 1 day (80.000) + half a day (50.000) + 1 unpriced day = 2.5 desk-days, 130.000 ₫.
  await book({
    ...base,
    resourceId: desk.id,
    status: "checked_in",
    date: "2026-03-02",
    from: "07:30",
    to: "17:00",
    part: "day",
  });
  await book({
    ...base,
    resourceId: desk.id,
    status: "confirmed",
    date: "2026-03-03",
    from: "07:30",
    to: "12:00",
    part: "morning",
  });
  await book({
    ...base,
    resourceId: unpricedDesk.id,
    status: "checked_in",
    date: "2026-03-09",
    from: "07:30",
    to: "17:00",
    part: "day",
  });
  // Counted: 1.5 h (150.000) + 2 h (200.000) = 3.5 h, 350.000 ₫.
  await book({ ...base, resourceId: room.id, status: "confirmed", date: "2026-03-05", from: "09:00", to: "10:30" });
  await book({ ...base, resourceId: room.id, status: "checked_in", date: "2026-03-06", from: "14:00", to: "16:00" });
  // Not counted: cancelled, no-show, a staff block, another team's, before the period, not over yet.
  await book({
    ...base,
    resourceId: desk.id,
    status: "cancelled",
    date: "2026-03-03",
    from: "12:00",
    to: "17:00",
    part: "afternoon",
  });
  await book({
    ...base,
    resourceId: desk.id,
    status: "no_show",
    date: "2026-03-04",
    from: "07:30",
    to: "17:00",
    part: "day",
  });
  await book({
    ...base,
    resourceId: room.id,
    status: "confirmed",
    date: "2026-03-10",
    from: "08:00",
    to: "12:00",
    purpose: "block",
  });
  await book({
    userId: other.founder.user.id,
    teamId: other.team.id,
    resourceId: room.id,
    status: "checked_in",
    date: "2026-03-11",
    from: "08:00",
    to: "12:00",
  });
  await book({
    ...base,
    resourceId: desk.id,
    status: "checked_in",
    date: "2026-02-27",
    from: "07:30",
    to: "17:00",
    part: "day",
  });
  const soon = DateTime.now().setZone(ZONE).plus({ days: 2 }).toISODate()!;
  await book({ ...base, resourceId: room.id, status: "confirmed", date: soon, from: "08:00", to: "09:00" });
  return { team, founder };
}

function figure(support: Support, key: string) {
  return support.figures.find((f) => f.key === key);
}

describe("support received", () => {
  it("counts desk-days and room hours used, valued at list prices, over the incubation period", async () => {
    const { team, founder } = await teamWithKnownUse();
    const page = dataOf<{ teams: Array<{ id: string; support: Support }> }>(
      await call(myTeamLoader, "/team", { cookie: founder.cookie }),
    );
    const support = page.teams.find((t) => t.id === team.id)!.support;
    const today = DateTime.now().setZone(ZONE).toISODate()!;
    expect(support.period).toEqual({ from: "2026-03-01", to: today });
    expect(figure(support, "desks")).toEqual({
      key: "desks",
      quantity: 2.5,
      valueVnd: 130_000,
      unpriced: 1,
    });
    expect(figure(support, "rooms")).toEqual({
      key: "rooms",
      quantity: 3.5,
      valueVnd: 350_000,
      unpriced: 0,
    });
    // No mentoring session done: 0 hours, never valued (tests/integration/assignments-support.test.ts).
    expect(figure(support, "mentoring")).toEqual({
      key: "mentoring",
      quantity: 0,
      valueVnd: 0,
      unpriced: 0,
      unvalued: true,
    });
    // No training attended: 0, never valued (the centre's trainings are free).
    expect(figure(support, "trainings")).toEqual({
      key: "trainings",
      quantity: 0,
      valueVnd: 0,
      unpriced: 0,
      unvalued: true,
    });
    expect(support.totalVnd).toBe(480_000);
  });

  it("lets staff pick a period of local days, and refuses a backwards or malformed one with 400", async () => {
    const { team } = await teamWithKnownUse();
    const staff = await createUser("staff");
    const load = (query: string) =>
      call(staffTeamLoader, `/staff/teams/${team.id}${query}`, { cookie: staff.cookie, params: { teamId: team.id } });

    const picked = dataOf<{ page: { support: Support } }>(await load("?from=2026-03-03&to=2026-03-05"));
    expect(picked.page.support.period).toEqual({ from: "2026-03-03", to: "2026-03-05" });
    expect(figure(picked.page.support, "desks")).toMatchObject({ quantity: 0.5, valueVnd: 50_000 });
    expect(figure(picked.page.support, "rooms")).toMatchObject({ quantity: 1.5, valueVnd: 150_000 });
    expect(picked.page.support.totalVnd).toBe(200_000);

    // One local day: the 2 March desk day starts at 07:30 there, 00:30 UTC.
    const oneDay = dataOf<{ page: { support: Support } }>(await load("?from=2026-03-02&to=2026-03-02"));
    expect(figure(oneDay.page.support, "desks")).toMatchObject({ quantity: 1, valueVnd: 80_000 });

    // Earlier than the incubation: the 27 February day counts when staff ask for it.
    const wider = dataOf<{ page: { support: Support } }>(await load("?from=2026-02-01&to=2026-03-31"));
    expect(figure(wider.page.support, "desks")).toMatchObject({ quantity: 3.5, valueVnd: 210_000 });

    const backwards = await load("?from=2026-03-05&to=2026-03-01");
    expect(statusOf(backwards)).toBe(400);
    expect(dataOf<{ supportPicker: { errors: Record<string, string> } }>(backwards).supportPicker.errors).toEqual({
      to: "support.error.endBeforeStart",
    });
    const malformed = await load("?from=05/03/2026&to=2026-03-31");
    expect(statusOf(malformed)).toBe(400);
    expect(dataOf<{ supportPicker: { errors: Record<string, string> } }>(malformed).supportPicker.errors).toEqual({
      from: "support.error.invalidDate",
    });
  });

  it("runs to the end of a finished incubation period, not to today", async () => {
    const { team, founder } = await createTeamWithFounder({ startsOn: "2026-01-05", endsOn: "2026-02-28" });
    const desk = await createResource("hot_desk", { price_half_day_vnd: 50_000, price_day_vnd: 80_000 });
    await book({
      userId: founder.user.id,
      teamId: team.id,
      resourceId: desk.id,
      status: "checked_in",
      date: "2026-02-27",
      from: "07:30",
      to: "17:00",
      part: "day",
    });
    await book({
      userId: founder.user.id,
      teamId: team.id,
      resourceId: desk.id,
      status: "checked_in",
      date: "2026-03-02",
      from: "07:30",
      to: "17:00",
      part: "day",
    });
    const page = dataOf<{ teams: Array<{ id: string; support: Support }> }>(
      await call(myTeamLoader, "/team", { cookie: founder.cookie }),
    );
    const support = page.teams.find((t) => t.id === team.id)!.support;
    expect(support.period).toEqual({ from: "2026-01-05", to: "2026-02-28" });
    expect(figure(support, "desks")).toMatchObject({ quantity: 1, valueVnd: 80_000 });
  });
  it("counts once each member of the team marked present at each training, and nothing else", async () => {
    const centre = await requireCurrentCentre();
    const { team, founder } = await createTeamWithFounder({ startsOn: "2026-03-01", endsOn: null });
    const member = await createUser("founder");
    await db().insertInto("team_member").values({ team_id: team.id, user_id: member.user.id }).execute();
    const outsider = await createUser("founder");

    async function event(
      date: string,
      overrides: { kind?: "training" | "workshop"; counts?: boolean; cancelled?: boolean } = {},
    ) {
      const row = await db()
        .insertInto("event")
        .values({
          centre_id: centre.id,
          kind: overrides.kind ?? "training",
          title_vi: `Tập huấn hỗ trợ ${randomUUID().slice(0, 6)}`,
          title_en: "Support training",
          starts_at: local(date, "08:00"),
          ends_at: local(date, "11:00"),
          resource_id: null,
          booking_id: null,
          venue_text: "Hội trường tỉnh",
          capacity: 30,
          audiences: ["founders"],
          counts_as_training: overrides.counts ?? true,
          status: overrides.cancelled ? "cancelled" : "scheduled",
          cancelled_at: overrides.cancelled ? local(date, "07:00") : null,
          programme_id: null,
          created_by: null,
        })
        .returning(["id", "starts_at"])
        .executeTakeFirstOrThrow();
      return row;
    }
    async function register(
      at: { id: string; starts_at: Date },
      who: { userId?: string; guestEmail?: string },
      state: { attended: boolean; status?: "registered" | "waitlisted" | "cancelled" },
    ) {
      await db()
        .insertInto("event_registration")
        .values({
          event_id: at.id,
          user_id: who.userId ?? null,
          guest_name: who.guestEmail ? "Khách" : "",
          guest_email: who.guestEmail ?? "",
          guest_phone: who.guestEmail ? "0912 345 678" : "",
          audience: "founders",
          status: state.status ?? "registered",
          token: randomUUID(),
          attended_at: state.attended ? at.starts_at : null,
        })
        .execute();
    }

    // Counted: both members at the first training (the second one registered as a guest with
    // her email, in other letters' case) and the founder at the second, where he also
    // registered a guest seat with his own email: 3 attendances.
    const first = await event("2026-04-07");
    await register(first, { userId: founder.user.id }, { attended: true });
    await register(first, { guestEmail: member.user.email.toUpperCase() }, { attended: true });
    const second = await event("2026-05-12");
    await register(second, { userId: founder.user.id }, { attended: true });
    await register(second, { guestEmail: founder.user.email }, { attended: true });
    // Not counted: registered but absent, a cancelled registration, a workshop that is not a
    // training, a cancelled training, someone outside the team, and a training before the period.
    await register(second, { userId: member.user.id }, { attended: false });
    const third = await event("2026-06-02");
    await register(third, { userId: member.user.id }, { attended: false, status: "cancelled" });
    await register(
      await event("2026-06-09", { kind: "workshop", counts: false }),
      { userId: founder.user.id },
      { attended: true },
    );
    await register(await event("2026-06-16", { cancelled: true }), { userId: founder.user.id }, { attended: true });
    await register(third, { userId: outsider.user.id }, { attended: true });
    await register(await event("2026-02-24"), { userId: member.user.id }, { attended: true });

    const page = dataOf<{ teams: Array<{ id: string; support: Support }> }>(
      await call(myTeamLoader, "/team", { cookie: founder.cookie }),
    );
    const support = page.teams.find((t) => t.id === team.id)!.support;
    expect(figure(support, "trainings")).toEqual({
      key: "trainings",
      quantity: 3,
      valueVnd: 0,
      unpriced: 0,
      unvalued: true,
    });
    expect(support.totalVnd).toBe(0);

    // Staff widen the period to February: the training before the incubation counts too.
    const staff = await createUser("staff");
    const wider = dataOf<{ page: { support: Support } }>(
      await call(staffTeamLoader, `/staff/teams/${team.id}?from=2026-02-01&to=2026-06-30`, {
        cookie: staff.cookie,
        params: { teamId: team.id },
      }),
    );
    expect(figure(wider.page.support, "trainings")).toMatchObject({ quantity: 4 });
  });
});
