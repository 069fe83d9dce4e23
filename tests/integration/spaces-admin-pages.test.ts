// The staff pages of spaces as a browser without JavaScript meets them, on the real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInOverHttp, startServer, type ServerProcess } from "../setup/server";

let server: ServerProcess;
let cookie = "";

beforeAll(async () => {
  server = await startServer();
  cookie = await signInOverHttp(server.url, "canbo@demo.sonla.vn", "SonLa@2026");
}, 180_000);

afterAll(async () => {
  await server?.stop();
});

const page = (path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie } });

describe("the staff pages of spaces", () => {
  it("render for staff in Vietnamese, each with one heading", async () => {
    expect(cookie).toMatch(/=/);
    for (const [path, heading] of [
      ["/staff/spaces", "Quản lý không gian"],
      ["/staff/spaces/resources/new", "Thêm chỗ/phòng"],
      ["/staff/spaces/hours", "Giờ mở cửa"],
      ["/staff/spaces/policy", "Quy định đặt chỗ"],
      ["/staff/spaces/closures", "Ngày đóng cửa"],
      ["/staff/spaces/fixed-desks", "Bàn cố định"],
      ["/staff/spaces/blocks", "Chặn chỗ"],
    ] as const) {
      const response = await page(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html.match(/<h1[\s>]/g), path).toHaveLength(1);
      expect(html).toContain(heading);
    }
    const overview = await (await page("/staff/spaces")).text();
    expect(overview).toContain("50.000 ₫/buổi · 80.000 ₫/ngày");
    expect(overview).toContain("Hội trường đào tạo");
  });

  it("show a founder 403", async () => {
    const founder = await signInOverHttp(server.url, "sanglap@demo.sonla.vn", "SonLa@2026");
    const response = await fetch(`${server.url}/staff/spaces/closures`, { headers: { Cookie: founder } });
    expect(response.status).toBe(403);
  });
});
