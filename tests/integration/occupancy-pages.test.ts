// The occupancy page and its CSV files: who may see them, the period they read, bad periods.
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { loader as csvLoader } from "~/routes/staff.occupancy[.csv]";
import { loader as pageLoader } from "~/routes/staff.occupancy";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type Page = {
  today: { date: string; total: { desks: number } };
  figures: { period: { from: string; to: string }; heatmap: unknown[]; resources: unknown[] } | null;
  errors: Record<string, string> | null;
  values: { from: string; to: string };
};

describe("who may see occupancy", () => {
  it("lets staff and administrators in, refuses founders and mentors, sends visitors to sign in", async () => {
    for (const role of ["staff", "admin"] as const) {
      const { cookie } = await createUser(role);
      expect(statusOf(await call(pageLoader, "/staff/occupancy", { cookie }))).toBe(200);
      expect(statusOf(await call(csvLoader, "/staff/occupancy.csv?table=heatmap", { cookie }))).toBe(200);
    }
    for (const role of ["founder", "mentor"] as const) {
      const { cookie } = await createUser(role);
      expect(statusOf(await call(pageLoader, "/staff/occupancy", { cookie }))).toBe(403);
      expect(statusOf(await call(csvLoader, "/staff/occupancy.csv?table=heatmap", { cookie }))).toBe(403);
    }
    const visitor = (await call(pageLoader, "/staff/occupancy")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in/);
  });
});

describe("the period", () => {
  it("shows the last four weeks by default, and the chosen dd/MM/yyyy period otherwise", async () => {
    const { cookie } = await createUser("staff");
    const today = DateTime.now().setZone("Asia/Ho_Chi_Minh");
    const page = dataOf<Page>(await call(pageLoader, "/staff/occupancy", { cookie }));
    expect(page.values).toEqual({
      from: today.minus({ days: 27 }).toFormat("dd/MM/yyyy"),
      to: today.toFormat("dd/MM/yyyy"),
    });
    expect(page.today.date).toBe(today.toFormat("dd/MM/yyyy"));
    expect(page.today.total.desks).toBeGreaterThan(0);

    const chosen = dataOf<Page>(await call(pageLoader, "/staff/occupancy?from=01/06/2026&to=30/06/2026", { cookie }));
    expect(chosen.figures!.period).toEqual({ from: "2026-06-01", to: "2026-06-30" });
    // The demo centre opens Monday to Saturday: six weekdays of cells.
    expect(chosen.figures!.heatmap.length).toBeGreaterThan(0);
    expect(chosen.figures!.resources.length).toBeGreaterThan(0);
  });

  it("answers 400 with the message beside the field for a bad, reversed or too long period", async () => {
    const { cookie } = await createUser("staff");
    const cases: Array<[string, Record<string, string>]> = [
      ["from=31/02/2026&to=05/03/2026", { from: "occupancy.error.invalidDate" }],
      ["from=hôm-nay&to=", { from: "occupancy.error.invalidDate", to: "occupancy.error.invalidDate" }],
      ["from=10/06/2026&to=01/06/2026", { to: "occupancy.error.endBeforeStart" }],
      ["from=01/01/2025&to=31/03/2026", { to: "occupancy.error.tooLong" }],
    ];
    for (const [query, errors] of cases) {
      const response = await call(pageLoader, `/staff/occupancy?${query}`, { cookie });
      expect(statusOf(response)).toBe(400);
      const page = dataOf<Page>(response);
      expect(page.errors).toEqual(errors);
      // Nothing from another period is shown beside the refusal; today still is.
      expect(page.figures).toBeNull();
      expect(page.today.date).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
      expect(statusOf(await call(csvLoader, `/staff/occupancy.csv?table=months&${query}`, { cookie }))).toBe(400);
    }
  });
});

describe("CSV export", () => {
  it("gives each table as UTF-8 with a byte-order mark, headed in the reader's language", async () => {
    const { cookie } = await createUser("staff");
    const vi = (await call(csvLoader, "/staff/occupancy.csv?table=resources&from=01/06/2026&to=30/06/2026", {
      cookie,
    })) as Response;
    expect(vi.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(vi.headers.get("Content-Disposition")).toContain("occupancy-resources-2026-06-01-2026-06-30.csv");
    const bytes = new Uint8Array(await vi.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text.split("\r\n")[0]).toBe("Mã;Chỗ / phòng;Tầng;Loại;Lượt đặt;Ngày chỗ ngồi;Giờ phòng;Tỷ lệ sử dụng (%)");

    const en = (await call(csvLoader, "/staff/occupancy.csv?table=months&from=15/05/2026&to=10/06/2026", {
      cookie,
      headers: { "Accept-Language": "en" },
    })) as Response;
    const lines = (await en.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Month,Hours booked,Bookable hours,Share used (%)");
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual(["05/2026", "06/2026"]);

    expect(statusOf(await call(csvLoader, "/staff/occupancy.csv?table=secrets", { cookie }))).toBe(404);
  });
});
