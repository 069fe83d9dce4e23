import { beforeAll, describe, expect, it } from "vitest";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { action, loader } from "~/routes/staff.targets";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { buildReportCentre, type Body } from "../setup/report-data";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

let data: Awaited<ReturnType<typeof buildReportCentre>>;
beforeAll(async () => {
  data = await buildReportCentre();
});

type Page = Body<Awaited<ReturnType<typeof loader>>>;
type Target = NonNullable<Page["page"]>["targets"][number];
type ActionBody = { intent: string; errors?: Record<string, string>; notice?: string; count?: number };

async function page(year: number | string, cookie = data.staff.cookie) {
  const result = await call(loader, `/staff/targets?year=${year}`, { cookie });
  return { status: statusOf(result), body: dataOf<Page>(result) };
}

async function post(year: number, form: Record<string, string>, cookie = data.staff.cookie) {
  const result = await call(action, `/staff/targets?year=${year}`, { cookie, form });
  return { status: statusOf(result), body: dataOf<ActionBody>(result) };
}

const target = (overrides: Record<string, string>) => ({
  intent: "add",
  labelVi: "Chỉ tiêu thử",
  labelEn: "Test target",
  measure: "founders_trained",
  target: "20",
  ...overrides,
});

async function targetByKey(year: number, key: string): Promise<Target> {
  const found = (await page(year)).body.page!.targets.find((t) => t.key === key);
  if (!found) throw new Error(`no target ${key}`);
  return found;
}

describe("plan targets", () => {
  it("adds targets and measures their progress from the app's data", async () => {
    expect((await post(2025, target({ labelVi: "Đào tạo 20 nhà sáng lập" }))).body.notice).toBe("targets.added");
    await post(
      2025,
      target({
        key: "tourism_course_held",
        labelVi: "01 khóa du lịch",
        measure: "event_held",
        eventKind: "training",
        eventAudience: "tourism_cooperatives",
        target: "1",
      }),
    );
    await post(2025, target({ labelVi: "Khu làm việc chung", measure: "coworking_in_operation", target: "1" }));
    await post(2025, target({ labelVi: "Cuộc thi", measure: "competition_held", target: "1" }));

    const founders = await targetByKey(2025, "founders_trained");
    expect(founders).toMatchObject({ value: 3, target: 20, percent: 15, achieved: false, list: "founders-trained" });
    expect(await targetByKey(2025, "tourism_course_held")).toMatchObject({ value: 1, achieved: true, list: "events" });
    expect(await targetByKey(2025, "coworking_in_operation")).toMatchObject({ value: 1, achieved: true });
    expect(await targetByKey(2025, "competition_held")).toMatchObject({ value: 1, achieved: true });
    // The page also gives how much the coworking space was used.
    expect((await page(2025)).body.page!.figures).toMatchObject({ deskDays: 1.5, roomHours: 3 });
  });

  it("refuses a bad target with 400 and the message beside the field, changing nothing", async () => {
    const before = (await page(2025)).body.page!.targets.length;
    const bad = await post(2025, target({ key: "x1", target: "hai mươi", measure: "made_up" }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toMatchObject({ target: "targets.error.target", measure: "targets.error.measure" });
    const duplicate = await post(2025, target({ key: "founders_trained" }));
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errors).toMatchObject({ key: "targets.error.duplicate" });
    expect((await page(2025)).body.page!.targets).toHaveLength(before);
  });

  it("edits and removes a target", async () => {
    const founders = await targetByKey(2025, "founders_trained");
    const saved = await post(2025, {
      ...target({ labelVi: "Đào tạo 3 nhà sáng lập", target: "3" }),
      intent: "update",
      targetId: founders.id,
      key: "founders_trained",
    });
    expect(saved.body.notice).toBe("targets.saved");
    expect(await targetByKey(2025, "founders_trained")).toMatchObject({
      labelVi: "Đào tạo 3 nhà sáng lập",
      target: 3,
      achieved: true,
    });

    const competition = await targetByKey(2025, "competition_held");
    expect((await post(2025, { intent: "remove", targetId: competition.id })).body.notice).toBe("targets.removed");
    expect((await page(2025)).body.page!.targets.some((t) => t.key === "competition_held")).toBe(false);
    // Removing it again: it is gone.
    expect((await post(2025, { intent: "remove", targetId: competition.id })).status).toBe(404);
  });

  it("copies last year's targets once, keeping what the year already has", async () => {
    await post(2026, target({ key: "founders_trained", labelVi: "Riêng năm 2026", target: "40" }));
    const copied = await post(2026, { intent: "copy" });
    expect(copied.body).toMatchObject({ notice: "targets.copied", count: 2 });
    const targets2026 = (await page(2026)).body.page!.targets;
    expect(targets2026.map((t) => t.key).sort()).toEqual(
      ["coworking_in_operation", "founders_trained", "tourism_course_held"].sort(),
    );
    expect(targets2026.find((t) => t.key === "founders_trained")).toMatchObject({
      labelVi: "Riêng năm 2026",
      target: 40,
    });
    expect((await post(2026, { intent: "copy" })).body).toMatchObject({ notice: "targets.copyNone", count: 0 });
  });

  it("refuses bad years with 400, founders with 403 and another centre's target with 404", async () => {
    for (const year of ["abc", "2015", "2090"]) {
      const result = await page(year);
      expect(result.status).toBe(400);
      expect(result.body.error).toBe("targets.error.year");
    }
    const founder = await createUser("founder");
    expect((await page(2025, founder.cookie)).status).toBe(403);
    expect((await post(2025, target({}), founder.cookie)).status).toBe(403);
    const otherStaff = await createUser("staff");
    const mine = await targetByKey(2025, "founders_trained");
    expect((await post(2025, { intent: "remove", targetId: mine.id }, otherStaff.cookie)).status).toBe(404);
  });
});

describe("the demo centre's 2025 plan", () => {
  it("has the plan's six targets, each measured", async () => {
    const staff = await createUser("staff");
    const centre = await requireCurrentCentre();
    expect(staff.user.centre_id).toBe(centre.id);
    const { body } = await page(2025, staff.cookie);
    const targets = body.page!.targets;
    expect(targets.map((t) => t.key)).toEqual([
      "coworking_in_operation",
      "founders_trained",
      "tourism_course_held",
      "mentor_conference_held",
      "competition_held",
      "summary_conference_held",
    ]);
    expect(targets.find((t) => t.key === "founders_trained")!.target).toBe(20);
    expect(targets.every((t) => t.value !== null)).toBe(true);
    expect(targets.find((t) => t.key === "competition_held")!.achieved).toBe(true);
  });
});
