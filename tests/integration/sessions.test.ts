// Mentoring sessions through the routes, as people use them: propose, confirm or decline,
// cancel, record; the room booked in the same transaction as the confirmation; every rule's
// refusal a clear 4xx with nothing changed. Runs on PGlite and, under test:postgres, PostgreSQL.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { translate } from "~/i18n/translate";
import { loader as mentorLoader } from "~/routes/mentor._index";
import { loader as scheduleLoader } from "~/routes/mentor.schedule";
import { loader as proposeLoader } from "~/routes/sessions.new";
import { loader as staffSessionsLoader } from "~/routes/staff.sessions";
import { loader as teamSessionsLoader } from "~/routes/team_.sessions";
import { db } from "~/utils/database.server";
import { createResource, openWeek, ZONE } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createAssignment, createMentor } from "../setup/mentors";
import { call, dataOf, statusOf } from "../setup/requests";
import {
  act,
  insertSession,
  messagesTo,
  propose,
  proposal,
  sessionRow,
  sessionsOf,
  viewSession,
} from "../setup/sessions";
import { createTeamWithFounder } from "../setup/teams";

useTestDatabase();

const at = (day: DateTime, time: string) => {
  const [h, m] = time.split(":").map(Number);
  return day.set({ hour: h!, minute: m!, second: 0, millisecond: 0 }).toJSDate();
};

async function room() {
  return createResource("meeting_room", { capacity: 6 });
}

async function bookingsOf(resourceId: string) {
  return db().selectFrom("booking").selectAll().where("resource_id", "=", resourceId).execute();
}

describe("proposing and confirming a session in a meeting room", () => {
  it("a founder proposes, the mentor confirms, and the room is booked in the team's name for the session", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const meetingRoom = await room();
    const tuesday = (await openWeek(2)).plus({ days: 1 });

    const proposed = await propose(founder!.cookie, assignment.id, proposal(tuesday, { resourceId: meetingRoom.id }));
    expect(proposed.status).toBe(302);
    const id = proposed.sessionId!;
    const row = await sessionRow(id);
    expect(row).toMatchObject({
      status: "proposed",
      proposed_side: "team",
      mode: "centre",
      resource_id: meetingRoom.id,
    });
    expect(row.starts_at.toISOString()).toBe(at(tuesday, "09:00").toISOString());
    // The room is only checked at proposal, not booked.
    expect(await bookingsOf(meetingRoom.id)).toHaveLength(0);
    const toMentor = await messagesTo(mentor!.user.email, "session.proposed");
    expect(toMentor).toHaveLength(1);
    expect(toMentor[0]!.subject).toContain("Đề xuất buổi cố vấn");
    expect(toMentor[0]!.text_body).toContain(`${tuesday.toFormat("dd/MM/yyyy")}, 09:00–10:00`);
    expect(await messagesTo(founder!.user.email, "session.proposed")).toHaveLength(0);

    // The side that proposed does not answer its own proposal.
    const own = await act(founder!.cookie, id, { intent: "confirm" });
    expect(own.status).toBe(403);
    expect(own.errors._form).toBe("sessions.error.not_your_turn");
    expect((await sessionRow(id)).status).toBe("proposed");

    const confirmed = await act(mentor!.cookie, id, { intent: "confirm" });
    expect(confirmed.status).toBe(302);
    const after = await sessionRow(id);
    expect(after.status).toBe("confirmed");
    expect(after.answered_by).toBe(mentor!.user.id);
    const bookings = await bookingsOf(meetingRoom.id);
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({
      id: after.booking_id,
      status: "confirmed",
      user_id: founder!.user.id,
      team_id: assignment.team_id,
      booked_by: mentor!.user.id,
      title: translate("vi", "sessions.bookingTitle", { topic: "Chiến lược gọi vốn hạt giống" }),
    });
    expect(bookings[0]!.starts_at.toISOString()).toBe(after.starts_at.toISOString());
    expect(bookings[0]!.ends_at.toISOString()).toBe(after.ends_at.toISOString());
    expect(await messagesTo(founder!.user.email, "session.confirmed")).toHaveLength(1);

    // Answered once: a second answer is refused.
    expect((await act(mentor!.cookie, id, { intent: "decline" })).status).toBe(409);

    // Both see it: the mentor's week and upcoming list, the team's sessions.
    const week = dataOf<{ days: { date: string; sessions: { id: string }[] }[] }>(
      await call(scheduleLoader, `/mentor/schedule?view=week&date=${tuesday.toFormat("dd/MM/yyyy")}`, {
        cookie: mentor!.cookie,
      }),
    );
    expect(week.days).toHaveLength(7);
    expect(week.days.find((d) => d.date === tuesday.toISODate())!.sessions.map((s) => s.id)).toEqual([id]);
    const dayView = dataOf<{ days: { sessions: { id: string }[] }[] }>(
      await call(scheduleLoader, `/mentor/schedule?view=day&date=${tuesday.plus({ days: 1 }).toISODate()}`, {
        cookie: mentor!.cookie,
      }),
    );
    expect(dayView.days).toHaveLength(1);
    expect(dayView.days[0]!.sessions).toHaveLength(0);
    const dashboard = dataOf<{ upcoming: { id: string; team_name: string; room_code: string }[] }>(
      await call(mentorLoader, "/mentor", { cookie: mentor!.cookie }),
    );
    expect(dashboard.upcoming.find((s) => s.id === id)?.room_code).toBe(meetingRoom.code);
    const team = dataOf<{ upcoming: { id: string; status: string }[] }>(
      await call(teamSessionsLoader, "/team/sessions", { cookie: founder!.cookie }),
    );
    expect(team.upcoming.find((s) => s.id === id)?.status).toBe("confirmed");
  });

  it("a mentor's proposal waits for the team; an online session confirms without a booking", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const wednesday = (await openWeek(2)).plus({ days: 2 });
    const online = proposal(wednesday, { mode: "online", onlineUrl: "https://meet.example.vn/abc-defg" });

    const proposed = await propose(mentor!.cookie, assignment.id, online);
    expect(proposed.status).toBe(302);
    expect((await sessionRow(proposed.sessionId!)).proposed_side).toBe("mentor");
    // The mentor's own proposal is not among those waiting for the mentor.
    const dashboard = dataOf<{ pending: { id: string }[] }>(
      await call(mentorLoader, "/mentor", { cookie: mentor!.cookie }),
    );
    expect(dashboard.pending.map((s) => s.id)).not.toContain(proposed.sessionId);

    expect((await act(mentor!.cookie, proposed.sessionId!, { intent: "confirm" })).status).toBe(403);
    expect((await act(founder!.cookie, proposed.sessionId!, { intent: "confirm" })).status).toBe(302);
    const row = await sessionRow(proposed.sessionId!);
    expect(row.status).toBe("confirmed");
    expect(row.booking_id).toBeNull();
    expect(await messagesTo(mentor!.user.email, "session.confirmed")).toHaveLength(1);
  });

  it("staff propose for both sides: either side may answer, staff may not; a decline frees the time", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const { cookie: staff } = await createUser("staff");
    const thursday = (await openWeek(2)).plus({ days: 3 });
    const online = proposal(thursday, { mode: "online", onlineUrl: "https://meet.example.vn/staff" });

    const first = await propose(staff, assignment.id, online);
    expect(first.status).toBe(302);
    expect((await sessionRow(first.sessionId!)).proposed_side).toBe("staff");
    // Both sides hear of it.
    expect(await messagesTo(mentor!.user.email, "session.proposed")).toHaveLength(1);
    expect(await messagesTo(founder!.user.email, "session.proposed")).toHaveLength(1);
    const pending = dataOf<{ pending: { id: string }[] }>(
      await call(mentorLoader, "/mentor", { cookie: mentor!.cookie }),
    );
    expect(pending.pending.map((s) => s.id)).toContain(first.sessionId);

    expect((await act(staff, first.sessionId!, { intent: "confirm" })).status).toBe(403);
    expect((await act(founder!.cookie, first.sessionId!, { intent: "decline" })).status).toBe(302);
    expect((await sessionRow(first.sessionId!)).status).toBe("declined");
    expect(await messagesTo(mentor!.user.email, "session.declined")).toHaveLength(1);
    expect(await messagesTo(founder!.user.email, "session.declined")).toHaveLength(0);

    // A declined session holds no time: the same slot can be proposed again, and the mentor answers.
    const second = await propose(staff, assignment.id, online);
    expect(second.status).toBe(302);
    expect((await act(mentor!.cookie, second.sessionId!, { intent: "confirm" })).status).toBe(302);
  });
});

describe("bad proposals get a clear 4xx and change nothing", () => {
  it("bad dates, times, lengths, links and rooms are 400 beside their field", async () => {
    const { assignment, founder } = await createAssignment();
    const monday = await openWeek(2);
    const cases: Array<[Record<string, string>, string, string]> = [
      [{ date: "31/02/2027" }, "date", "sessions.error.invalid_date"],
      [{ date: "" }, "date", "form.required"],
      [{ start: "25:00" }, "start", "sessions.error.invalid_time"],
      [{ minutes: "17" }, "minutes", "sessions.error.invalid_length"],
      [{ topic: "  " }, "topic", "form.required"],
      [{ mode: "phone" }, "mode", "sessions.error.mode_required"],
      [{ resourceId: "" }, "resourceId", "sessions.error.room_required"],
      [{ resourceId: "00000000-0000-4000-8000-000000000000" }, "resourceId", "sessions.error.room_required"],
      [{ mode: "online", onlineUrl: "http://meet.example.vn/x" }, "onlineUrl", "sessions.error.online_url"],
      [{ mode: "online", onlineUrl: "không phải link" }, "onlineUrl", "sessions.error.online_url"],
    ];
    const meetingRoom = await room();
    for (const [override, field, message] of cases) {
      const result = await propose(
        founder!.cookie,
        assignment.id,
        proposal(monday, { resourceId: meetingRoom.id, ...override }),
      );
      expect(result.status, JSON.stringify(override)).toBe(400);
      expect(result.errors[field], JSON.stringify(override)).toBe(message);
    }
    // A desk is not a meeting room.
    const desk = await createResource("hot_desk");
    const onDesk = await propose(founder!.cookie, assignment.id, proposal(monday, { resourceId: desk.id }));
    expect(onDesk.errors.resourceId).toBe("sessions.error.room_required");
    expect(await sessionsOf(assignment.id)).toHaveLength(0);
  });

  it("the past, outside the assignment, outside office hours and a day away are refused for the parties", async () => {
    const monday = await openWeek(2);
    const { user: mentor, cookie: mentorCookie } = await createMentor({
      officeHours: [{ weekday: 2, startsAt: "09:00", endsAt: "11:00" }],
      away: [
        {
          startsOn: monday.plus({ weeks: 1, days: 1 }).toISODate()!,
          endsOn: monday.plus({ weeks: 1, days: 1 }).toISODate()!,
        },
      ],
    });
    const { assignment, founder } = await createAssignment({
      mentorId: mentor.id,
      endsOn: monday.plus({ days: 20 }).toISODate()!,
    });
    const tuesday = monday.plus({ days: 1 });
    const online = (day: DateTime, start: string, minutes = "60") =>
      proposal(day, { mode: "online", onlineUrl: "https://meet.example.vn/x", start, minutes });
    const yesterday = DateTime.now().setZone(ZONE).minus({ days: 1 });
    const refusals: Array<[string, Record<string, string>, string, string]> = [
      [founder!.cookie, online(yesterday, "09:00"), "date", "sessions.error.in_past"],
      [founder!.cookie, online(tuesday.plus({ weeks: 3 }), "09:00"), "date", "sessions.error.outside_assignment"],
      [founder!.cookie, online(tuesday, "08:30"), "start", "sessions.error.outside_office_hours"],
      [founder!.cookie, online(tuesday, "10:30"), "start", "sessions.error.outside_office_hours"],
      [founder!.cookie, online(monday, "09:00"), "start", "sessions.error.outside_office_hours"],
      [mentorCookie, online(tuesday.plus({ weeks: 1 }), "09:00"), "start", "sessions.error.outside_office_hours"],
    ];
    for (const [cookie, form, field, message] of refusals) {
      const result = await propose(cookie, assignment.id, form);
      expect(result.status, `${form.date} ${form.start}`).toBe(400);
      expect(result.errors[field], `${form.date} ${form.start}`).toBe(message);
    }
    expect(await sessionsOf(assignment.id)).toHaveLength(0);

    // Touching the window's edges is inside it.
    expect((await propose(founder!.cookie, assignment.id, online(tuesday, "10:00"))).status).toBe(302);

    // Staff may override office hours with the tick box, never the past.
    const { cookie: staff } = await createUser("staff");
    const outside = online(tuesday, "15:00");
    expect((await propose(staff, assignment.id, outside)).errors.start).toBe("sessions.error.outside_office_hours");
    expect((await propose(staff, assignment.id, { ...outside, override: "on" })).status).toBe(302);
    expect((await propose(staff, assignment.id, { ...online(yesterday, "15:00"), override: "on" })).status).toBe(400);
    // The tick box means nothing from a founder.
    const founderOverride = await propose(founder!.cookie, assignment.id, {
      ...online(tuesday, "16:00"),
      override: "on",
    });
    expect(founderOverride.errors.start).toBe("sessions.error.outside_office_hours");
    expect(await sessionsOf(assignment.id)).toHaveLength(2);
  });

  it("a session overlapping the mentor's or the team's other session is 409; touching is fine", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const other = await createAssignment({ mentorId: mentor!.user.id });
    const secondMentor = await createAssignment({ teamId: assignment.team_id });
    const friday = (await openWeek(2)).plus({ days: 4 });
    const online = (start: string, minutes = "60") =>
      proposal(friday, { mode: "online", onlineUrl: "https://meet.example.vn/x", start, minutes });

    expect((await propose(founder!.cookie, assignment.id, online("10:00", "90"))).status).toBe(302);

    const mentorBusy = await propose(other.founder!.cookie, other.assignment.id, online("11:00"));
    expect(mentorBusy.status).toBe(409);
    expect(mentorBusy.errors.start).toBe("sessions.error.mentor_busy");
    const teamBusy = await propose(founder!.cookie, secondMentor.assignment.id, online("09:30"));
    expect(teamBusy.status).toBe(409);
    expect(teamBusy.errors.start).toBe("sessions.error.team_busy");
    expect(await sessionsOf(other.assignment.id)).toHaveLength(0);
    expect(await sessionsOf(secondMentor.assignment.id)).toHaveLength(0);
    // No message went out for a refused proposal.
    expect(await messagesTo(secondMentor.mentor!.user.email)).toHaveLength(0);

    expect((await propose(other.founder!.cookie, other.assignment.id, online("11:30"))).status).toBe(302);
    expect((await propose(founder!.cookie, secondMentor.assignment.id, online("09:00"))).status).toBe(302);
  });

  it("a closed room, a room already booked, or a time the centre is closed are refused at proposal", async () => {
    const { assignment, founder } = await createAssignment();
    const centre = await requireCurrentCentre();
    const meetingRoom = await room();
    const monday = await openWeek(2);
    await db()
      .insertInto("closure")
      .values({
        centre_id: centre.id,
        resource_id: meetingRoom.id,
        kind: "maintenance",
        reason_vi: "Sửa máy chiếu",
        reason_en: "Projector repair",
        starts_at: at(monday, "08:00"),
        ends_at: at(monday, "12:00"),
      })
      .execute();
    const closed = await propose(founder!.cookie, assignment.id, proposal(monday, { resourceId: meetingRoom.id }));
    expect(closed.status).toBe(409);
    expect(closed.errors.resourceId).toBe("bookings.error.closed");

    // Sunday the centre does not open; 19:00 is after closing.
    const sunday = monday.plus({ days: 6 });
    const sundayResult = await propose(
      founder!.cookie,
      assignment.id,
      proposal(sunday, { resourceId: meetingRoom.id }),
    );
    expect(sundayResult.status).toBe(409);
    expect(sundayResult.errors.resourceId).toBe("bookings.error.closed_day");
    const late = await propose(
      founder!.cookie,
      assignment.id,
      proposal(monday.plus({ days: 1 }), { resourceId: meetingRoom.id, start: "16:30" }),
    );
    expect(late.status).toBe(400);
    expect(late.errors.resourceId).toBe("bookings.error.outside_hours");

    const { user: desker } = await createUser("founder");
    await db()
      .insertInto("booking")
      .values({
        centre_id: centre.id,
        resource_id: meetingRoom.id,
        user_id: desker.id,
        status: "confirmed",
        starts_at: at(monday.plus({ days: 2 }), "09:30"),
        ends_at: at(monday.plus({ days: 2 }), "10:30"),
      })
      .execute();
    const taken = await propose(
      founder!.cookie,
      assignment.id,
      proposal(monday.plus({ days: 2 }), { resourceId: meetingRoom.id }),
    );
    expect(taken.status).toBe(409);
    expect(taken.errors.resourceId).toBe("sessions.error.room_taken");
    expect(await sessionsOf(assignment.id)).toHaveLength(0);
  });

  it("someone not party to the assignment gets a 404; a visitor is sent to sign in; an ended assignment is 409", async () => {
    const { assignment } = await createAssignment();
    const monday = await openWeek(2);
    const online = proposal(monday, { mode: "online", onlineUrl: "https://meet.example.vn/x" });
    const { founder: stranger } = await createTeamWithFounder();
    const { cookie: otherMentor } = await createMentor();
    for (const cookie of [stranger.cookie, otherMentor]) {
      expect((await propose(cookie, assignment.id, online)).status).toBe(404);
      expect(statusOf(await call(proposeLoader, `/sessions/new?assignment=${assignment.id}`, { cookie }))).toBe(404);
    }
    expect((await propose(stranger.cookie, "not-a-uuid", online)).status).toBe(404);
    const visitor = await call(proposeLoader, `/sessions/new?assignment=${assignment.id}`);
    expect(statusOf(visitor)).toBe(302);
    expect((visitor as Response).headers.get("Location")).toContain("/sign-in");
    expect(await sessionsOf(assignment.id)).toHaveLength(0);

    const ended = await createAssignment({ status: "ended" });
    const result = await propose(ended.founder!.cookie, ended.assignment.id, online);
    expect(result.status).toBe(409);
    expect(result.errors._form).toBe("sessions.error.assignment_ended");
  });
});

describe("confirmation when the room has changed since the proposal", () => {
  it("a room booked or closed meanwhile refuses the confirmation: nothing confirmed, nothing booked", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const centre = await requireCurrentCentre();
    const meetingRoom = await room();
    const monday = await openWeek(2);
    const tuesday = monday.plus({ days: 1 });

    const first = await propose(founder!.cookie, assignment.id, proposal(monday, { resourceId: meetingRoom.id }));
    const second = await propose(founder!.cookie, assignment.id, proposal(tuesday, { resourceId: meetingRoom.id }));
    expect([first.status, second.status]).toEqual([302, 302]);

    // A desk-user takes the room for part of Monday's session.
    const { user: desker } = await createUser("founder");
    await db()
      .insertInto("booking")
      .values({
        centre_id: centre.id,
        resource_id: meetingRoom.id,
        user_id: desker.id,
        status: "confirmed",
        starts_at: at(monday, "09:30"),
        ends_at: at(monday, "11:00"),
      })
      .execute();
    const taken = await act(mentor!.cookie, first.sessionId!, { intent: "confirm" });
    expect(taken.status).toBe(409);
    expect(taken.errors._form).toBe("sessions.error.room_taken");
    expect((await sessionRow(first.sessionId!)).status).toBe("proposed");
    expect((await sessionRow(first.sessionId!)).booking_id).toBeNull();

    // Staff close the room on Tuesday morning.
    await db()
      .insertInto("closure")
      .values({
        centre_id: centre.id,
        resource_id: meetingRoom.id,
        kind: "maintenance",
        reason_vi: "Bảo trì",
        reason_en: "Maintenance",
        starts_at: at(tuesday, "07:30"),
        ends_at: at(tuesday, "12:00"),
      })
      .execute();
    const closed = await act(mentor!.cookie, second.sessionId!, { intent: "confirm" });
    expect(closed.status).toBe(409);
    expect(closed.errors._form).toBe("bookings.error.closed");
    expect((await sessionRow(second.sessionId!)).status).toBe("proposed");

    const bookings = await bookingsOf(meetingRoom.id);
    expect(bookings.map((b) => b.user_id)).toEqual([desker.id]);
    expect(await messagesTo(founder!.user.email, "session.confirmed")).toHaveLength(0);
    expect(await messagesTo(founder!.user.email, "booking.confirmed")).toHaveLength(0);
  });
});

describe("cancelling and recording", () => {
  it("either side cancels before the start with a reason; the room booking goes with it", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const meetingRoom = await room();
    const monday = await openWeek(2);
    const proposed = await propose(founder!.cookie, assignment.id, proposal(monday, { resourceId: meetingRoom.id }));
    expect((await act(mentor!.cookie, proposed.sessionId!, { intent: "confirm" })).status).toBe(302);

    const noReason = await act(founder!.cookie, proposed.sessionId!, { intent: "cancel", reason: " " });
    expect(noReason.status).toBe(400);
    expect(noReason.errors.reason).toBe("form.required");
    expect((await sessionRow(proposed.sessionId!)).status).toBe("confirmed");

    const cancelled = await act(founder!.cookie, proposed.sessionId!, { intent: "cancel", reason: "Nhóm đi hội chợ" });
    expect(cancelled.status).toBe(302);
    const row = await sessionRow(proposed.sessionId!);
    expect(row).toMatchObject({
      status: "cancelled",
      cancel_reason: "Nhóm đi hội chợ",
      cancelled_by: founder!.user.id,
    });
    const [booking] = await bookingsOf(meetingRoom.id);
    expect(booking).toMatchObject({ status: "cancelled", cancel_reason: "Nhóm đi hội chợ" });
    const told = await messagesTo(mentor!.user.email, "session.cancelled");
    expect(told).toHaveLength(1);
    expect(told[0]!.text_body).toContain("Nhóm đi hội chợ");

    // The freed time can be proposed again, and the room booked again.
    const again = await propose(mentor!.cookie, assignment.id, proposal(monday, { resourceId: meetingRoom.id }));
    expect(again.status).toBe(302);
    expect((await act(founder!.cookie, again.sessionId!, { intent: "confirm" })).status).toBe(302);
  });

  it("after the end the mentor records notes; they reach the mentor, the team and staff only", async () => {
    const { assignment, mentor, founder } = await createAssignment();
    const now = DateTime.now().setZone(ZONE).startOf("minute");
    const past = await insertSession(assignment, {
      start: now.minus({ minutes: 100 }).toJSDate(),
      end: now.minus({ minutes: 40 }).toJSDate(),
    });
    const future = await insertSession(assignment, {
      start: now.plus({ days: 3 }).toJSDate(),
      end: now.plus({ days: 3, minutes: 60 }).toJSDate(),
    });
    const hoursBefore = dataOf<{ hours: number }>(
      await call(mentorLoader, "/mentor", { cookie: mentor!.cookie }),
    ).hours;

    // Too late to cancel, too early to record.
    expect((await act(founder!.cookie, past.id, { intent: "cancel", reason: "Ốm" })).status).toBe(409);
    const early = await act(mentor!.cookie, future.id, { intent: "record", outcome: "done", notes: "x" });
    expect(early.status).toBe(409);
    expect(early.errors._form).toBe("sessions.error.not_ended");
    // Only the mentor records.
    const byFounder = await act(founder!.cookie, past.id, { intent: "record", outcome: "done", notes: "Tự ghi" });
    expect(byFounder.status).toBe(403);
    expect((await act(mentor!.cookie, past.id, { intent: "record", outcome: "maybe" })).status).toBe(400);

    const notes = "Đã rà soát bảng giá; cần tính lại giá vốn.";
    const recorded = await act(mentor!.cookie, past.id, {
      intent: "record",
      outcome: "done",
      notes,
      actionItems: "Gửi bảng giá mới\nLiên hệ hợp tác xã",
    });
    expect(recorded.status).toBe(302);
    expect(await sessionRow(past.id)).toMatchObject({ status: "done", notes });
    expect(await messagesTo(founder!.user.email, "session.done")).toHaveLength(1);
    // Recorded once.
    expect((await act(mentor!.cookie, past.id, { intent: "record", outcome: "no_show" })).status).toBe(409);

    const { cookie: staff } = await createUser("staff");
    for (const cookie of [mentor!.cookie, founder!.cookie, staff]) {
      const page = await viewSession(cookie, past.id);
      expect(page.status).toBe(200);
      expect((page.data!.notes as { notes: string }).notes).toBe(notes);
    }
    const { founder: stranger } = await createTeamWithFounder();
    const { cookie: otherMentor } = await createMentor();
    for (const cookie of [stranger.cookie, otherMentor]) {
      const page = await viewSession(cookie, past.id);
      expect(page.status).toBe(404);
      expect(JSON.stringify(page.data ?? "")).not.toContain(notes);
    }
    // Not in the lists of other people either.
    const strangerList = dataOf<{ past: { id: string }[] }>(
      await call(teamSessionsLoader, "/team/sessions", { cookie: stranger.cookie }),
    );
    expect(strangerList.past.map((s) => s.id)).not.toContain(past.id);

    // Delivered hours of this month go up by the session's hour (when it started this month).
    const hoursAfter = dataOf<{ hours: number }>(await call(mentorLoader, "/mentor", { cookie: mentor!.cookie })).hours;
    const thisMonth = now.minus({ minutes: 100 }).hasSame(now, "month");
    expect(hoursAfter).toBe(thisMonth ? hoursBefore + 1 : hoursBefore);

    const staffList = dataOf<{ sessions: { id: string; status: string }[] }>(
      await call(staffSessionsLoader, "/staff/sessions", { cookie: staff }),
    );
    expect(staffList.sessions.find((s) => s.id === past.id)?.status).toBe("done");
    expect(statusOf(await call(staffSessionsLoader, "/staff/sessions", { cookie: founder!.cookie }))).toBe(403);
    expect(statusOf(await call(mentorLoader, "/mentor", { cookie: founder!.cookie }))).toBe(403);
  });
});
