// The mentor network's pages as a browser without JavaScript meets them, on the real server
// with the demo data: each renders in Vietnamese with one heading, and plain forms work.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "#db/seed/demo.server";
import { formClient, freshDatabaseEnv, signInOverHttp, startServer, type ServerProcess } from "../setup/server";

let server: ServerProcess;
const cookies = { staff: "", mentor: "", founder: "" };

beforeAll(async () => {
  server = await startServer(await freshDatabaseEnv());
  cookies.staff = await signInOverHttp(server.url, "canbo@demo.sonla.vn", DEMO_PASSWORD);
  cookies.mentor = await signInOverHttp(server.url, "covan@demo.sonla.vn", DEMO_PASSWORD);
  cookies.founder = await signInOverHttp(server.url, "sanglap@demo.sonla.vn", DEMO_PASSWORD);
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const { post, page } = formClient(() => server.url);

describe("the mentor pages", () => {
  it("render for staff, the demo mentor and the demo founder in Vietnamese", async () => {
    const network = await page("/staff/mentors", cookies.staff, [
      "Mạng lưới cố vấn",
      "Nguyễn Minh Đức",
      "Trường Đại học Tây Bắc",
    ]);
    expect(network).toContain("Tài chính &amp; gọi vốn");
    await page("/staff/mentors/tags", cookies.staff, ["Lĩnh vực chuyên môn", "Du lịch cộng đồng"]);
    await page("/staff/mentors/assignments", cookies.staff, ["Phân công cố vấn", "Mận Hậu Mộc Châu Xanh"]);
    await page("/staff/mentors/requests", cookies.staff, ["Yêu cầu cố vấn của các nhóm"]);
    await page("/mentors/me", cookies.mentor, ["Hồ sơ cố vấn của tôi", "Thứ Ba", "08:00", "14:00"]);
    const teams = await page("/mentors/teams", cookies.mentor, [
      "Nhóm tôi cố vấn",
      "Mận Hậu Mộc Châu Xanh",
      "sanglap@demo.sonla.vn",
    ]);
    const link = /href="(\/mentors\/teams\/[0-9a-f-]{36})"/.exec(teams)?.[1];
    expect(link).toBeDefined();
    const teamPage = await page(link!, cookies.mentor, ["Mận Hậu Mộc Châu Xanh", "Hỗ trợ đã nhận"]);
    // Read only: the only posting forms are the shell's language switch and sign-out.
    const posts = [...teamPage.matchAll(/<form[^>]*method="post"[^>]*>/gi)].map((m) => m[0]);
    expect(
      posts.every((form) => /action="\/(language|sign-out)"/.test(form)),
      posts.join("\n"),
    ).toBe(true);
    await page("/team/mentors", cookies.founder, [
      "Cố vấn của nhóm",
      "Nguyễn Minh Đức",
      "covan@demo.sonla.vn",
      "Thứ Năm",
    ]);
  });

  it("take plain form posts: a bad office-hours window is explained beside the field, a good one saved", async () => {
    const bad = await post("/mentors/me", cookies.mentor, {
      intent: "hours-add",
      weekday: "2",
      startsAt: "10:00",
      endsAt: "12:00",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Khung giờ này chồng lên một khung giờ khác trong cùng ngày.");
    const good = await post("/mentors/me", cookies.mentor, {
      intent: "hours-add",
      weekday: "5",
      startsAt: "08:00",
      endsAt: "10:00",
    });
    expect(good.status).toBe(200);
    expect(await good.text()).toContain("Đã thêm khung giờ.");

    const asked = await post("/team/mentors", cookies.founder, {
      teamId: "00000000-0000-4000-8000-000000000000",
      tagId: "1",
      note: "x",
    });
    expect(asked.status).toBe(404);
  });
});
