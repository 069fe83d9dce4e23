// Assignments of mentors to teams: creating and ending them, who sees whose contacts, planned
// against delivered hours, stalled assignments, and teams' requests for a mentor.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loader as mentorTeamPageLoader } from "~/routes/mentors.teams.$teamId";
import { loader as mentorTeamsLoader } from "~/routes/mentors.teams._index";
import { action as assignAction, loader as assignmentsLoader } from "~/routes/staff.mentors.assignments";
import { action as answerAction, loader as requestsLoader } from "~/routes/staff.mentors.requests";
import { loader as myTeamLoader } from "~/routes/team";
import { action as teamMentorsAction, loader as teamMentorsLoader } from "~/routes/team_.mentors";
import { assignMentor } from "~/features/assignments/assign-mentor.server";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createAssignment, createDoneSession, createExpertiseTag, createMentor, localDate } from "../setup/mentors";
import { call, dataOf, statusOf } from "../setup/requests";
import { createTeamWithFounder } from "../setup/teams";

useTestDatabase();

type Errors = { errors?: Record<string, string> };
const toVn = (iso: string) => iso.split("-").reverse().join("/");

async function assignmentsOf(teamId: string) {
  return db().selectFrom("mentor_assignment").selectAll().where("team_id", "=", teamId).execute();
}
async function outboxTo(email: string) {
  return db().selectFrom("outbox").selectAll().where("to_address", "=", email).orderBy("created_at").execute();
}

function assignForm(mentorId: string, teamId: string, overrides: Record<string, string> = {}) {
  return {
    intent: "assign",
    mentorId,
    teamId,
    startsOn: toVn(localDate(0)),
    endsOn: toVn(localDate(120)),
    focus: "Xây dựng kênh bán hàng trực tuyến",
    plannedHours: "12,5",
    ...overrides,
  };
}

describe("assigning a mentor to a team", () => {
  it("creates the assignment, emails the founders, and opens contacts to both sides only", async () => {
    const staff = await createUser("staff");
    const mentor = await createMentor({ name: `Cố vấn Lường ${randomUUID().slice(0, 4)}` });
    await db().updateTable("app_user").set({ phone: "0988 111 222" }).where("id", "=", mentor.user.id).execute();
    const { team, founder } = await createTeamWithFounder();
    await db().updateTable("app_user").set({ phone: "0977 333 444" }).where("id", "=", founder.user.id).execute();

    // Before: neither side sees the other.
    const teamBefore = JSON.stringify(
      dataOf(await call(teamMentorsLoader, "/team/mentors", { cookie: founder.cookie })),
    );
    expect(teamBefore).not.toContain(mentor.user.email);
    const mentorBefore = JSON.stringify(
      dataOf(await call(mentorTeamsLoader, "/mentors/teams", { cookie: mentor.cookie })),
    );
    expect(mentorBefore).not.toContain(founder.user.email);

    const result = await call(assignAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: assignForm(mentor.user.id, team.id),
    });
    expect(statusOf(result)).toBe(200);
    const [row] = await assignmentsOf(team.id);
    expect(row).toMatchObject({
      mentor_id: mentor.user.id,
      starts_on: localDate(0),
      ends_on: localDate(120),
      status: "active",
      created_by: staff.user.id,
    });
    expect(Number(row!.planned_hours)).toBe(12.5);
    const mails = await outboxTo(founder.user.email);
    expect(mails.at(-1)?.kind).toBe("mentor-assigned");
    expect(mails.at(-1)?.subject).toContain(mentor.user.name);
    expect(mails.at(-1)?.text_body).toContain(toVn(localDate(120)));
    expect(mails.at(-1)?.text_body).toContain("dự kiến 12,5 giờ");
    const toMentor = (await outboxTo(mentor.user.email)).at(-1);
    expect(toMentor?.subject).toBe(`Bạn được phân công cố vấn nhóm ${team.name}`);
    expect(toMentor?.text_body).toContain("dự kiến 12,5 giờ");

    // The team's founders see the mentor's profile and contacts.
    const teamPage = dataOf<{
      teams: Array<{
        id: string;
        assignments: Array<{
          mentor: { email: string; phone: string | null } | null;
          planned_hours: number;
          delivered_hours: number;
        }>;
      }>;
    }>(await call(teamMentorsLoader, "/team/mentors", { cookie: founder.cookie }));
    const mine = teamPage.teams.find((t) => t.id === team.id)!;
    expect(mine.assignments[0]).toMatchObject({
      mentor: { email: mentor.user.email, phone: "0988 111 222" },
      planned_hours: 12.5,
      delivered_hours: 0,
    });
    // The mentor sees the founders' contacts.
    const mentorPage = dataOf<{
      assignments: Array<{ team_id: string; founders: Array<{ email: string; phone: string | null }> }>;
    }>(await call(mentorTeamsLoader, "/mentors/teams", { cookie: mentor.cookie }));
    expect(mentorPage.assignments.find((a) => a.team_id === team.id)?.founders).toEqual([
      expect.objectContaining({ email: founder.user.email, phone: "0977 333 444" }),
    ]);

    // Nobody else: another founder, another mentor.
    const otherFounder = await createTeamWithFounder();
    const otherMentor = await createMentor();
    const elsewhere = JSON.stringify(
      dataOf(await call(teamMentorsLoader, "/team/mentors", { cookie: otherFounder.founder.cookie })),
    );
    expect(elsewhere).not.toContain(mentor.user.email);
    const otherMentorPage = JSON.stringify(
      dataOf(await call(mentorTeamsLoader, "/mentors/teams", { cookie: otherMentor.cookie })),
    );
    expect(otherMentorPage).not.toContain(founder.user.email);
  });

  it("refuses bad input with 400 beside the field and writes nothing", async () => {
    const staff = await createUser("staff");
    const mentor = await createMentor();
    const inactive = await createMentor({ isActive: false });
    const { team, founder } = await createTeamWithFounder();
    const left = await createTeamWithFounder({ status: "left" });
    const cases: Array<[Record<string, string>, Record<string, string>]> = [
      [{ mentorId: "" }, { mentorId: "assignments.error.chooseMentor" }],
      [{ teamId: "x" }, { teamId: "assignments.error.chooseTeam" }],
      [{ startsOn: "32/01/2027" }, { startsOn: "mentors.error.invalidDate" }],
      [{ startsOn: toVn(localDate(10)), endsOn: toVn(localDate(5)) }, { endsOn: "mentors.error.endBeforeStart" }],
      [{ focus: "" }, { focus: "form.required" }],
      [{ plannedHours: "0" }, { plannedHours: "assignments.error.plannedHours" }],
      [{ plannedHours: "mười" }, { plannedHours: "assignments.error.plannedHours" }],
      [{ plannedHours: "1.25" }, { plannedHours: "assignments.error.plannedHours" }],
      [{ mentorId: inactive.user.id }, { mentorId: "assignments.error.mentorInactive" }],
      [{ mentorId: founder.user.id }, { mentorId: "assignments.error.mentorInactive" }],
      [{ teamId: left.team.id }, { teamId: "assignments.error.teamNotIncubating" }],
    ];
    const outboxBefore = (await db().selectFrom("outbox").select("id").execute()).length;
    for (const [change, errors] of cases) {
      const result = await call(assignAction, "/staff/mentors/assignments", {
        cookie: staff.cookie,
        form: assignForm(mentor.user.id, team.id, change),
      });
      expect(statusOf(result), JSON.stringify(change)).toBe(400);
      expect(dataOf<Errors>(result).errors, JSON.stringify(change)).toEqual(errors);
    }
    expect(await assignmentsOf(team.id)).toEqual([]);
    expect(await assignmentsOf(left.team.id)).toEqual([]);
    expect((await db().selectFrom("outbox").select("id").execute()).length).toBe(outboxBefore);

    // Founders and mentors cannot assign: 403, nothing written.
    for (const cookie of [founder.cookie, mentor.cookie]) {
      expect(
        statusOf(
          await call(assignAction, "/staff/mentors/assignments", { cookie, form: assignForm(mentor.user.id, team.id) }),
        ),
      ).toBe(403);
    }
    expect(await assignmentsOf(team.id)).toEqual([]);
  });

  it("ends an assignment: contacts and the team's private page close to the mentor, hours stay", async () => {
    const staff = await createUser("staff");
    const { assignment, mentor, team, founder } = await createAssignment();
    await createDoneSession(assignment, { hours: 2 });
    const params = { teamId: team!.id };
    expect(
      statusOf(await call(mentorTeamPageLoader, `/mentors/teams/${team!.id}`, { cookie: mentor!.cookie, params })),
    ).toBe(200);

    const ended = await call(assignAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: { intent: "end", assignmentId: assignment.id },
    });
    expect(statusOf(ended)).toBe(200);
    expect((await assignmentsOf(team!.id))[0]?.status).toBe("ended");
    expect(
      statusOf(await call(mentorTeamPageLoader, `/mentors/teams/${team!.id}`, { cookie: mentor!.cookie, params })),
    ).toBe(404);
    const mentorPage = dataOf<{
      assignments: Array<{ id: string; founders: unknown[]; delivered_hours: number; status: string }>;
    }>(await call(mentorTeamsLoader, "/mentors/teams", { cookie: mentor!.cookie }));
    expect(mentorPage.assignments.find((a) => a.id === assignment.id)).toMatchObject({
      status: "ended",
      founders: [],
      delivered_hours: 2,
    });
    const teamPage = JSON.stringify(
      dataOf(await call(teamMentorsLoader, "/team/mentors", { cookie: founder!.cookie })),
    );
    expect(teamPage).not.toContain(mentor!.user.email);

    const unknown = await call(assignAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: { intent: "end", assignmentId: randomUUID() },
    });
    expect(statusOf(unknown)).toBe(404);
  });
});

describe("planned against delivered hours, and stalled assignments", () => {
  it("counts only done sessions and flags quiet or far-behind assignments in words", async () => {
    const staff = await createUser("staff");
    // Started 60 days ago, 60 of 121 days gone: ~10 of 20 hours due.
    const onTrack = await createAssignment({ startsOn: localDate(-60), endsOn: localDate(60), plannedHours: 20 });
    await createDoneSession(onTrack.assignment, { daysAgo: 40, hours: 3 });
    await createDoneSession(onTrack.assignment, { daysAgo: 5, hours: 3 });
    // A proposed (not done) session does not count.
    await db()
      .insertInto("mentoring_session")
      .values({
        centre_id: onTrack.assignment.centre_id,
        assignment_id: onTrack.assignment.id,
        mentor_id: onTrack.assignment.mentor_id,
        team_id: onTrack.assignment.team_id,
        starts_at: new Date(Date.now() + 3 * 86_400_000),
        ends_at: new Date(Date.now() + 3 * 86_400_000 + 4 * 3_600_000),
        mode: "online",
        online_url: "https://meet.example.vn/x",
        proposed_side: "team",
      })
      .execute();
    const quiet = await createAssignment({ startsOn: localDate(-60), endsOn: localDate(60), plannedHours: 20 });
    await createDoneSession(quiet.assignment, { daysAgo: 35, hours: 8 });
    const behind = await createAssignment({ startsOn: localDate(-60), endsOn: localDate(60), plannedHours: 20 });
    await createDoneSession(behind.assignment, { daysAgo: 3, hours: 2 });
    const young = await createAssignment({ startsOn: localDate(-10), endsOn: localDate(60), plannedHours: 20 });

    type Row = { id: string; delivered_hours: number; planned_hours: number; stalled: string[] };
    const page = dataOf<{ assignments: Row[] }>(
      await call(assignmentsLoader, "/staff/mentors/assignments", { cookie: staff.cookie }),
    );
    const find = (id: string) => page.assignments.find((a) => a.id === id)!;
    expect(find(onTrack.assignment.id)).toMatchObject({ delivered_hours: 6, planned_hours: 20, stalled: [] });
    expect(find(quiet.assignment.id)).toMatchObject({ delivered_hours: 8, stalled: ["quiet"] });
    expect(find(behind.assignment.id)).toMatchObject({ delivered_hours: 2, stalled: ["behind"] });
    expect(find(young.assignment.id)).toMatchObject({ delivered_hours: 0, stalled: [] });

    // The team sees the same figures on its mentors page.
    const teamPage = dataOf<{
      teams: Array<{ id: string; assignments: Array<{ delivered_hours: number; planned_hours: number }> }>;
    }>(await call(teamMentorsLoader, "/team/mentors", { cookie: onTrack.founder!.cookie }));
    expect(teamPage.teams.find((t) => t.id === onTrack.team!.id)?.assignments[0]).toMatchObject({
      delivered_hours: 6,
      planned_hours: 20,
    });
  });

  it("reports the team's done mentoring hours as support received, never valued in đồng", async () => {
    const { assignment, founder, team } = await createAssignment({ startsOn: localDate(-30) });
    await createDoneSession(assignment, { daysAgo: 3, hours: 1.5 });
    await createDoneSession(assignment, { daysAgo: 10, hours: 1 });
    type Figure = { key: string; quantity: number; valueVnd: number; unvalued?: boolean };
    const page = dataOf<{ teams: Array<{ id: string; support: { figures: Figure[]; totalVnd: number } }> }>(
      await call(myTeamLoader, "/team", { cookie: founder!.cookie }),
    );
    const support = page.teams.find((t) => t.id === team!.id)!.support;
    expect(support.figures.find((f) => f.key === "mentoring")).toMatchObject({
      quantity: 2.5,
      valueVnd: 0,
      unvalued: true,
    });
    expect(support.figures.find((f) => f.key === "trainings")).toMatchObject({ quantity: 0, valueVnd: 0 });
    expect(support.totalVnd).toBe(0);
  });
});

describe("a team asking for a mentor", () => {
  it("lets a founder ask with an expertise and a note; bad input is 400, another team's id is 404", async () => {
    const tag = await createExpertiseTag();
    const retired = await createExpertiseTag({ isActive: false });
    const { team, founder } = await createTeamWithFounder();
    const other = await createTeamWithFounder();
    const ask = (form: Record<string, string>, cookie = founder.cookie) =>
      call(teamMentorsAction, "/team/mentors", { cookie, form });
    const requests = () => db().selectFrom("mentor_request").selectAll().where("team_id", "=", team.id).execute();

    expect(dataOf<Errors>(await ask({ teamId: team.id, tagId: "", note: "Cần hỗ trợ" })).errors).toEqual({
      tagId: "assignments.error.chooseTag",
    });
    expect(dataOf<Errors>(await ask({ teamId: team.id, tagId: String(tag.id), note: "  " })).errors).toEqual({
      note: "form.required",
    });
    const retiredAsk = await ask({ teamId: team.id, tagId: String(retired.id), note: "Cần hỗ trợ" });
    expect(statusOf(retiredAsk)).toBe(400);
    expect(dataOf<Errors>(retiredAsk).errors).toEqual({ tagId: "assignments.error.chooseTag" });
    expect(statusOf(await ask({ teamId: other.team.id, tagId: String(tag.id), note: "Xin cố vấn" }))).toBe(404);
    const mentor = await createMentor();
    expect(statusOf(await ask({ teamId: team.id, tagId: String(tag.id), note: "x" }, mentor.cookie))).toBe(403);
    expect(await requests()).toEqual([]);

    const sent = await ask({ teamId: team.id, tagId: String(tag.id), note: "Cần người hướng dẫn làm hồ sơ OCOP." });
    expect(statusOf(sent)).toBe(200);
    expect(await requests()).toEqual([
      expect.objectContaining({ tag_id: tag.id, status: "open", requested_by: founder.user.id }),
    ]);
  });

  it("lets staff reply or decline with a message the founders receive, once", async () => {
    const staff = await createUser("staff");
    const tag = await createExpertiseTag();
    const { team, founder } = await createTeamWithFounder();
    await call(teamMentorsAction, "/team/mentors", {
      cookie: founder.cookie,
      form: { teamId: team.id, tagId: String(tag.id), note: "Cần cố vấn pháp lý." },
    });
    const request = await db()
      .selectFrom("mentor_request")
      .selectAll()
      .where("team_id", "=", team.id)
      .executeTakeFirstOrThrow();
    const open = dataOf<{ open: Array<{ id: string; team_name: string }> }>(
      await call(requestsLoader, "/staff/mentors/requests", { cookie: staff.cookie }),
    );
    expect(open.open.map((r) => r.id)).toContain(request.id);

    const blank = await call(answerAction, "/staff/mentors/requests", {
      cookie: staff.cookie,
      form: { requestId: request.id, decision: "decline", answer: "" },
    });
    expect(statusOf(blank)).toBe(400);
    expect(dataOf<Errors>(blank).errors).toEqual({ answer: "form.required" });
    expect(
      (await db().selectFrom("mentor_request").select("status").where("id", "=", request.id).executeTakeFirstOrThrow())
        .status,
    ).toBe("open");

    const declined = await call(answerAction, "/staff/mentors/requests", {
      cookie: staff.cookie,
      form: {
        requestId: request.id,
        decision: "decline",
        answer: "Hiện chưa có cố vấn pháp lý rảnh; xin hẹn tháng sau.",
      },
    });
    expect(statusOf(declined)).toBe(200);
    const row = await db()
      .selectFrom("mentor_request")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "declined", answered_by: staff.user.id });
    const mail = (await outboxTo(founder.user.email)).at(-1);
    expect(mail?.kind).toBe("mentor-request-declined");
    expect(mail?.text_body).toContain("xin hẹn tháng sau");

    // Answering again: refused, nothing changes, no second message.
    const again = await call(answerAction, "/staff/mentors/requests", {
      cookie: staff.cookie,
      form: { requestId: request.id, decision: "reply", answer: "Thử lại" },
    });
    expect(statusOf(again)).toBe(400);
    expect(dataOf<Errors>(again).errors).toEqual({ _form: "assignments.error.requestAnswered" });
    expect((await outboxTo(founder.user.email)).filter((m) => m.kind.startsWith("mentor-request"))).toHaveLength(1);

    // The team sees the answer.
    const teamPage = JSON.stringify(dataOf(await call(teamMentorsLoader, "/team/mentors", { cookie: founder.cookie })));
    expect(teamPage).toContain("xin hẹn tháng sau");

    const unknown = await call(answerAction, "/staff/mentors/requests", {
      cookie: staff.cookie,
      form: { requestId: randomUUID(), decision: "reply", answer: "?" },
    });
    expect(statusOf(unknown)).toBe(404);
    expect(statusOf(await call(requestsLoader, "/staff/mentors/requests", { cookie: founder.cookie }))).toBe(403);
  });

  it("answers a request with an assignment, linking the two", async () => {
    const staff = await createUser("staff");
    const tag = await createExpertiseTag();
    const mentor = await createMentor({ tagIds: [tag.id] });
    const { team, founder } = await createTeamWithFounder();
    const other = await createTeamWithFounder();
    await call(teamMentorsAction, "/team/mentors", {
      cookie: founder.cookie,
      form: { teamId: team.id, tagId: String(tag.id), note: "Cần cố vấn marketing." },
    });
    const request = await db()
      .selectFrom("mentor_request")
      .selectAll()
      .where("team_id", "=", team.id)
      .executeTakeFirstOrThrow();

    const page = dataOf<{ answering: { id: string; teamId: string } | null }>(
      await call(assignmentsLoader, `/staff/mentors/assignments?request=${request.id}`, { cookie: staff.cookie }),
    );
    expect(page.answering).toEqual({ id: request.id, teamId: team.id });

    // The request is this team's: assigning it to another team is refused.
    const wrongTeam = await call(assignAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: assignForm(mentor.user.id, other.team.id, { requestId: request.id }),
    });
    expect(statusOf(wrongTeam)).toBe(400);
    expect(dataOf<Errors>(wrongTeam).errors).toEqual({ teamId: "assignments.error.requestTeam" });
    expect(await assignmentsOf(other.team.id)).toEqual([]);

    const assigned = await call(assignAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: assignForm(mentor.user.id, team.id, { requestId: request.id }),
    });
    expect(statusOf(assigned)).toBe(200);
    const [assignment] = await assignmentsOf(team.id);
    const answered = await db()
      .selectFrom("mentor_request")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(answered).toMatchObject({ status: "answered", assignment_id: assignment!.id });

    // A second assignment for the same request: refused, nothing written.
    const twice = await call(assignAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      form: assignForm(mentor.user.id, team.id, { requestId: request.id }),
    });
    expect(statusOf(twice)).toBe(400);
    expect(await assignmentsOf(team.id)).toHaveLength(1);
  });

  it("lets exactly one of two staff members answer the same request at the same moment", async () => {
    const [staffA, staffB] = [await createUser("staff"), await createUser("staff")];
    const tag = await createExpertiseTag();
    const [mentorA, mentorB] = [await createMentor(), await createMentor()];
    const { team, founder } = await createTeamWithFounder();
    await call(teamMentorsAction, "/team/mentors", {
      cookie: founder.cookie,
      form: { teamId: team.id, tagId: String(tag.id), note: "Cần cố vấn gấp." },
    });
    const request = await db()
      .selectFrom("mentor_request")
      .selectAll()
      .where("team_id", "=", team.id)
      .executeTakeFirstOrThrow();
    const form = (mentorId: string) => ({
      mentorId,
      teamId: team.id,
      startsOn: localDate(0),
      endsOn: localDate(60),
      focus: "Gọi vốn",
      plannedHours: 6,
      requestId: request.id,
    });
    const centreId = request.centre_id;
    const results = await Promise.all([
      assignMentor(db(), { centreId, staffId: staffA.user.id, form: form(mentorA.user.id) }),
      assignMentor(db(), { centreId, staffId: staffB.user.id, form: form(mentorB.user.id) }),
    ]);
    expect(results.filter((r) => r?.ok)).toHaveLength(1);
    expect(results.filter((r) => r && !r.ok)).toEqual([
      { ok: false, errors: { _form: "assignments.error.requestAnswered" } },
    ]);
    const assignments = await assignmentsOf(team.id);
    expect(assignments).toHaveLength(1);
    const answered = await db()
      .selectFrom("mentor_request")
      .selectAll()
      .where("id", "=", request.id)
      .executeTakeFirstOrThrow();
    expect(answered.assignment_id).toBe(assignments[0]!.id);
    // Only the winner's email went out.
    expect((await outboxTo(founder.user.email)).filter((m) => m.kind === "mentor-assigned")).toHaveLength(1);
  });
});
