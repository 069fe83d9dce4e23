import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { action as myTeamAction, loader as myTeamLoader } from "~/routes/team";
import { loader as staffTeamsLoader } from "~/routes/staff.teams._index";
import { action as staffTeamAction, loader as staffTeamLoader } from "~/routes/staff.teams.$teamId";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { createTeamWithFounder } from "../setup/teams";

useTestDatabase();

type Errors = { errors?: Record<string, string> };
type Milestone = {
  id: string;
  title: string;
  due_on: string;
  status: string;
  evidence: string;
  done_on: string | null;
  overdue: boolean;
};
type TeamPage = { id: string; milestones: Milestone[]; progress: { done: number; total: number; overdue: number } };

// Today and its neighbours in the centre's zone, whatever the server's own zone is.
const today = DateTime.now().setZone("Asia/Ho_Chi_Minh").startOf("day");
const day = (offset: number) => today.plus({ days: offset }).toISODate()!;
const vn = (offset: number) => today.plus({ days: offset }).toFormat("dd/MM/yyyy");

async function myTeam(cookie: string, teamId: string): Promise<TeamPage> {
  const page = dataOf<{ teams: TeamPage[] }>(await call(myTeamLoader, "/team", { cookie }));
  return page.teams.find((t) => t.id === teamId)!;
}

async function milestoneRows(teamId: string) {
  return db().selectFrom("milestone").selectAll().where("team_id", "=", teamId).orderBy("due_on").execute();
}

describe("milestones", () => {
  it("a founder adds milestones (dd/MM/yyyy or yyyy-MM-dd); overdue ones are flagged and progress counted", async () => {
    const { team, founder } = await createTeamWithFounder();
    const add = (form: Record<string, string>) =>
      call(myTeamAction, "/team", {
        cookie: founder.cookie,
        form: { intent: "milestone-add", teamId: team.id, ...form },
      });

    const forms: Array<Record<string, string>> = [
      { title: "Hoàn thiện bao bì", dueOn: vn(-10), status: "planned" },
      { title: "Thử nghiệm thị trường Hà Nội", dueOn: day(-1), status: "in_progress" },
      { title: "Đăng ký nhãn hiệu", dueOn: day(-30), status: "done", evidence: "https://ipvietnam.gov.vn/don/123" },
      { title: "Xuất khẩu sang Lào", dueOn: day(-5), status: "dropped" },
      { title: "Gọi vốn vòng hạt giống", dueOn: vn(0), status: "planned" },
      { title: "Mở cửa hàng thứ hai", dueOn: day(40), status: "planned" },
    ];
    for (const form of forms) {
      expect(statusOf(await add(form)), form.title).toBe(200);
    }

    const page = await myTeam(founder.cookie, team.id);
    const byTitle = Object.fromEntries(page.milestones.map((m) => [m.title, m]));
    // Due before today and still open: overdue. Due today, done, dropped or in the future: not.
    expect(byTitle["Hoàn thiện bao bì"]).toMatchObject({ due_on: day(-10), overdue: true });
    expect(byTitle["Thử nghiệm thị trường Hà Nội"]?.overdue).toBe(true);
    expect(byTitle["Đăng ký nhãn hiệu"]).toMatchObject({ overdue: false, done_on: day(0) });
    expect(byTitle["Xuất khẩu sang Lào"]?.overdue).toBe(false);
    expect(byTitle["Gọi vốn vòng hạt giống"]).toMatchObject({ due_on: day(0), overdue: false });
    expect(byTitle["Mở cửa hàng thứ hai"]?.overdue).toBe(false);
    // Dropped milestones leave the plan: 1 done of 5.
    expect(page.progress).toEqual({ done: 1, total: 5, overdue: 2 });

    // The staff list counts them per team.
    const staff = await createUser("staff");
    const list = dataOf<{ teams: Array<{ id: string; milestones: { done: number; total: number; overdue: number } }> }>(
      await call(staffTeamsLoader, "/staff/teams", { cookie: staff.cookie }),
    );
    expect(list.teams.find((t) => t.id === team.id)?.milestones).toEqual({ done: 1, total: 5, overdue: 2 });
  });

  it("editing to done clears the overdue flag and dates it; reopening it clears the date", async () => {
    const { team, founder } = await createTeamWithFounder();
    await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: {
        intent: "milestone-add",
        teamId: team.id,
        title: "Chứng nhận VietGAP",
        dueOn: day(-3),
        status: "in_progress",
      },
    });
    const [milestone] = await milestoneRows(team.id);
    const edit = (form: Record<string, string>) =>
      call(myTeamAction, "/team", {
        cookie: founder.cookie,
        form: {
          intent: "milestone-edit",
          teamId: team.id,
          milestoneId: milestone!.id,
          title: "Chứng nhận VietGAP",
          dueOn: day(-3),
          ...form,
        },
      });

    expect(statusOf(await edit({ status: "done", evidence: "Giấy chứng nhận số 45/2026" }))).toBe(200);
    let page = await myTeam(founder.cookie, team.id);
    expect(page.milestones[0]).toMatchObject({
      status: "done",
      overdue: false,
      done_on: day(0),
      evidence: "Giấy chứng nhận số 45/2026",
    });
    expect(page.progress).toEqual({ done: 1, total: 1, overdue: 0 });

    expect(statusOf(await edit({ status: "in_progress" }))).toBe(200);
    page = await myTeam(founder.cookie, team.id);
    expect(page.milestones[0]).toMatchObject({ status: "in_progress", overdue: true, done_on: null });
  });

  it("refuses bad input with 400 beside the field, adding or changing nothing", async () => {
    const { team, founder } = await createTeamWithFounder();
    const form = (extra: Record<string, string>) => ({
      intent: "milestone-add",
      teamId: team.id,
      title: "Mốc hợp lệ",
      dueOn: day(10),
      status: "planned",
      ...extra,
    });
    for (const [extra, field, message] of [
      [{ title: "  " }, "title", "form.required"],
      [{ title: "x".repeat(201) }, "title", "form.tooLong"],
      [{ dueOn: "" }, "dueOn", "form.required"],
      [{ dueOn: "31/02/2026" }, "dueOn", "milestones.error.invalidDate"],
      [{ dueOn: "2026-13-01" }, "dueOn", "milestones.error.invalidDate"],
      [{ dueOn: "ngày mai" }, "dueOn", "milestones.error.invalidDate"],
      [{ status: "finished" }, "status", "milestones.error.invalidStatus"],
      [{ evidence: "x".repeat(2001) }, "evidence", "form.tooLong"],
    ] as const) {
      const refused = await call(myTeamAction, "/team", { cookie: founder.cookie, form: form(extra) });
      expect(statusOf(refused), JSON.stringify(extra)).toBe(400);
      expect(dataOf<Errors>(refused).errors?.[field], JSON.stringify(extra)).toBe(message);
    }
    expect(await milestoneRows(team.id)).toEqual([]);

    // An edit with a bad date leaves the milestone as it was.
    await call(myTeamAction, "/team", { cookie: founder.cookie, form: form({}) });
    const [before] = await milestoneRows(team.id);
    const refused = await call(myTeamAction, "/team", {
      cookie: founder.cookie,
      form: form({ intent: "milestone-edit", milestoneId: before!.id, dueOn: "30/30/2026", title: "Đổi tên" }),
    });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<Errors & { milestoneId?: string }>(refused)).toMatchObject({
      errors: { dueOn: "milestones.error.invalidDate" },
      milestoneId: before!.id,
    });
    expect(await milestoneRows(team.id)).toEqual([before]);
  });

  it("a founder cannot edit another team's milestone, even through their own team (404, unchanged)", async () => {
    const theirs = await createTeamWithFounder();
    const mine = await createTeamWithFounder();
    await call(myTeamAction, "/team", {
      cookie: theirs.founder.cookie,
      form: { intent: "milestone-add", teamId: theirs.team.id, title: "Bí mật", dueOn: day(5), status: "planned" },
    });
    const [target] = await milestoneRows(theirs.team.id);
    const edit = {
      intent: "milestone-edit",
      milestoneId: target!.id,
      title: "Bị sửa",
      dueOn: day(5),
      status: "dropped",
    };
    for (const teamId of [theirs.team.id, mine.team.id]) {
      const refused = await call(myTeamAction, "/team", { cookie: mine.founder.cookie, form: { ...edit, teamId } });
      expect(statusOf(refused)).toBe(404);
    }
    const unknown = await call(myTeamAction, "/team", {
      cookie: mine.founder.cookie,
      form: { ...edit, teamId: mine.team.id, milestoneId: randomUUID() },
    });
    expect(statusOf(unknown)).toBe(404);
    expect(await milestoneRows(theirs.team.id)).toEqual([target]);
  });

  it("staff add and edit milestones of any team, and see them on the staff page", async () => {
    const { team } = await createTeamWithFounder();
    const staff = await createUser("staff");
    const path = `/staff/teams/${team.id}`;
    const added = await call(staffTeamAction, path, {
      cookie: staff.cookie,
      params: { teamId: team.id },
      form: { intent: "milestone-add", title: "Báo cáo giữa kỳ", dueOn: vn(-2), status: "planned" },
    });
    expect(statusOf(added)).toBe(200);
    const [milestone] = await milestoneRows(team.id);
    expect(milestone?.created_by).toBe(staff.user.id);
    const page = dataOf<{ page: TeamPage }>(
      await call(staffTeamLoader, path, { cookie: staff.cookie, params: { teamId: team.id } }),
    );
    expect(page.page.milestones).toMatchObject([{ title: "Báo cáo giữa kỳ", overdue: true }]);
    expect(page.page.progress).toEqual({ done: 0, total: 1, overdue: 1 });

    const edited = await call(staffTeamAction, path, {
      cookie: staff.cookie,
      params: { teamId: team.id },
      form: {
        intent: "milestone-edit",
        milestoneId: milestone!.id,
        title: "Báo cáo giữa kỳ",
        dueOn: day(-2),
        status: "done",
      },
    });
    expect(statusOf(edited)).toBe(200);
    expect((await milestoneRows(team.id))[0]).toMatchObject({ status: "done", done_on: day(0) });
  });
});
