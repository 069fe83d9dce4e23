import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { annualReport } from "~/features/reports/figures.server";
import { loader as reportsIndex } from "~/routes/staff.reports._index";
import { loader as reportLoader } from "~/routes/staff.reports.annual._index";
import { loader as listLoader } from "~/routes/staff.reports.annual.$list";
import { loader as csvLoader } from "~/routes/staff.reports.annual[.csv]";
import { loader as xlsxLoader } from "~/routes/staff.reports.annual[.xlsx]";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { buildReportCentre, expected2025, local, type Body } from "../setup/report-data";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

let data: Awaited<ReturnType<typeof buildReportCentre>>;
beforeAll(async () => {
  data = await buildReportCentre();
});

type ReportData = Body<Awaited<ReturnType<typeof reportLoader>>>;
type ListData = { list: string; result: { year: number; rows: Array<Record<string, unknown>> } | null };

async function report(year: string, cookie = data.staff.cookie) {
  const result = await call(reportLoader, `/staff/reports/annual?year=${year}`, { cookie });
  return { status: statusOf(result), body: dataOf<ReportData>(result) };
}

async function list(name: string, query: string) {
  const result = await call(listLoader, `/staff/reports/annual/${name}?${query}`, {
    cookie: data.staff.cookie,
    params: { list: name },
  });
  return { status: statusOf(result), body: dataOf<ListData>(result) };
}

describe("annual report figures", () => {
  it("counts each figure of 2025 as worked out by hand", async () => {
    const { status, body } = await report("2025");
    expect(status).toBe(200);
    const { byAudience, ...rest } = body.report!.figures;
    const { byAudience: expectedAudience, ...expectedRest } = expected2025;
    expect(rest).toEqual(expectedRest);
    expect(byAudience).toEqual(expectedAudience);
  });

  it("compares every year from the first with data to the chosen one", async () => {
    const { body } = await report("2025");
    const years = body.report!.years;
    expect(years.map((y) => y.year)).toEqual([2023, 2024, 2025]);
    expect(years[0]).toMatchObject({ teamsIncubated: 1, jobsCreated: 2, foundersTrained: 0 });
    expect(years[1]).toMatchObject({
      teamsIncubated: 1,
      mentoringSessions: 1,
      mentoringHours: 1,
      foundersTrained: 1,
      eventsHeld: 1,
    });
    expect(years[2]!.foundersTrained).toBe(3);
  });

  it("counts what had happened by the report's moment: rooms once over, events once held", async () => {
    const scope = { centreId: data.centre.id, zone: "Asia/Ho_Chi_Minh", now: local("2025-02-03T10:00") };
    const early = await annualReport(db(), scope, 2025);
    // The two-hour room booking from 09:00 is not over yet; the 1 January hour is.
    expect(early.figures.roomHours).toBe(1);
    // The trainings of April and May already have people marked present: they count as held.
    expect(early.figures.foundersTrained).toBe(3);
    const before = await annualReport(db(), { ...scope, now: local("2024-01-01T00:00") }, 2024);
    expect(before.figures.eventsHeld).toBe(1);
  });

  it("shows the centre's name, the year's title and the report's date line", async () => {
    const { body } = await report("2025");
    expect(body.report!.unitName).toBe("Trung tâm thử");
    expect(body.report!.place).toBe("Sơn La");
    expect(body.report!.until).toBe("31/12/2025");
  });
});

describe("the lists behind the figures", () => {
  it("lists each founder trained once, members and guests by email", async () => {
    const { status, body } = await list("founders-trained", "year=2025");
    expect(status).toBe(200);
    const emails = body.result!.rows.map((r) => r.email).sort();
    expect(emails).toEqual([data.founderEmail, data.guestEmails.hung, data.guestEmails.kim].sort());
    expect(emails).toHaveLength(expected2025.foundersTrained);
    expect(body.result!.rows.find((r) => r.email === data.founderEmail)).toMatchObject({ member: true, trainings: 2 });
  });

  it("lists the held events with registered and attended people, filtered by kind and audience", async () => {
    const all = await list("events", "year=2025");
    expect(all.body.result!.rows.map((r) => r.id)).toEqual([data.events.e1, data.events.e2, data.events.e3]);
    expect(all.body.result!.rows[0]).toMatchObject({ registered: 4, attended: 3 });
    const tourism = await list("events", "year=2025&kind=training&audience=tourism_cooperatives");
    expect(tourism.body.result!.rows.map((r) => r.id)).toEqual([data.events.e2]);
    const bad = await list("events", "year=2025&kind=party");
    expect(bad.status).toBe(400);
  });

  it("lists, for each group of people, the events they came to: the sums are the report's figures", async () => {
    for (const figure of expected2025.byAudience) {
      const { body } = await list("events", `year=2025&group=${figure.audience}`);
      const rows = body.result!.rows as Array<{ registered: number; attended: number }>;
      const sum = (key: "registered" | "attended") => rows.reduce((total, row) => total + row[key], 0);
      expect({ registered: sum("registered"), attended: sum("attended") }, figure.audience).toEqual({
        registered: figure.registered,
        attended: figure.attended,
      });
      const forAudience = await list("events", `year=2025&audience=${figure.audience}`);
      expect(forAudience.body.result!.rows, figure.audience).toHaveLength(figure.events);
    }
  });

  it("lists the teams, sessions and per-resource use that make up the figures", async () => {
    const teams = await list("teams", "year=2025");
    expect(teams.body.result!.rows.map((r) => r.name).sort()).toEqual(
      [data.teams.one.name, data.teams.two.name].sort(),
    );
    const sessions = await list("sessions", "year=2025");
    expect(sessions.body.result!.rows).toHaveLength(1);
    expect(sessions.body.result!.rows[0]).toMatchObject({ hours: 1.5 });
    const bookings = await list("bookings", "year=2025");
    const byCode = Object.fromEntries(bookings.body.result!.rows.map((r) => [r.code, r]));
    expect(byCode[data.resources.desk.code]).toMatchObject({ desk_days: 1.5, room_hours: 0, value: 80_000 });
    expect(byCode[data.resources.room.code]).toMatchObject({ desk_days: 0, room_hours: 3, value: 300_000 });
  });

  it("keeps the lists from founders (403)", async () => {
    const founder = await createUser("founder");
    const result = await call(listLoader, "/staff/reports/annual/founders-trained?year=2025", {
      cookie: founder.cookie,
      params: { list: "founders-trained" },
    });
    expect(statusOf(result)).toBe(403);
  });

  it("answers 404 for a list that does not exist", async () => {
    const { status } = await list("parties", "year=2025");
    expect(status).toBe(404);
  });
});

describe("bad years and access", () => {
  it.each(["abc", "1999", "2099", "20251"])("refuses the year %s with 400 and a message", async (year) => {
    const { status, body } = await report(year);
    expect(status).toBe(400);
    expect(body.report).toBeNull();
    expect(body.error).toMatch(/^reports\.error\./);
  });

  it("refuses founders and mentors (403) and sends visitors to sign in", async () => {
    const founder = await createUser("founder");
    expect((await report("2025", founder.cookie)).status).toBe(403);
    const mentor = await createUser("mentor");
    expect(statusOf(await call(csvLoader, "/staff/reports/annual.csv?year=2025", { cookie: mentor.cookie }))).toBe(403);
    const visitor = (await call(reportLoader, "/staff/reports/annual?year=2025")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("sends staff from /staff/reports to the annual report", async () => {
    const response = (await call(reportsIndex, "/staff/reports", { cookie: data.staff.cookie })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/staff/reports/annual");
  });

  it("answers a bad year in an export with 400 in the reader's language", async () => {
    const response = (await call(xlsxLoader, "/staff/reports/annual.xlsx?year=19", {
      cookie: data.staff.cookie,
      headers: { "Accept-Language": "en" },
    })) as Response;
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/valid year/);
  });
});

describe("exports", () => {
  it("writes a CSV with a BOM, dd/MM/yyyy dates and the same figures", async () => {
    const response = (await call(csvLoader, "/staff/reports/annual.csv?year=2025", {
      cookie: data.staff.cookie,
    })) as Response;
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/text\/csv/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("01/01/2025 - 31/12/2025");
    expect(text).toMatch(/Ngày lập;\d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain('2.1;"Số nhà sáng lập được đào tạo, tập huấn";người;3\r\n');
    // Vietnamese Excel reads the decimal comma (the field is quoted, the list separator is ";").
    expect(text).toContain('ngày-chỗ;"1,5"');
    expect(text).toContain("đồng;380000");
    expect(text).toContain('2025;2;1;3;3;6;1;"1,5";"1,5";3;380000;5');
  });

  it("writes an XLSX that ExcelJS reads back with the same figures", async () => {
    const response = (await call(xlsxLoader, "/staff/reports/annual.xlsx?year=2025", {
      cookie: data.staff.cookie,
      headers: { "Accept-Language": "en" },
    })) as Response;
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    const values = new Map<string, unknown>();
    sheet.eachRow((row) => {
      const label = row.getCell(2).value;
      if (typeof label === "string") values.set(label, row.getCell(4).value);
    });
    expect(values.get("Founders trained")).toBe(3);
    expect(values.get("Desk-days used in the coworking space")).toBe(1.5);
    expect(values.get("Value of in-kind support (at list price)")).toBe(380_000);
    const years = workbook.worksheets[1]!;
    expect(years.getRow(1).getCell(1).value).toBe("Year");
    expect(years.getColumn(1).values.filter((v) => typeof v === "number")).toEqual([2023, 2024, 2025]);
  });
});
