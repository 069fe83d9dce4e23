// Occupancy and the audit log in Chromium, on a phone, in both languages: staff open the
// occupancy page from the navigation (charts with their tables, readable and accessible),
// a wrong period is refused beside its field; an administrator opens the audit log.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  DEMO_STAFF,
  button,
  expectFieldError,
  field,
  main,
  openFromNav,
  signInAs,
} from "./accounts";
import { expectAccessible, launchBrowser, newVisitor, t, waitForHeading } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["vi", "en"] as const)("occupancy and audit (%s)", (lang) => {
  test("staff read today's and the period's occupancy; a reversed period is refused beside its field", async () => {
    const { context, page } = await newVisitor(browser);
    await signInAs(page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await openFromNav(page, lang, "occupancy.nav", "occupancy.title");

    // Every chart is an SVG image named for screen readers, with its table beside it.
    const heatmap = main(page).getByRole("img", { name: t(lang, "occupancy.heatmap.title") });
    await heatmap.waitFor();
    expect(await main(page).locator("table").count()).toBeGreaterThanOrEqual(5);
    expect(
      await main(page)
        .getByRole("link", { name: new RegExp(t(lang, "occupancy.months.title")) })
        .count(),
    ).toBe(1);

    await field(page, lang, "occupancy.period.from").fill("10/06/2026");
    await field(page, lang, "occupancy.period.to").fill("01/06/2026");
    await button(page, lang, "occupancy.period.show").click();
    await expectFieldError(page, lang, "occupancy.period.to", "occupancy.error.endBeforeStart");
    await waitForHeading(page, t(lang, "occupancy.title"));
    expect(await heatmap.count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  test("an administrator opens the audit log from the navigation", async () => {
    const { context, page } = await newVisitor(browser);
    await signInAs(page, lang, DEMO_ADMIN, DEMO_PASSWORD);
    await openFromNav(page, lang, "audit.nav", "audit.title");
    await field(page, lang, "audit.filter.from").waitFor();
    await context.close();
  });
});
