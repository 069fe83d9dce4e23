// A founder's whole booking story in Chromium, with JavaScript on and off, in both languages:
// pick a desk on the floor plan, book it, see it in My bookings, check in (with the button
// and with the page a desk's QR code opens), cancel another booking.
//
// Why this file starts a server of its own: check-in is open only in a window around a
// booking's start (at most 240 minutes before it, by the policy form), and no booking can be
// made for a time already past, outside opening hours or on a holiday. So at night, on a
// Sunday or at Tết no booking made through the pages could be checked in now, and the shared
// server's PGlite folder is held by its process, so the test cannot reach its database. This
// file prepares a PGlite folder first (migrations, demo data, a founder per case and, as the
// precondition only, two desk bookings per founder starting a few minutes from now), then runs
// the same build on it. Everything the founder does, check-in included, goes through the pages.
import path from "node:path";
import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { connectDatabase } from "#db/connect.server";
import { migrateToLatest } from "#db/migrate.server";
import type { DayPart, Locale } from "#db/schema";
import { seedDemoData } from "#db/seed/demo.server";
import { DEMO_HOLIDAYS, DEMO_RESOURCES } from "#db/seed/spaces.server";
import { hashPassword } from "~/features/auth/password.server";
import { cleanEnv, freePort, healthStatus, spawnServer, tempDir, waitFor, type ServerProcess } from "../setup/server";
import { DEMO_PASSWORD, button, field, main, openFromNav, signInAs, submitForm } from "./accounts";
import { expectAccessible, followTo, launchBrowser, newVisitor, t, waitForHeading } from "./browser";

const ZONE = "Asia/Ho_Chi_Minh";
const LANGUAGES = ["vi", "en"] as const;
const JAVASCRIPT = [true, false] as const;

interface Case {
  email: string;
  name: string;
  part: Exclude<DayPart, "day">;
  /** The desks of the two bookings that start in a few minutes: checked in by button, by QR page. */
  buttonDesk: string;
  qrDesk: string;
}

const FOUNDER_NAMES = ["Lò Thị Ngọc", "Cầm Văn Hùng", "Quàng Thị Lan", "Tòng Văn Khánh"];

/** One founder, half day and pair of desks per case, so the cases never meet. */
function caseFor(lang: Locale, javaScriptEnabled: boolean): Case {
  const index = LANGUAGES.indexOf(lang as (typeof LANGUAGES)[number]) * 2 + (javaScriptEnabled ? 0 : 1);
  const desk = (n: number) => `D-${String(n).padStart(2, "0")}`;
  return {
    email: `datcho-${lang}-${javaScriptEnabled ? "js" : "nojs"}@e2e.example.vn`,
    name: FOUNDER_NAMES[index]!,
    part: index % 2 === 0 ? "morning" : "afternoon",
    buttonDesk: desk(17 + index * 2),
    qrDesk: desk(18 + index * 2),
  };
}

/** The first Monday–Friday at least three days ahead in the centre's zone that is no holiday. */
function openWeekdayAhead(): string {
  let day = DateTime.now().setZone(ZONE).startOf("day").plus({ days: 3 });
  for (;;) {
    const iso = day.toISODate()!;
    const holiday = DEMO_HOLIDAYS.some((h) => h.from <= iso && iso <= h.to);
    if (day.weekday <= 5 && !holiday) return iso;
    day = day.plus({ days: 1 });
  }
}

const date = openWeekdayAhead();
const shownDate = DateTime.fromISO(date).toFormat("dd/MM/yyyy");
let server: ServerProcess;
let serverUrl: string;
let browser: Browser;
/** The demo data as prepared: the ground floor's names, the half days' times, the soon bookings. */
let groundFloor: { vi: string; en: string };
let halfDayTimes: Record<Case["part"], string>;
let soon: { date: string; time: string };

async function prepareDatabase(dataDir: string) {
  const handle = await connectDatabase({ pgliteDataDir: dataDir });
  try {
    const db = handle.db;
    await migrateToLatest(db as Kysely<unknown>);
    await seedDemoData(db);
    const centre = await db.selectFrom("centre").select("id").executeTakeFirstOrThrow();
    const floor = await db
      .selectFrom("floor")
      .select(["name_vi", "name_en"])
      .where("code", "=", "T1")
      .executeTakeFirstOrThrow();
    groundFloor = { vi: floor.name_vi, en: floor.name_en };
    const hours = await db
      .selectFrom("opening_hours")
      .select(["opens_at", "closes_at"])
      .where("weekday", "=", DateTime.fromISO(date).weekday)
      .executeTakeFirstOrThrow();
    const policy = await db.selectFrom("booking_policy").select("midday").executeTakeFirstOrThrow();
    const hhmm = (time: string) => time.slice(0, 5);
    halfDayTimes = {
      morning: `${hhmm(hours.opens_at)}–${hhmm(policy.midday)}`,
      afternoon: `${hhmm(policy.midday)}–${hhmm(hours.closes_at)}`,
    };

    // The precondition: desk bookings for an hour from a few minutes from now, inside the
    // default check-in window (15 minutes before the start to 30 minutes after it).
    const startsAt = DateTime.now().setZone(ZONE).plus({ minutes: 6 }).startOf("minute");
    const endsAt = startsAt.plus({ hours: 1 });
    soon = { date: startsAt.toFormat("dd/MM/yyyy"), time: `${startsAt.toFormat("HH:mm")}–${endsAt.toFormat("HH:mm")}` };
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const desks = await db.selectFrom("resource").select(["id", "code"]).where("kind", "=", "hot_desk").execute();
    // Founders of the demo's incubated team: their desks are free within the weekly allowance
    // (others pay for desks, decision 015).
    const team = await db
      .selectFrom("team")
      .select("id")
      .where("centre_id", "=", centre.id)
      .where("status", "=", "incubating")
      .orderBy("created_at")
      .executeTakeFirstOrThrow();
    for (const lang of LANGUAGES) {
      for (const javaScriptEnabled of JAVASCRIPT) {
        const c = caseFor(lang, javaScriptEnabled);
        const founder = await db
          .insertInto("app_user")
          .values({ centre_id: centre.id, email: c.email, name: c.name, role: "founder", password_hash: passwordHash })
          .returning("id")
          .executeTakeFirstOrThrow();
        await db.insertInto("team_member").values({ team_id: team.id, user_id: founder.id }).execute();
        for (const code of [c.buttonDesk, c.qrDesk]) {
          await db
            .insertInto("booking")
            .values({
              centre_id: centre.id,
              resource_id: desks.find((d) => d.code === code)!.id,
              user_id: founder.id,
              booked_by: founder.id,
              status: "confirmed",
              starts_at: startsAt.toJSDate(),
              ends_at: endsAt.toJSDate(),
              price_vnd: 0,
            })
            .execute();
        }
      }
    }
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  const dataDir = path.join(tempDir("sonla-e2e-bookings-"), "pglite");
  await prepareDatabase(dataDir);
  const port = await freePort();
  serverUrl = `http://localhost:${port}`;
  // The same settings as the shared server (tests/e2e/global-setup.ts), on the prepared folder.
  server = spawnServer(
    cleanEnv({
      NODE_ENV: "production",
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      COOKIE_SECURE: "false",
      LOG_LEVEL: "warn",
      APP_URL: serverUrl,
      SEED_DEMO_DATA: "never",
      TRUST_PROXY: "1",
    }),
    port,
  );
  await waitFor(async () => server.child.exitCode !== null || (await healthStatus(serverUrl)) === 200, {
    timeoutMs: 180_000,
    what: "the bookings server's /healthz",
  });
  if (server.child.exitCode !== null) throw new Error(`the bookings server stopped:\n${server.stderr()}`);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  if (server) {
    const exit = await server.stop();
    expect(exit.code, `the bookings server's exit on SIGTERM:\n${server.stderr()}`).toBe(0);
    // A 500 the pages might hide behind an error page still shows in the server's log.
    expect(server.logLines().filter((line) => line.level === "error")).toEqual([]);
  }
});

/** What a description list of the main content says for a term. */
function definition(page: Page, term: string) {
  return main(page)
    .locator("dl > div")
    .filter({ has: page.getByRole("term").getByText(term, { exact: true }) })
    .getByRole("definition");
}

function section(page: Page, lang: Locale, heading: "bookings.list.upcoming" | "bookings.list.past") {
  return main(page).getByRole("region", { name: t(lang, heading), exact: true });
}

function deskName(lang: Locale, code: string): string {
  const desk = DEMO_RESOURCES.find((r) => r.code === code)!;
  return lang === "vi" ? desk.name_vi : desk.name_en;
}

/** A booking in My bookings, named by its heading "code · name". */
function bookingCard(page: Page, lang: Locale, where: "bookings.list.upcoming" | "bookings.list.past", code: string) {
  return section(page, lang, where).getByRole("article", { name: `${code} · ${deskName(lang, code)}`, exact: true });
}

function statusLine(lang: Locale, status: "confirmed" | "checked_in" | "cancelled"): string {
  return `${t(lang, "bookings.field.status")}: ${t(lang, `bookings.status.${status}`)}`;
}

async function expectNotice(page: Page, lang: Locale, notice: Parameters<typeof t>[1]) {
  await main(page).getByRole("status").getByText(t(lang, notice), { exact: true }).waitFor();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe.each(LANGUAGES)("in %s", (lang) => {
  test.each(JAVASCRIPT)(
    "a founder books a desk from the floor plan, checks in, and cancels a booking (JavaScript on: %s)",
    async (javaScriptEnabled) => {
      const c = caseFor(lang, javaScriptEnabled);
      const partLabel = t(lang, `bookings.part.${c.part}`);
      const { context, page } = await newVisitor(browser, { javaScriptEnabled, server: serverUrl });
      await signInAs(page, lang, c.email, DEMO_PASSWORD);

      // The floor plan for the chosen day and half day.
      await openFromNav(page, lang, "spaces.nav", "spaces.plan.title");
      await field(page, lang, "spaces.field.date").fill(date);
      await field(page, lang, "spaces.field.part").selectOption(c.part);
      await followTo(
        page,
        () => button(page, lang, "spaces.show").click(),
        (url) => url.searchParams.get("date") === date && url.searchParams.get("part") === c.part,
      );
      const floor = groundFloor[lang];
      const plan = main(page).getByRole("region", {
        name: t(lang, "spaces.plan.svgTitle", { floor, date: shownDate, part: partLabel }),
        exact: true,
      });
      await expectAccessible(page);

      // A free desk on the drawing is a link; the text alternative lists the same desk.
      const freeDesk = plan
        .getByRole("link", { name: new RegExp(`^D-\\d\\d · .+ · ${escape(t(lang, "spaces.state.free"))}$`) })
        .first();
      const code = ((await freeDesk.getAttribute("aria-label")) ?? "").split(" · ")[0]!;
      expect(code).toMatch(/^D-\d\d$/);
      const listed = main(page)
        .getByRole("region", { name: t(lang, "spaces.plan.listTitle", { floor }), exact: true })
        .getByRole("link", { name: t(lang, "spaces.bookLabel", { code }), exact: true });
      expect(await listed.getAttribute("href")).toBe(await freeDesk.getAttribute("href"));
      await followTo(
        page,
        () => freeDesk.click(),
        (url) => url.pathname === "/bookings/new",
      );

      // The booking form says what, when and for how much.
      await waitForHeading(page, t(lang, "bookings.new.title"));
      expect(await definition(page, t(lang, "bookings.field.resource")).innerText()).toContain(
        `${code} · ${deskName(lang, code)}`,
      );
      expect(await definition(page, t(lang, "bookings.field.date")).innerText()).toBe(shownDate);
      expect(await definition(page, t(lang, "bookings.field.time")).innerText()).toBe(
        `${partLabel} · ${halfDayTimes[c.part]}`,
      );
      // Within the team's free allowance the desk costs nothing, and the form says why (decision 015).
      expect(await definition(page, t(lang, "bookings.field.price")).innerText()).toBe(
        `${t(lang, "bookings.price.free")}\n${t(lang, "payments.coverage.quota")}`,
      );
      await expectAccessible(page);

      await followTo(
        page,
        () => button(page, lang, "bookings.new.confirm").click(),
        (url) => url.pathname === "/bookings" && url.searchParams.get("notice") === "booked",
      );
      await expectNotice(page, lang, "bookings.notice.booked");

      // The plan now shows the desk as the founder's own.
      await page.goto(`/spaces?date=${date}&part=${c.part}`);
      await plan
        .getByRole("img", { name: `${code} · ${deskName(lang, code)} · ${t(lang, "spaces.state.mine")}`, exact: true })
        .waitFor();

      // My bookings lists it with its date (dd/MM/yyyy) and 24-hour times.
      await openFromNav(page, lang, "bookings.nav", "bookings.list.title");
      const booked = bookingCard(page, lang, "bookings.list.upcoming", code);
      await expect.poll(() => booked.innerText()).toContain(`${shownDate} · ${partLabel} · ${halfDayTimes[c.part]}`);
      expect(await booked.innerText()).toContain(statusLine(lang, "confirmed"));

      // Check-in with the button, a few minutes before the booking starts.
      const byButton = bookingCard(page, lang, "bookings.list.upcoming", c.buttonDesk);
      expect(await byButton.innerText()).toContain(`${soon.date} · ${soon.time}`);
      await followTo(
        page,
        () => byButton.getByRole("button", { name: t(lang, "bookings.action.checkIn"), exact: true }).click(),
        (url) => url.searchParams.get("notice") === "checkedIn",
      );
      await expectNotice(page, lang, "bookings.notice.checkedIn");
      await expect.poll(() => byButton.innerText()).toContain(statusLine(lang, "checked_in"));
      expect(await byButton.getByRole("button", { name: t(lang, "bookings.action.checkIn") }).count()).toBe(0);
      await expectAccessible(page);

      // The QR code of the desk booked for a later day finds nothing to check in now.
      const early = await page.goto(`/check-in/${code}`);
      expect(early?.status()).toBe(404);
      await waitForHeading(page, t(lang, "bookings.checkIn.title", { code }));
      await main(page)
        .getByRole("alert")
        .getByText(t(lang, "bookings.error.no_booking_here"), { exact: true })
        .waitFor();
      expect(await button(page, lang, "bookings.checkIn.submit").count()).toBe(0);

      // Check-in at the other desk from the page its QR code opens.
      await page.goto(`/check-in/${c.qrDesk}`);
      await waitForHeading(page, t(lang, "bookings.checkIn.title", { code: c.qrDesk }));
      await main(page).getByText(`${soon.date} ${soon.time}`, { exact: true }).waitFor();
      await expectAccessible(page, { pageName: "/check-in/:code" });
      const answer = await submitForm(page, () => button(page, lang, "bookings.checkIn.submit").click());
      expect(answer.ok(), `check-in answered ${answer.status()}`).toBe(true);
      await main(page)
        .getByRole("status")
        .getByText(t(lang, "bookings.checkIn.done", { code: c.qrDesk, when: `${soon.date} ${soon.time}` }), {
          exact: true,
        })
        .waitFor();
      await expectAccessible(page, { pageName: "/check-in/:code" });

      // Back in My bookings: both are checked in; cancelling the desk booked above moves it
      // to the past with its status.
      await openFromNav(page, lang, "bookings.nav", "bookings.list.title");
      expect(await bookingCard(page, lang, "bookings.list.upcoming", c.qrDesk).innerText()).toContain(
        statusLine(lang, "checked_in"),
      );
      await followTo(
        page,
        () =>
          booked
            .getByRole("button", {
              name: t(lang, "bookings.action.cancelLabel", { what: `${code} ${shownDate}` }),
              exact: true,
            })
            .click(),
        (url) => url.searchParams.get("notice") === "cancelled",
      );
      await expectNotice(page, lang, "bookings.notice.cancelled");
      const cancelled = bookingCard(page, lang, "bookings.list.past", code);
      await expect.poll(() => cancelled.innerText()).toContain(statusLine(lang, "cancelled"));
      expect(await cancelled.innerText()).toContain(`${shownDate} · ${partLabel} · ${halfDayTimes[c.part]}`);
      expect(await booked.count()).toBe(0);
      expect(await cancelled.getByRole("button").count()).toBe(0);
      await expectAccessible(page);
      await context.close();
    },
  );
});
