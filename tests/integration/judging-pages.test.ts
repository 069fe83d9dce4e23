// The judging pages as a browser without JavaScript meets them, on the real server: staff set
// up a round, a judge scores with a plain form, and the pages read in Vietnamese.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDatabase, stopDatabase } from "~/utils/database.server";
import { resetEnvCache } from "~/utils/env.server";
import { DEMO_PASSWORD } from "#db/seed/demo.server";
import { db } from "~/utils/database.server";
import { assign, createApplication, createProgramme, createRound } from "../setup/incubation";
import { formClient, freshDatabaseEnv, signInOverHttp, startServer, type ServerProcess } from "../setup/server";

let server: ServerProcess;
let staffCookie = "";
let judgeCookie = "";
const ids = { programme: "", round: "", application: "", innovation: "", team: "" };
const CONTACT_EMAIL = "lien-he-mat-ong@test.example";

beforeAll(async () => {
  // Fill the server's database before the server opens it (PGlite allows one process at a time).
  const env = await freshDatabaseEnv();
  Object.assign(process.env, env);
  if (env.PGLITE_DATA_DIR) delete process.env.DATABASE_URL;
  resetEnvCache();
  await startDatabase();
  const programme = await createProgramme({ nameVi: "Cuộc thi thử nghiệm chấm điểm" });
  const application = await createApplication(programme.id, {
    teamName: "Mật ong bạc hà Mộc Châu",
    email: CONTACT_EMAIL,
    phone: "0988 765 432",
  });
  const { round, criteria } = await createRound(programme.id, {
    criteria: [
      { nameVi: "Tính đổi mới", nameEn: "Innovation", weight: 2, min: 0, max: 10 },
      { nameVi: "Đội ngũ", nameEn: "Team", weight: 1, min: 1, max: 5 },
    ],
  });
  const judge = await db()
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "covan@demo.sonla.vn")
    .executeTakeFirstOrThrow();
  await assign(round.id, judge.id, [application.id]);
  Object.assign(ids, {
    programme: programme.id,
    round: round.id,
    application: application.id,
    innovation: criteria[0]!.id,
    team: criteria[1]!.id,
  });
  await stopDatabase();
  server = await startServer(env);
  staffCookie = await signInOverHttp(server.url, "canbo@demo.sonla.vn", DEMO_PASSWORD);
  judgeCookie = await signInOverHttp(server.url, "covan@demo.sonla.vn", DEMO_PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const { get, post } = formClient(() => server.url);

describe("the judging pages", () => {
  it("render for staff in Vietnamese, each with one heading", async () => {
    const base = `/staff/programmes/${ids.programme}/judging`;
    for (const [path, text] of [
      [base, "Các vòng chấm"],
      [`${base}/${ids.round}`, "Bộ tiêu chí chấm điểm"],
      [`${base}/${ids.round}/ranking`, "Bảng xếp hạng"],
      ["/judging", "Quản lý chấm thi theo chương trình"],
    ] as const) {
      const response = await get(path, staffCookie);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html.match(/<h1[\s>]/g), path).toHaveLength(1);
      expect(html, path).toContain(text);
    }
  });

  it("let staff add a round with a plain form, and explain a bad deadline beside the field", async () => {
    const path = `/staff/programmes/${ids.programme}/judging`;
    const bad = await post(path, staffCookie, {
      nameVi: "Vòng chung khảo",
      nameEn: "Final",
      scoringClosesAt: "32/12/2026 17:00",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Nhập ngày giờ dạng dd/MM/yyyy HH:mm");
    const good = await post(path, staffCookie, {
      nameVi: "Vòng chung khảo",
      nameEn: "Final",
      scoringClosesAt: "20/12/2026 17:00",
    });
    expect(good.status).toBe(302);
    const page = await (await get(good.headers.get("Location") ?? "", staffCookie)).text();
    expect(page).toContain("Đã tạo vòng chấm");
    expect(page).toContain("17:00 20/12/2026");
  });

  it("let a judge score with a plain form: out of range names the criterion, then saved", async () => {
    const list = await (await get("/judging", judgeCookie)).text();
    expect(list).toContain("Mật ong bạc hà Mộc Châu");
    expect(list).toContain('href="/judging"');

    const path = `/judging/${ids.round}/${ids.application}`;
    const page = await (await get(path, judgeCookie)).text();
    expect(page).toContain("Tính đổi mới (từ 0 đến 10)");
    expect(page).not.toContain(CONTACT_EMAIL);
    expect(page).not.toContain("0988 765 432");

    const bad = await post(path, judgeCookie, {
      intent: "score",
      [`score-${ids.innovation}`]: "12",
      [`score-${ids.team}`]: "4",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Điểm tiêu chí «Tính đổi mới» phải là số nguyên từ 0 đến 10.");

    const good = await post(path, judgeCookie, {
      intent: "score",
      [`score-${ids.innovation}`]: "8",
      [`score-${ids.team}`]: "5",
      comment: "Sản phẩm có thị trường rõ ràng.",
    });
    expect(good.status).toBe(302);
    const saved = await (await get(good.headers.get("Location") ?? "", judgeCookie)).text();
    expect(saved).toContain("Đã lưu điểm của bạn.");

    const ranking = await (
      await get(`/staff/programmes/${ids.programme}/judging/${ids.round}/ranking`, staffCookie)
    ).text();
    expect(ranking).toContain("7,00");
    const csv = await get(`/staff/programmes/${ids.programme}/judging/${ids.round}/ranking.csv`, staffCookie);
    expect(csv.status).toBe(200);
    expect(await csv.text()).toContain("Mật ong bạc hà Mộc Châu");
  });

  it("refuse the staff pages to the judge (403)", async () => {
    const response = await get(`/staff/programmes/${ids.programme}/judging/${ids.round}/ranking`, judgeCookie);
    expect(response.status).toBe(403);
  });
});
