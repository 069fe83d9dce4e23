import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, expectFieldError, field, main, openFromNav, signInAs } from "./accounts";
import { expectAccessible, followTo, launchBrowser, weekdayAhead, newVisitor, t, waitForHeading } from "./browser";

// The second demo founder, so these tests do not change the first one's saved language.
const FOUNDER = "sanglap2@demo.sonla.vn";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["vi", "en"] as const)("in %s", (lang) => {
  test.each([false, true])(
    "a founder sees the floor plan, the room timeline and the search (JavaScript on: %s)",
    async (javaScriptEnabled) => {
      const { context, page } = await newVisitor(browser, { javaScriptEnabled });
      const date = weekdayAhead(3);
      await signInAs(page, lang, FOUNDER, DEMO_PASSWORD);

      await openFromNav(page, lang, "spaces.nav", "spaces.plan.title");
      await field(page, lang, "spaces.field.date").fill(date);
      await field(page, lang, "spaces.field.part").selectOption("afternoon");
      await followTo(
        page,
        () =>
          main(page)
            .getByRole("button", { name: t(lang, "spaces.show"), exact: true })
            .click(),
        (url) => url.searchParams.get("part") === "afternoon",
      );
      await main(page).getByRole("img").first().waitFor({ state: "attached" });
      await expectAccessible(page);
      // The text alternative's first free desk leads to the booking form for that half day.
      const book = main(page).locator('section a[href^="/bookings/new?"][href*="part=afternoon"]').first();
      await followTo(
        page,
        () => book.click(),
        (url) => url.pathname === "/bookings/new",
      );
      const bookingUrl = new URL(page.url());
      expect(bookingUrl.searchParams.get("date")).toBe(date);
      expect(bookingUrl.searchParams.get("part")).toBe("afternoon");
      await waitForHeading(page, t(lang, "bookings.new.title"));

      await page.goto(`/spaces/rooms?date=${date}`);
      await waitForHeading(page, t(lang, "spaces.rooms.title"));
      await expectAccessible(page);
      // Any free slot of any room leads to the booking form for that start.
      const slot = main(page).locator('a[href^="/bookings/new?"][href*="start="]:visible').first();
      await followTo(
        page,
        () => slot.click(),
        (url) => url.pathname === "/bookings/new",
      );
      expect(new URL(page.url()).searchParams.get("start")).toMatch(/^\d\d:[03]0$/);

      await page.goto("/spaces/search");
      await waitForHeading(page, t(lang, "spaces.search.title"));
      await field(page, lang, "spaces.field.people").fill("0");
      const submit = () =>
        main(page)
          .getByRole("button", { name: t(lang, "spaces.search.submit"), exact: true })
          .click();
      if (javaScriptEnabled) {
        await submit();
      } else {
        // Without JavaScript the GET form is a full page: bad input comes back as a 400 page.
        const [refused] = await Promise.all([
          page.waitForResponse((r) => new URL(r.url()).pathname === "/spaces/search"),
          submit(),
        ]);
        expect(refused.status()).toBe(400);
      }
      await expectFieldError(page, lang, "spaces.field.people", "spaces.error.people");
      await expectAccessible(page);

      await field(page, lang, "spaces.field.people").fill("6");
      await field(page, lang, "spaces.field.date").fill(date);
      await field(page, lang, "spaces.field.start").selectOption("14:00");
      await field(page, lang, "spaces.field.duration").selectOption("120");
      await submit();
      const results = t(lang, "spaces.search.results", {
        start: "14:00",
        date: date.split("-").reverse().join("/"),
        duration: t(lang, "spaces.duration.hours", { n: 2 }),
      });
      await main(page).getByRole("heading", { level: 2, name: results }).waitFor();
      expect(await main(page).locator('a[href^="/bookings/new?"][href*="people=6"]').count()).toBeGreaterThan(0);
      await expectAccessible(page);
      await context.close();
    },
  );
});
