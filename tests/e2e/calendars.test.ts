// A founder's calendars in Chromium, in both languages: they book a desk, open "My calendars"
// from the navigation, make their personal feed link, copy it, and the link (fetched as a
// calendar app would) holds their booking; a new link stops the old one at once; the
// booking's page offers the booking as an .ics file, which ical.js reads back to the same
// instants as the feed, and an "add to Google Calendar" link.
import { readFile } from "node:fs/promises";
import ICAL from "ical.js";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Locale } from "#db/schema";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_STAFF,
  button,
  field,
  main,
  openFromNav,
  signInAs,
  submitForm,
  submitSignUp,
} from "./accounts";
import {
  baseURL,
  expectAccessible,
  followTo,
  launchBrowser,
  newVisitor,
  t,
  uniqueEmail,
  useLanguage,
  visit,
  waitForHeading,
  weekdayAhead,
} from "./browser";

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

/** What a calendar app gets from a link: fetched from the page, as the link is on the same origin. */
async function fetchFeed(page: Page, url: string) {
  return page.evaluate(async (address) => {
    const response = await fetch(address, { credentials: "omit" });
    return { status: response.status, type: response.headers.get("Content-Type"), text: await response.text() };
  }, url);
}

/** Every VEVENT of a calendar by UID, read by ical.js with the file's own VTIMEZONE. */
function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(zone);
  return new Map(
    calendar.getAllSubcomponents("vevent").map((component) => {
      const event = new ICAL.Event(component);
      const instants = {
        start: event.startDate.toJSDate().toISOString(),
        end: event.endDate.toJSDate().toISOString(),
        status: component.getFirstPropertyValue("status"),
      };
      return [event.uid, instants] as const;
    }),
  );
}

async function httpsLink(page: Page, lang: Locale) {
  return (await field(page, lang, "calendar.link.https").inputValue()).trim();
}

describe.each(["vi", "en"] as const)("in %s, a founder's calendar feed", (lang) => {
  test("makes a feed link, finds the booking in it, replaces the link and downloads the booking", async () => {
    const founder = { name: "Lường Thị Mai", email: uniqueEmail(`lich-${lang}`), password: "Lich-SonLa-2026" };
    const { context, page } = await newVisitor(browser, { locale: lang === "vi" ? "vi-VN" : "en-GB" });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });

    // 1. A new founder books a morning desk (each language on its own weekday).
    await visit(page, "/sign-up");
    await submitSignUp(page, lang, founder);
    await useLanguage(page, lang);
    const date = weekdayAhead(lang === "vi" ? 3 : 4);
    await page.goto(`/spaces?date=${date}&part=morning`);
    await waitForHeading(page, t(lang, "spaces.plan.title"));
    await followTo(
      page,
      () => main(page).locator('section a[href^="/bookings/new?"][href*="part=morning"]').first().click(),
      (url) => url.pathname === "/bookings/new",
    );
    const booked = await submitForm(page, () =>
      main(page).locator('form:has(input[name="resource"]) button[type="submit"]').first().click(),
    );
    expect(booked.status()).toBeLessThan(400);
    // A founder outside an incubated team pays for a desk (decision 015): the desk is held
    // while they pay, and a calendar shows it as tentative until then.
    await page.waitForURL((url) => /^\/bookings\/[0-9a-f-]{36}\/pay$/.test(url.pathname));
    const bookingId = new URL(page.url()).pathname.split("/")[2]!;
    const uid = new RegExp(`^booking-${bookingId}@`);

    // 2. "My calendars" from the navigation: no link yet, then one.
    await openFromNav(page, lang, "calendar.nav", "calendar.title");
    const create = main(page).getByRole("button", {
      name: t(lang, "calendar.createFor", { name: t(lang, "calendar.person.heading") }),
      exact: true,
    });
    await submitForm(page, () => create.click());
    await main(page).getByText(t(lang, "calendar.notice.created")).waitFor();
    await expectAccessible(page);
    const first = await httpsLink(page, lang);
    expect(first).toMatch(new RegExp(`^${baseURL}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(await field(page, lang, "calendar.link.webcal").inputValue()).toBe(first.replace(/^http:/, "webcal:"));

    // The copy button puts the link on the clipboard and says so.
    await main(page)
      .getByRole("button", { name: t(lang, "calendar.copyLabel", { link: t(lang, "calendar.link.https") }) })
      .click();
    await main(page).getByText(t(lang, "calendar.copied"), { exact: true }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(first);

    // 3. The link, fetched without the browser's session as a calendar app would, holds the booking.
    const feed = await fetchFeed(page, first);
    expect(feed.status).toBe(200);
    expect(feed.type).toBe("text/calendar; charset=utf-8");
    const inFeed = [...eventsOf(feed.text)].find(([id]) => uid.test(id));
    expect(inFeed, feed.text).toBeDefined();
    expect(inFeed![1].status).toBe("TENTATIVE");

    // 4. A new link: the page warns first; afterwards the old link is refused and the new one works.
    await main(page).getByText(t(lang, "calendar.regenerateWarning")).waitFor();
    await submitForm(page, () => button(page, lang, "calendar.regenerate").click());
    await main(page).getByText(t(lang, "calendar.notice.regenerated")).waitFor();
    const second = await httpsLink(page, lang);
    expect(second).not.toBe(first);
    expect((await fetchFeed(page, first)).status).toBe(404);
    expect((await fetchFeed(page, second)).status).toBe(200);

    // 5. The booking's page: the .ics download, read back to the feed's instants, and Google's link.
    await visit(page, `/bookings/${bookingId}`);
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      main(page)
        .getByRole("link", { name: t(lang, "calendar.event.download"), exact: true })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe(`booking-${bookingId}.ics`);
    const file = await readFile((await download.path())!, "utf8");
    const downloaded = [...eventsOf(file)];
    expect(downloaded).toHaveLength(1);
    expect(downloaded[0]![0]).toMatch(uid);
    expect(downloaded[0]![1]).toEqual(inFeed![1]);
    const google = await main(page)
      .getByRole("link", { name: t(lang, "calendar.event.google"), exact: true })
      .getAttribute("href");
    const dates = new URL(google!).searchParams.get("dates");
    const utc = (iso: string) => iso.replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
    expect(dates).toBe(`${utc(inFeed![1].start)}/${utc(inFeed![1].end)}`);
    await context.close();
  });
});

describe.each(["vi", "en"] as const)("in %s, staff's calendars without JavaScript", (lang) => {
  test("makes the centre's feed and a room's from the list; the links are there to select", async () => {
    const { context, page } = await newVisitor(browser, {
      javaScriptEnabled: false,
      locale: lang === "vi" ? "vi-VN" : "en-GB",
    });
    await signInAs(page, lang, lang === "vi" ? DEMO_STAFF : DEMO_ADMIN, DEMO_PASSWORD);
    await useLanguage(page, lang);
    await openFromNav(page, lang, "calendar.nav", "calendar.title");

    const centre = main(page).getByRole("button", {
      name: t(lang, "calendar.createFor", { name: t(lang, "calendar.centre.heading") }),
      exact: true,
    });
    await submitForm(page, () => centre.click());
    await page.waitForURL((url) => url.searchParams.get("notice") === "created");
    const centreCard = main(page).getByRole("region", { name: t(lang, "calendar.centre.heading"), exact: true });
    const link = await centreCard.getByLabel(t(lang, "calendar.link.https"), { exact: true }).inputValue();
    expect(link).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // Without JavaScript there is no copy button: the read-only field is selected instead.
    expect(
      await main(page)
        .getByRole("button", { name: t(lang, "calendar.copy") })
        .count(),
    ).toBe(0);

    const room = "P-201";
    const picker = field(page, lang, "calendar.resources.choose");
    const option = picker.locator("option", { hasText: room });
    await picker.selectOption((await option.getAttribute("value"))!);
    await submitForm(page, () => main(page).locator('form:has([name="resourceId"]) button[type="submit"]').click());
    await page.waitForURL((url) => url.searchParams.get("notice") === "created");
    const roomCard = main(page).getByRole("region", { name: new RegExp(`^${room} · `) });
    await roomCard.getByLabel(t(lang, "calendar.link.webcal"), { exact: true }).waitFor();
    await expectAccessible(page);
    await context.close();
  });
});
