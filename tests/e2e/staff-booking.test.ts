// Staff book a desk for a founder from the booking form, with JavaScript on and off; the
// founder then finds it in My bookings.
import { DateTime } from "luxon";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_PASSWORD, DEMO_STAFF, button, main, signInAs, submitForm } from "./accounts";
import { expectAccessible, followTo, launchBrowser, weekdayAhead, newVisitor, t, waitForHeading } from "./browser";

// The second demo founder: no other test books for them.
const FOUNDER = "sanglap2@demo.sonla.vn";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("staff book for a founder", () => {
  test.each([
    [true, "morning"],
    [false, "afternoon"],
  ] as const)("from the floor plan to the founder's bookings (JavaScript on: %s)", async (javaScriptEnabled, part) => {
    const lang = "vi";
    const date = weekdayAhead(4);
    const staff = await newVisitor(browser, { javaScriptEnabled });
    await signInAs(staff.page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await staff.page.goto(`/spaces?date=${date}&part=${part}`);
    await waitForHeading(staff.page, t(lang, "spaces.plan.title"));
    const free = main(staff.page).locator(`section a[href^="/bookings/new?"][href*="part=${part}"]`).first();
    await followTo(
      staff.page,
      () => free.click(),
      (url) => url.pathname === "/bookings/new",
    );
    await waitForHeading(staff.page, t(lang, "bookings.new.title"));
    await expectAccessible(staff.page);
    // The form's preview names the resource by its code (D-01, F-01, P-201 …).
    const code = ((await main(staff.page).textContent()) ?? "").match(/[A-Z]+-\d{2,3}(?= · )/)?.[0];
    expect(code).toBeDefined();
    const option = main(staff.page).locator('select[name="forUser"] option', { hasText: FOUNDER });
    const value = (await option.getAttribute("value"))!;
    await main(staff.page).locator('select[name="forUser"]').selectOption(value);
    const response = await submitForm(staff.page, () => button(staff.page, lang, "bookings.new.confirm").click());
    expect(response.status()).toBeLessThan(400);
    await staff.page.waitForURL((url) => url.pathname === "/bookings");
    await expect
      .poll(() => main(staff.page).textContent(), { timeout: 30_000 })
      .toContain(t(lang, "bookings.notice.bookedFor"));
    await staff.context.close();

    // The founder holds it: it is in their list, at that desk, on that day and half day.
    const founder = await newVisitor(browser, { javaScriptEnabled });
    await signInAs(founder.page, lang, FOUNDER, DEMO_PASSWORD);
    await founder.page.goto("/bookings");
    await waitForHeading(founder.page, t(lang, "bookings.list.title"));
    const day = DateTime.fromISO(date).toFormat("dd/MM/yyyy");
    await expect
      .poll(
        async () =>
          (await main(founder.page).locator("article").allTextContents()).filter(
            (text) => text.startsWith(`${code} · `) && text.includes(`${day} · ${t(lang, `bookings.part.${part}`)} · `),
          ).length,
        { timeout: 30_000 },
      )
      .toBe(1);
    await founder.context.close();
  });
});
