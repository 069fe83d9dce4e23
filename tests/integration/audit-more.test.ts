// The audit log's second round: judging set-up, answers to requests for a mentor, invitations,
// the directory and milestones staff edit on a team, mentor profiles edited by staff, money
// staff record, the plan's targets, and the client's address on every entry. Each change is
// recorded once with who and before/after; a refused change or a save that changes nothing is not.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { actionLabelKey, entityLabelKey } from "~/features/audit/rules";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { translate } from "~/i18n/translate";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as bookingsAction } from "~/routes/bookings._index";
import { action as ownProfileAction } from "~/routes/mentors.me";
import { action as sessionAction } from "~/routes/sessions.$sessionId";
import { action as proposeAction } from "~/routes/sessions.new";
import { action as invitationsAction } from "~/routes/staff.invitations";
import { action as mentorProfileAction } from "~/routes/staff.mentors.$mentorId";
import { action as assignmentsAction } from "~/routes/staff.mentors.assignments";
import { action as mentorRequestsAction } from "~/routes/staff.mentors.requests";
import { action as paymentsAction } from "~/routes/staff.payments";
import { action as roundAction } from "~/routes/staff.programmes_.$programmeId_.judging.$roundId._index";
import { action as newRoundAction } from "~/routes/staff.programmes_.$programmeId_.judging._index";
import { action as resourceAction } from "~/routes/staff.spaces.resources.new";
import { action as targetsAction } from "~/routes/staff.targets";
import { action as teamAction } from "~/routes/staff.teams.$teamId";
import { db } from "~/utils/database.server";
import { openWeek } from "../setup/bookings";
import { heldBooking } from "../setup/card-payments";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { createApplication, createProgramme, createRound } from "../setup/incubation";
import { createAssignment, createExpertiseTag, createMentor } from "../setup/mentors";
import { call, dataOf, statusOf } from "../setup/requests";
import { propose, proposal } from "../setup/sessions";
import { createTeamWithFounder } from "../setup/teams";

useTestDatabase();

type Staff = Awaited<ReturnType<typeof createUser>>;
let staff: Staff;
let admin: Staff;
beforeAll(async () => {
  staff = await createUser("staff", { name: "Cán bộ Quàng Thị Nhật Ký" });
  admin = await createUser("admin", { name: "Quản trị Lò Văn Xem" });
});

async function entriesFor(entityType: string, entityId: string) {
  return db()
    .selectFrom("audit_log")
    .selectAll()
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}

const IP = "203.0.113.45";

describe("judging set-up by staff", () => {
  it("records a round created and renamed, criteria added, changed and removed, judges assigned and unassigned", async () => {
    const programme = await createProgramme();
    const application = await createApplication(programme.id);
    const judge = await createUser("mentor", { name: "Giám khảo Hà Thị Chấm" });
    const closes = DateTime.now().setZone("Asia/Ho_Chi_Minh").plus({ days: 10 }).toFormat("dd/MM/yyyy HH:mm");

    const created = await call(newRoundAction, `/staff/programmes/${programme.id}/judging`, {
      cookie: staff.cookie,
      clientIp: IP,
      params: { programmeId: programme.id },
      form: { nameVi: "Vòng chung khảo", nameEn: "Final round", scoringClosesAt: closes },
    });
    expect(statusOf(created)).toBe(302);
    const roundId = /judging\/([0-9a-f-]{36})/.exec((created as Response).headers.get("Location") ?? "")![1]!;
    const path = `/staff/programmes/${programme.id}/judging/${roundId}`;
    const params = { programmeId: programme.id, roundId };
    const post = (form: Record<string, string | string[]>) =>
      call(roundAction, path, { cookie: staff.cookie, clientIp: IP, params, form });

    expect(
      statusOf(
        await post({ intent: "round", nameVi: "Vòng chung kết", nameEn: "Final round", scoringClosesAt: closes }),
      ),
    ).toBe(302);
    // Saving the same values again changes nothing, and nothing is recorded.
    expect(
      statusOf(
        await post({ intent: "round", nameVi: "Vòng chung kết", nameEn: "Final round", scoringClosesAt: closes }),
      ),
    ).toBe(302);
    const rounds = await entriesFor("judging_round", roundId);
    expect(rounds.map((e) => e.action)).toEqual(["judging_round.create", "judging_round.update"]);
    expect(rounds[0]).toMatchObject({ actor_id: staff.user.id, actor_role: "staff", ip: IP, before: null });
    expect(rounds[0]!.after).toMatchObject({ name_vi: "Vòng chung khảo", programme_id: programme.id });
    expect(rounds[1]!.before).toMatchObject({ name_vi: "Vòng chung khảo" });
    expect(rounds[1]!.after).toMatchObject({ name_vi: "Vòng chung kết" });

    const criterion = { nameVi: "Tính khả thi", nameEn: "Feasibility", weight: "2", minScore: "0", maxScore: "10" };
    expect(statusOf(await post({ intent: "add-criterion", ...criterion }))).toBe(302);
    // A refused criterion (range the wrong way round) writes nothing.
    expect(statusOf(await post({ intent: "add-criterion", ...criterion, minScore: "10", maxScore: "1" }))).toBe(400);
    const row = await db()
      .selectFrom("rubric_criterion")
      .selectAll()
      .where("round_id", "=", roundId)
      .executeTakeFirstOrThrow();
    expect(statusOf(await post({ intent: "update-criterion", criterionId: row.id, ...criterion, weight: "3" }))).toBe(
      302,
    );
    expect(statusOf(await post({ intent: "remove-criterion", criterionId: row.id }))).toBe(302);
    const criteria = await entriesFor("rubric_criterion", row.id);
    expect(criteria.map((e) => [e.action, e.actor_id])).toEqual([
      ["rubric_criterion.create", staff.user.id],
      ["rubric_criterion.update", staff.user.id],
      ["rubric_criterion.delete", staff.user.id],
    ]);
    expect(criteria[0]!.after).toMatchObject({ name_vi: "Tính khả thi", max_score: 10 });
    expect(Number((criteria[1]!.before as { weight: string }).weight)).toBe(2);
    expect(Number((criteria[1]!.after as { weight: string }).weight)).toBe(3);
    expect(criteria[2]!.before).toMatchObject({ id: row.id, name_vi: "Tính khả thi" });
    expect(criteria[2]!.after).toBeNull();

    expect(statusOf(await post({ intent: "assign", judgeId: judge.user.id, applicationIds: [application.id] }))).toBe(
      302,
    );
    // Assigning again adds nobody: nothing to record.
    expect(statusOf(await post({ intent: "assign", judgeId: judge.user.id, applicationIds: [application.id] }))).toBe(
      302,
    );
    expect(statusOf(await post({ intent: "unassign", judgeId: judge.user.id, applicationId: application.id }))).toBe(
      302,
    );
    const judges = await entriesFor("judge_assignment", `${roundId}/${judge.user.id}`);
    expect(judges.map((e) => [e.action, e.before, e.after])).toEqual([
      [
        "judge_assignment.create",
        null,
        {
          round_id: roundId,
          judge_id: judge.user.id,
          judge_name: "Giám khảo Hà Thị Chấm",
          application_ids: [application.id],
        },
      ],
      [
        "judge_assignment.delete",
        expect.objectContaining({ round_id: roundId, judge_id: judge.user.id, application_id: application.id }),
        null,
      ],
    ]);
  });

  it("records nothing when the rubric is frozen because a judge has scored", async () => {
    const programme = await createProgramme();
    const application = await createApplication(programme.id);
    const judge = await createUser("mentor");
    const { round, criteria } = await createRound(programme.id, {
      criteria: [{ nameVi: "Thị trường", weight: 1 }],
    });
    await db()
      .insertInto("judge_assignment")
      .values({ round_id: round.id, judge_id: judge.user.id, application_id: application.id })
      .execute();
    await db()
      .insertInto("judge_score")
      .values({
        round_id: round.id,
        judge_id: judge.user.id,
        application_id: application.id,
        criterion_id: criteria[0]!.id,
        score: 5,
      })
      .execute();
    const refused = await call(roundAction, `/staff/programmes/${programme.id}/judging/${round.id}`, {
      cookie: staff.cookie,
      params: { programmeId: programme.id, roundId: round.id },
      form: { intent: "remove-criterion", criterionId: criteria[0]!.id },
    });
    expect(statusOf(refused)).toBe(409);
    expect(await entriesFor("rubric_criterion", criteria[0]!.id)).toEqual([]);
  });
});

describe("mentoring and people", () => {
  it("records staff declining and answering a team's request for a mentor, once", async () => {
    const centre = await requireCurrentCentre();
    const { team, founder } = await createTeamWithFounder();
    const tag = await createExpertiseTag();
    const ask = () =>
      db()
        .insertInto("mentor_request")
        .values({
          centre_id: centre.id,
          team_id: team.id,
          requested_by: founder.user.id,
          tag_id: tag.id,
          note: "Cần cố vấn",
        })
        .returningAll()
        .executeTakeFirstOrThrow();
    const first = await ask();
    const second = await ask();
    const answer = (requestId: string, decision: string) =>
      call(mentorRequestsAction, "/staff/mentors/requests", {
        cookie: staff.cookie,
        clientIp: IP,
        form: { requestId, decision, answer: "Hiện chưa có cố vấn phù hợp, trung tâm sẽ báo lại." },
      });
    expect(statusOf(await answer(first.id, "decline"))).toBe(200);
    expect(statusOf(await answer(first.id, "decline"))).toBe(400);
    expect(statusOf(await answer(second.id, "reply"))).toBe(200);

    const declined = await entriesFor("mentor_request", first.id);
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({ action: "mentor_request.decline", actor_id: staff.user.id, ip: IP });
    expect(declined[0]!.before).toMatchObject({ status: "open", answer: "" });
    expect(declined[0]!.after).toMatchObject({ status: "declined", answered_by: staff.user.id });
    expect((await entriesFor("mentor_request", second.id)).map((e) => e.action)).toEqual(["mentor_request.reply"]);

    // Answering a request with a mentor (an assignment) records the request accepted as well.
    const third = await ask();
    const mentor = await createMentor();
    const today = DateTime.now().setZone("Asia/Ho_Chi_Minh");
    const assigned = await call(assignmentsAction, "/staff/mentors/assignments", {
      cookie: staff.cookie,
      clientIp: IP,
      form: {
        intent: "assign",
        requestId: third.id,
        mentorId: mentor.user.id,
        teamId: team.id,
        startsOn: today.toFormat("dd/MM/yyyy"),
        endsOn: today.plus({ days: 90 }).toFormat("dd/MM/yyyy"),
        focus: "Bán hàng trên sàn thương mại điện tử",
        plannedHours: "10",
      },
    });
    expect(statusOf(assigned)).toBeLessThan(400);
    const accepted = await entriesFor("mentor_request", third.id);
    expect(accepted.map((e) => [e.action, e.actor_id])).toEqual([["mentor_request.accept", staff.user.id]]);
    expect(accepted[0]!.after).toMatchObject({ status: "answered", assignment_id: expect.any(String) });
  });

  it("records invitations sent and sent again, and nothing for a refused one", async () => {
    const email = `moi-${randomUUID().slice(0, 8)}@test.example`;
    const invite = (form: Record<string, string>) =>
      call(invitationsAction, "/staff/invitations", { cookie: staff.cookie, clientIp: IP, form });
    expect(statusOf(await invite({ name: "Cố vấn Mời Thử", email, role: "mentor" }))).toBe(200);
    expect(statusOf(await invite({ name: "Cố vấn Mời Thử", email, role: "mentor" }))).toBe(200);
    expect(statusOf(await invite({ name: "Đã có tài khoản", email: staff.user.email, role: "mentor" }))).toBe(400);

    const entries = await entriesFor("invitation", email);
    expect(entries.map((e) => e.action)).toEqual(["invitation.create", "invitation.resend"]);
    expect(entries[0]).toMatchObject({ actor_id: staff.user.id, before: null, ip: IP });
    expect(entries[0]!.after).toMatchObject({ email, role: "mentor", invited_by: staff.user.id });
    // The link's secret never reaches the log.
    expect(JSON.stringify(entries)).not.toContain("token_hash");
    expect(entries[1]!.before).toMatchObject({ email, role: "mentor" });
    expect(await entriesFor("invitation", staff.user.email)).toEqual([]);
  });

  it("records a mentor's profile, office hours and days away edited by staff, not by the mentor", async () => {
    const tag = await createExpertiseTag();
    const mentor = await createMentor({ organisation: "Hợp tác xã Chiềng Sinh", officeHours: [] });
    const path = `/staff/mentors/${mentor.user.id}`;
    const post = (form: Record<string, string | string[]>) =>
      call(mentorProfileAction, path, {
        cookie: staff.cookie,
        clientIp: IP,
        params: { mentorId: mentor.user.id },
        form,
      });
    const profile = {
      intent: "profile",
      organisation: "Sở Khoa học và Công nghệ Sơn La",
      title: "Chuyên viên",
      phone: "0912 000 222",
      meetingMode: "online",
      languages: ["vi", "en"],
      tagIds: [String(tag.id)],
      bio: "Tư vấn chuyển đổi số.",
    };
    expect(statusOf(await post(profile))).toBe(200);
    expect(statusOf(await post(profile))).toBe(200);
    expect(statusOf(await post({ ...profile, phone: "abc" }))).toBe(400);
    expect(statusOf(await post({ intent: "hours-add", weekday: "3", startsAt: "14:00", endsAt: "16:00" }))).toBe(200);
    const hours = await db()
      .selectFrom("office_hours")
      .select("id")
      .where("mentor_id", "=", mentor.user.id)
      .where("weekday", "=", 3)
      .executeTakeFirstOrThrow();
    expect(statusOf(await post({ intent: "hours-remove", rowId: String(hours.id) }))).toBe(200);
    expect(
      statusOf(await post({ intent: "away-add", startsOn: "01/02/2027", endsOn: "05/02/2027", note: "Nghỉ Tết" })),
    ).toBe(200);

    const entries = await entriesFor("mentor_profile", mentor.user.id);
    expect(entries.map((e) => e.action)).toEqual([
      "mentor_profile.update",
      "mentor_profile.add_hours",
      "mentor_profile.remove_hours",
      "mentor_profile.add_away",
    ]);
    expect(entries.every((e) => e.actor_id === staff.user.id && e.ip === IP)).toBe(true);
    expect(entries[0]!.before).toMatchObject({ organisation: "Hợp tác xã Chiềng Sinh", tag_ids: [] });
    expect(entries[0]!.after).toMatchObject({
      organisation: "Sở Khoa học và Công nghệ Sơn La",
      phone: "0912 000 222",
      languages: ["vi", "en"],
      tag_ids: [tag.id],
    });
    expect(entries[1]!.after).toMatchObject({ weekday: 3, starts_at: "14:00:00", ends_at: "16:00:00" });
    expect(entries[2]!.before).toMatchObject({ id: hours.id, weekday: 3 });
    expect(entries[3]!.after).toMatchObject({ starts_on: "2027-02-01", ends_on: "2027-02-05", note: "Nghỉ Tết" });

    // The mentor editing their own profile is not a staff change: nothing more is recorded.
    const own = await call(ownProfileAction, "/mentors/me", {
      cookie: mentor.cookie,
      form: { ...profile, organisation: "Tự sửa" },
    });
    expect(statusOf(own)).toBe(200);
    expect(await entriesFor("mentor_profile", mentor.user.id)).toHaveLength(4);
  });
});

describe("mentoring sessions arranged by staff", () => {
  it("records staff proposing and cancelling a session, not the team's own proposal", async () => {
    const { assignment, founder } = await createAssignment();
    const thursday = (await openWeek(2)).plus({ days: 3 });
    const online = (start: string) =>
      proposal(thursday, { mode: "online", onlineUrl: "https://meet.example.vn/nhat-ky", start });
    const byStaff = await call(proposeAction, `/sessions/new?assignment=${assignment.id}`, {
      cookie: staff.cookie,
      clientIp: IP,
      form: online("09:00"),
    });
    expect(statusOf(byStaff)).toBe(302);
    const sessionId = /^\/sessions\/([0-9a-f-]{36})/.exec((byStaff as Response).headers.get("Location") ?? "")![1]!;
    const own = await propose(founder!.cookie, assignment.id, online("14:00"));
    expect(own.status).toBe(302);
    const cancelled = await call(sessionAction, `/sessions/${sessionId}`, {
      cookie: staff.cookie,
      clientIp: IP,
      params: { sessionId },
      form: { intent: "cancel", reason: "Cố vấn bận họp tỉnh" },
    });
    expect(statusOf(cancelled)).toBe(302);

    const entries = await entriesFor("mentoring_session", sessionId);
    expect(entries.map((e) => e.action)).toEqual(["mentoring_session.propose", "mentoring_session.cancel"]);
    expect(entries.every((e) => e.actor_id === staff.user.id && e.ip === IP)).toBe(true);
    expect(entries[0]!.before).toBeNull();
    expect(entries[0]!.after).toMatchObject({ status: "proposed", proposed_side: "staff", mode: "online" });
    expect(entries[1]!.before).toMatchObject({ status: "proposed" });
    expect(entries[1]!.after).toMatchObject({ status: "cancelled", cancel_reason: "Cố vấn bận họp tỉnh" });
    expect(await entriesFor("mentoring_session", own.sessionId!)).toEqual([]);
  });
});

describe("a team's page edited by staff", () => {
  it("records the directory settings and milestones staff change, and nothing for bad input", async () => {
    const { team } = await createTeamWithFounder();
    const path = `/staff/teams/${team.id}`;
    const post = (form: Record<string, string | string[]>) =>
      call(teamAction, path, { cookie: staff.cookie, clientIp: IP, params: { teamId: team.id }, form });

    expect(statusOf(await post({ intent: "directory", listed: "on", fields: ["description", "sector"] }))).toBe(200);
    expect(statusOf(await post({ intent: "directory", listed: "on", fields: ["description", "sector"] }))).toBe(200);
    expect(statusOf(await post({ intent: "directory", listed: "on", fields: ["revenue"] }))).toBe(400);
    const directory = (await entriesFor("team", team.id)).filter((e) => e.action === "team.update_directory");
    expect(directory).toHaveLength(1);
    expect(directory[0]).toMatchObject({ actor_id: staff.user.id, ip: IP });
    expect(directory[0]!.before).toMatchObject({ directory_listed: false });
    expect(directory[0]!.after).toEqual({ directory_listed: true, directory_fields: ["description", "sector"] });

    const milestone = { title: "Ra mắt sản phẩm chè Shan tuyết", dueOn: "30/06/2027", status: "planned", evidence: "" };
    expect(statusOf(await post({ intent: "milestone-add", ...milestone }))).toBe(200);
    expect(statusOf(await post({ intent: "milestone-add", ...milestone, dueOn: "31/02/2027" }))).toBe(400);
    const row = await db()
      .selectFrom("milestone")
      .select("id")
      .where("team_id", "=", team.id)
      .executeTakeFirstOrThrow();
    expect(
      statusOf(
        await post({ intent: "milestone-edit", milestoneId: row.id, ...milestone, status: "done", evidence: "Đã bán" }),
      ),
    ).toBe(200);
    const entries = await entriesFor("milestone", row.id);
    expect(entries.map((e) => e.action)).toEqual(["milestone.create", "milestone.update"]);
    expect(entries[0]!.after).toMatchObject({ title: milestone.title, due_on: "2027-06-30", status: "planned" });
    expect(entries[1]!.before).toMatchObject({ status: "planned", done_on: null });
    expect(entries[1]!.after).toMatchObject({ status: "done", evidence: "Đã bán" });
  });
});

describe("money staff record", () => {
  it("records a bank transfer marked received and a refund paid back, and nothing for a wrong amount", async () => {
    const member = await createUser("founder");
    const held = await heldBooking(member.user.id, { amount: 120_000 });
    const pay = (form: Record<string, string>) =>
      call(paymentsAction, "/staff/payments", { cookie: staff.cookie, clientIp: IP, form });
    expect(statusOf(await pay({ intent: "transfer", paymentId: held.paymentId, amount: "100000" }))).toBe(400);
    expect(await entriesFor("payment", held.paymentId)).toEqual([]);
    expect(statusOf(await pay({ intent: "transfer", paymentId: held.paymentId, amount: "120000" }))).toBe(302);
    expect(statusOf(await pay({ intent: "transfer", paymentId: held.paymentId, amount: "120000" }))).toBe(409);

    const paid = await entriesFor("payment", held.paymentId);
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({ action: "payment.mark_paid", actor_id: staff.user.id, ip: IP });
    expect(paid[0]!.before).toMatchObject({ status: "pending", method: null, recorded_by: null });
    expect(paid[0]!.after).toMatchObject({ status: "paid", method: "bank_transfer", recorded_by: staff.user.id });

    // Staff cancel the paid booking: a transfer refund is owed, then paid back by hand.
    expect(
      statusOf(
        await call(bookingsAction, "/bookings", {
          cookie: staff.cookie,
          form: { intent: "cancel", bookingId: held.bookingId },
        }),
      ),
    ).toBe(302);
    const refund = await db()
      .selectFrom("refund")
      .selectAll()
      .where("payment_id", "=", held.paymentId)
      .executeTakeFirstOrThrow();
    expect(refund.status).toBe("pending");
    const owed = await entriesFor("refund", refund.id);
    expect(owed.map((e) => [e.action, e.actor_id, e.before])).toEqual([["refund.create", staff.user.id, null]]);
    expect(owed[0]!.after).toMatchObject({ status: "pending", amount_vnd: 120_000, reason: "booking_cancelled" });
    expect(statusOf(await pay({ intent: "refundPaid", refundId: refund.id }))).toBe(302);
    const refunds = await entriesFor("refund", refund.id);
    expect(refunds.map((e) => e.action)).toEqual(["refund.create", "refund.paid_back"]);
    expect(refunds[1]!.before).toMatchObject({ status: "pending", amount_vnd: 120_000 });
    expect(refunds[1]!.after).toMatchObject({ status: "succeeded", completed_by: staff.user.id });
  });
});

describe("a held booking cancelled by staff", () => {
  it("records the pending payment ended with the booking", async () => {
    const member = await createUser("founder");
    const held = await heldBooking(member.user.id, { amount: 90_000 });
    const cancelled = await call(bookingsAction, "/bookings", {
      cookie: staff.cookie,
      form: { intent: "cancel", bookingId: held.bookingId },
    });
    expect(statusOf(cancelled)).toBe(302);
    const entries = await entriesFor("payment", held.paymentId);
    expect(entries.map((e) => e.action)).toEqual(["payment.release"]);
    expect(entries[0]!.before).toMatchObject({ status: "pending" });
    expect(entries[0]!.after).toMatchObject({ status: "cancelled", cancel_reason: "cancelled" });
    expect((await entriesFor("booking", held.bookingId)).map((e) => e.action)).toEqual(["booking.cancel"]);
  });
});

describe("the plan's targets", () => {
  it("records targets added, changed and removed", async () => {
    const year = DateTime.now().setZone("Asia/Ho_Chi_Minh").year;
    const post = (form: Record<string, string>) =>
      call(targetsAction, `/staff/targets?year=${year}`, { cookie: staff.cookie, clientIp: IP, form });
    const key = `nhat_ky_${randomUUID().slice(0, 6)}`;
    const form = {
      key,
      labelVi: "Tập huấn khởi nghiệp",
      labelEn: "Start-up training",
      measure: "founders_trained",
      target: "20",
    };
    expect(statusOf(await post({ intent: "add", ...form }))).toBe(200);
    expect(statusOf(await post({ intent: "add", ...form }))).toBe(400);
    const row = await db().selectFrom("plan_target").select("id").where("key", "=", key).executeTakeFirstOrThrow();
    expect(statusOf(await post({ intent: "update", targetId: row.id, ...form, target: "25" }))).toBe(200);
    expect(statusOf(await post({ intent: "remove", targetId: row.id }))).toBe(200);
    const entries = await entriesFor("plan_target", row.id);
    expect(entries.map((e) => [e.action, e.actor_id])).toEqual([
      ["plan_target.create", staff.user.id],
      ["plan_target.update", staff.user.id],
      ["plan_target.delete", staff.user.id],
    ]);
    expect(Number((entries[1]!.before as { target: string }).target)).toBe(20);
    expect(Number((entries[1]!.after as { target: string }).target)).toBe(25);
    expect(entries[2]!.before).toMatchObject({ key });
  });
});

describe("the client's address and the page in words", () => {
  it("keeps the address of the request on every entry, from the actor", async () => {
    const code = `IP-${randomUUID().slice(0, 6).toUpperCase()}`;
    const centre = await requireCurrentCentre();
    const floor = await db()
      .selectFrom("floor")
      .select("id")
      .where("centre_id", "=", centre.id)
      .executeTakeFirstOrThrow();
    const created = await call(resourceAction, "/staff/spaces/resources/new", {
      cookie: staff.cookie,
      clientIp: "198.51.100.7",
      form: {
        code,
        kind: "meeting_room",
        nameVi: "Phòng họp Quỳnh Nhai",
        nameEn: "Quỳnh Nhai meeting room",
        capacity: "6",
        audience: "members",
        priceHour: "150.000",
        priceHalfDay: "",
        priceDay: "",
        floorId: String(floor.id),
        planX: "10",
        planY: "10",
        planWidth: "100",
        planHeight: "80",
        isActive: "on",
      },
    });
    expect(statusOf(created)).toBe(302);
    const [entry] = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "resource.create")
      .where("actor_id", "=", staff.user.id)
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    expect(entry).toMatchObject({ ip: "198.51.100.7" });
    expect(entry!.after).toMatchObject({ code });
  });

  it("shows every recorded action and kind of record in words, in both languages, with the address", async () => {
    const page = dataOf<{
      entries: Array<{ action: string; actionLabel: string | null; entityLabel: string | null; ip: string | null }>;
      choices: {
        actions: Array<{ value: string; label: string | null }>;
        entityTypes: Array<{ value: string; label: string | null }>;
      };
    }>(await call(auditLoader, `/admin/audit?actor=${staff.user.id}`, { cookie: admin.cookie }));
    expect(page.entries.length).toBeGreaterThan(10);
    expect(page.entries.every((e) => e.actionLabel !== null && e.entityLabel !== null)).toBe(true);
    expect(page.entries.some((e) => e.ip === IP)).toBe(true);
    const paid = page.entries.find((e) => e.action === "payment.mark_paid")!;
    expect(translate("vi", paid.actionLabel as never)).toBe("Ghi nhận đã nhận tiền");
    expect(translate("en", paid.actionLabel as never)).toBe("Payment recorded as received");

    // Every action and kind of record in the whole log (this file's and the demo data's) has words.
    const all = await db().selectFrom("audit_log").select(["action", "entity_type"]).distinct().execute();
    const unnamed = all.filter((row) => !actionLabelKey(row.action) || !entityLabelKey(row.entity_type));
    expect(unnamed).toEqual([]);
    expect(page.choices.actions.every((a) => a.label !== null)).toBe(true);
  });
});
