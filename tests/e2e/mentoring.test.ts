// A mentoring session's whole story in Chromium, on a phone: staff assign a mentor to a team,
// the team's founder proposes a session in a meeting room (without JavaScript), the mentor
// confirms it (the room is booked), both find it in their schedules, and after it the mentor
// records notes, which the team reads, and the mentor's hours delivered this month go up.
//
// Why this file starts a server of its own, on a real PostgreSQL: no session can be proposed
// for a time already past, and notes can only be recorded after the end. So once the mentor
// has confirmed the session through the pages, the test moves that one session (and its room
// booking) to earlier today with a direct update — the only step not done through the pages
// (docs/decisions/013). The shared server's PGlite folder is held by its process; a
// PostgreSQL database can be reached by the test while the server runs.
import { randomUUID } from "node:crypto";
import { Kysely, PostgresDialect } from "kysely";
import { DateTime } from "luxon";
import pg from "pg";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Database, Locale } from "#db/schema";
import { hashPassword } from "~/features/auth/password.server";
import { startPostgres, type ThrowawayPostgres } from "../../scripts/postgres";
import { openWeekdays } from "../setup/postgres-app";
import { startServer, type ServerProcess } from "../setup/server";
import { DEMO_PASSWORD, DEMO_STAFF, main, signInAs, submitForm } from "./accounts";
import { expectAccessible, followTo, launchBrowser, newVisitor, t, waitForHeading } from "./browser";

const ZONE = "Asia/Ho_Chi_Minh";
const LANGUAGES = ["vi", "en"] as const;
const stamp = randomUUID().slice(0, 6);
/** The people of each language's story: a mentor, and a team with its founder. */
const cast = (lang: Locale) => ({
  MENTOR: { email: `covan-${lang}-${stamp}@e2e.example.vn`, name: lang === "vi" ? "Hoàng Văn Thạch" : "Hà Thị Thu" },
  FOUNDER: { email: `sanglap-${lang}-${stamp}@e2e.example.vn`, name: lang === "vi" ? "Lò Thị Hương" : "Cầm Văn Sơn" },
  TEAM: `${lang === "vi" ? "Cà phê Chiềng Ban" : "Chè Tà Xùa"} ${stamp}`,
  TOPIC: "Xây dựng thương hiệu cà phê Sơn La",
  // Each story in its own hour, so the two never share a room.
  START: lang === "vi" ? "14:00" : "15:30",
});

let postgres: ThrowawayPostgres;
let server: ServerProcess;
let database: Kysely<Database>;
let browser: Browser;
let day: string;

beforeAll(async () => {
  postgres = await startPostgres();
  const url = await postgres.createDatabase();
  server = await startServer({ DATABASE_URL: url });
  database = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
  });
  const centre = await database.selectFrom("centre").select("id").executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // For each story: a mentor free every day 07:00–20:00, an incubating team with its founder.
  for (const lang of LANGUAGES) {
    const { MENTOR, FOUNDER, TEAM } = cast(lang);
    const [mentor, founder] = await database
      .insertInto("app_user")
      .values([
        { centre_id: centre.id, ...MENTOR, role: "mentor" as const, password_hash: passwordHash },
        { centre_id: centre.id, ...FOUNDER, role: "founder" as const, password_hash: passwordHash },
      ])
      .returning("id")
      .execute();
    await database
      .insertInto("mentor_profile")
      .values({ user_id: mentor!.id, organisation: "Hội doanh nhân trẻ Sơn La" })
      .execute();
    await database
      .insertInto("office_hours")
      .values(
        [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
          mentor_id: mentor!.id,
          weekday,
          starts_at: "07:00",
          ends_at: "20:00",
        })),
      )
      .execute();
    const team = await database
      .insertInto("team")
      .values({ centre_id: centre.id, name: TEAM, status: "incubating", incubation_starts_on: "2026-01-01" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.insertInto("team_member").values({ team_id: team.id, user_id: founder!.id }).execute();
  }
  day = (await openWeekdays(database, centre.id, 1))[0]!;
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await database?.destroy();
  await server?.stop();
  await postgres?.stop();
});

async function submitMain(page: Page, form: string) {
  const response = await submitForm(page, () =>
    main(page).locator(form).locator('button[type="submit"]').first().click(),
  );
  expect(response.status(), form).toBeLessThan(400);
  await page.waitForLoadState("load");
}

describe.each(LANGUAGES)("in %s, a mentoring session from the assignment to the notes", (lang) => {
  test("staff assign, the team proposes, the mentor confirms and records notes; hours go up", async () => {
    const { MENTOR, FOUNDER, TEAM, TOPIC, START } = cast(lang);
    const END = DateTime.fromFormat(START, "HH:mm").plus({ hours: 1 }).toFormat("HH:mm");
    const shownDay = DateTime.fromISO(day).toFormat("dd/MM/yyyy");

    // 1. Staff assign the mentor to the team (the mentors' pages).
    const staff = await newVisitor(browser, { server: server.url });
    await signInAs(staff.page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await staff.page.goto("/staff/mentors/assignments");
    const assign = main(staff.page).locator('form:has(input[name="intent"][value="assign"])');
    await assign.locator('select[name="mentorId"]').selectOption({ label: MENTOR.name });
    await assign.locator('select[name="teamId"]').selectOption({ label: TEAM });
    const today = DateTime.now().setZone(ZONE);
    await assign.locator('[name="startsOn"]').fill(today.minus({ days: 1 }).toFormat("dd/MM/yyyy"));
    await assign.locator('[name="endsOn"]').fill(today.plus({ months: 3 }).toFormat("dd/MM/yyyy"));
    await assign.locator('[name="focus"]').fill("Thương hiệu và kênh bán");
    await assign.locator('[name="plannedHours"]').fill("12");
    await submitMain(staff.page, 'form:has(input[name="intent"][value="assign"])');
    const assignment = await database
      .selectFrom("mentor_assignment as a")
      .innerJoin("team as t", "t.id", "a.team_id")
      .select("a.id")
      .where("t.name", "=", TEAM)
      .executeTakeFirstOrThrow();
    await staff.context.close();

    // 2. The founder proposes a session in meeting room P-202, from a phone without JavaScript.
    const founder = await newVisitor(browser, { server: server.url, javaScriptEnabled: false });
    await signInAs(founder.page, lang, FOUNDER.email, DEMO_PASSWORD);
    await founder.page.goto("/team/sessions");
    await waitForHeading(founder.page, t(lang, "sessions.team.title"));
    await expectAccessible(founder.page);
    await followTo(
      founder.page,
      () => main(founder.page).locator(`a[href="/sessions/new?assignment=${assignment.id}"]`).click(),
      (url) => url.pathname === "/sessions/new",
    );
    await waitForHeading(founder.page, t(lang, "sessions.propose.title"));
    await expectAccessible(founder.page);
    const form = main(founder.page);
    await form.getByLabel(t(lang, "sessions.field.date"), { exact: true }).fill(shownDay);
    await form.getByLabel(t(lang, "sessions.field.start"), { exact: true }).fill(START);
    await form.getByLabel(t(lang, "sessions.field.length"), { exact: true }).selectOption("60");
    await form.getByLabel(t(lang, "sessions.field.topic"), { exact: true }).fill(TOPIC);
    await form.getByLabel(t(lang, "sessions.mode.centre"), { exact: true }).check();
    const room = await form.locator('select[name="resourceId"] option', { hasText: "P-202" }).getAttribute("value");
    await form.getByLabel(t(lang, "sessions.field.room"), { exact: true }).selectOption(room!);
    await submitForm(founder.page, () =>
      form.getByRole("button", { name: t(lang, "sessions.propose.submit") }).click(),
    );
    await founder.page.waitForURL(
      (url) => url.pathname.startsWith("/sessions/") && url.searchParams.get("notice") === "proposed",
    );
    await expect.poll(() => main(founder.page).textContent()).toContain(t(lang, "sessions.status.proposed"));
    await expectAccessible(founder.page);
    const sessionPath = new URL(founder.page.url()).pathname;

    // 3. The mentor finds the proposal on the dashboard and confirms it; the room is booked.
    const mentor = await newVisitor(browser, { server: server.url });
    await signInAs(mentor.page, lang, MENTOR.email, DEMO_PASSWORD);
    await mentor.page.goto("/mentor");
    await waitForHeading(mentor.page, t(lang, "sessions.mentor.title"));
    await expectAccessible(mentor.page);
    await expect(main(mentor.page).getByTestId("hours-delivered").textContent()).resolves.toBe(
      t(lang, "sessions.hours", { hours: "0" }),
    );
    const pending = main(mentor.page).locator('section[aria-labelledby="mentor-pending"]');
    await expect.poll(() => pending.textContent()).toContain(TEAM);
    await followTo(
      mentor.page,
      () => pending.locator(`a[href="${sessionPath}"]`).click(),
      (url) => url.pathname === sessionPath,
    );
    await expectAccessible(mentor.page);
    await submitForm(mentor.page, () =>
      main(mentor.page)
        .getByRole("button", { name: t(lang, "sessions.page.confirm"), exact: true })
        .click(),
    );
    await mentor.page.waitForURL((url) => url.searchParams.get("notice") === "confirmed");
    await expect.poll(() => main(mentor.page).textContent()).toContain(t(lang, "sessions.status.confirmed"));
    const booked = await database
      .selectFrom("mentoring_session as s")
      .innerJoin("booking as b", "b.id", "s.booking_id")
      .innerJoin("resource as r", "r.id", "b.resource_id")
      .select(["s.id", "s.booking_id", "b.status", "r.code", "b.title"])
      .where("s.assignment_id", "=", assignment.id)
      .executeTakeFirstOrThrow();
    // The booking's title is stored once, in the centre's language.
    expect(booked).toMatchObject({
      status: "confirmed",
      code: "P-202",
      title: t("vi", "sessions.bookingTitle", { topic: TOPIC }),
    });

    // 4. Both see it in their schedules: the mentor's week, the team's sessions.
    await mentor.page.goto(`/mentor/schedule?view=week&date=${day}`);
    await waitForHeading(mentor.page, t(lang, "sessions.schedule.title"));
    await expectAccessible(mentor.page);
    const dayHeading = t(lang, "sessions.schedule.dayHeading", {
      weekday: t(lang, `sessions.weekday.${DateTime.fromISO(day).weekday}` as "sessions.weekday.1"),
      date: shownDay,
    });
    const daySection = main(mentor.page).locator("section", {
      has: mentor.page.getByRole("heading", { name: dayHeading }),
    });
    await expect.poll(() => daySection.textContent()).toContain(`${START}–${END}`);
    expect(await daySection.textContent()).toContain(TEAM);
    expect(await daySection.textContent()).toContain("P-202");
    await founder.page.goto("/team/sessions");
    const upcoming = main(founder.page).locator('section[aria-labelledby="team-upcoming"]');
    expect(await upcoming.textContent()).toContain(`${shownDay}, ${START}–${END}`);
    expect(await upcoming.textContent()).toContain(t(lang, "sessions.status.confirmed"));

    // 5. The precondition for recording: the session (and its booking) moved to earlier today.
    // Each story's room booking in an hour of its own, as before the move.
    const end = DateTime.now()
      .setZone(ZONE)
      .startOf("minute")
      .minus({ minutes: lang === "vi" ? 5 : 70 });
    const start = end.minus({ hours: 1 });
    const period = { starts_at: start.toJSDate(), ends_at: end.toJSDate() };
    await database.updateTable("booking").set(period).where("id", "=", booked.booking_id).execute();
    await database.updateTable("mentoring_session").set(period).where("id", "=", booked.id).execute();

    // 6. The mentor records it done with notes and action items.
    await mentor.page.goto(sessionPath);
    await waitForHeading(mentor.page, t(lang, "sessions.page.title", { team: TEAM, mentor: MENTOR.name }));
    const record = main(mentor.page).locator('form:has(input[name="intent"][value="record"])');
    await record.getByLabel(t(lang, "sessions.status.done"), { exact: true }).check();
    await record
      .getByLabel(t(lang, "sessions.field.notes"), { exact: true })
      .fill("Nhóm cần câu chuyện thương hiệu gắn với vùng Chiềng Ban.");
    await record
      .getByLabel(t(lang, "sessions.field.actionItems"), { exact: true })
      .fill("Chụp ảnh vườn cà phê\nViết lại nhãn sản phẩm");
    await expectAccessible(mentor.page);
    await submitForm(mentor.page, () =>
      record.getByRole("button", { name: t(lang, "sessions.page.recordSubmit") }).click(),
    );
    await mentor.page.waitForURL((url) => url.searchParams.get("notice") === "recorded");
    await expect.poll(() => main(mentor.page).textContent()).toContain(t(lang, "sessions.status.done"));

    // 7. The team reads the notes; the mentor's hours delivered this month went up by one.
    await founder.page.goto(sessionPath);
    const notes = main(founder.page).locator('section[aria-labelledby="session-notes"]');
    expect(await notes.textContent()).toContain("câu chuyện thương hiệu");
    expect(await notes.textContent()).toContain("Viết lại nhãn sản phẩm");
    await expectAccessible(founder.page);
    await mentor.page.goto("/mentor");
    const expected = start.hasSame(DateTime.now().setZone(ZONE), "month") ? "1" : "0";
    await expect(main(mentor.page).getByTestId("hours-delivered").textContent()).resolves.toBe(
      t(lang, "sessions.hours", { hours: expected }),
    );
    await founder.context.close();
    await mentor.context.close();
  });
});
