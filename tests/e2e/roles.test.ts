import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_FOUNDER,
  DEMO_PASSWORD,
  DEMO_STAFF,
  main,
  mainNav,
  openFromNav,
  signInAs,
  submitSignIn,
  waitForSignedInAnyLanguage,
} from "./accounts";
import {
  expectAccessible,
  followTo,
  launchBrowser,
  mainHeading,
  newVisitor,
  pageLanguage,
  t,
  useLanguage,
  visit,
  waitForHeading,
} from "./browser";

const DEMO_TEAM = "Mận Hậu Mộc Châu Xanh";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["vi", "en"] as const)("roles (%s)", (lang) => {
  test("a founder sees their team, and a friendly 403 page on staff and admin pages", async () => {
    const { context, page } = await newVisitor(browser);
    await signInAs(page, lang, DEMO_FOUNDER, DEMO_PASSWORD);

    // The navigation offers a founder their team, not the staff pages.
    const nav = mainNav(page, lang);
    expect(await nav.getByRole("link", { name: t(lang, "nav.teams"), exact: true }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: t(lang, "nav.outbox"), exact: true }).count()).toBe(0);
    await openFromNav(page, lang, "nav.myTeam", "teams.mine.title");
    await main(page).getByRole("heading", { name: DEMO_TEAM }).waitFor();

    for (const pathname of ["/staff/teams", "/staff/invitations", "/admin/users", "/admin/outbox"]) {
      await visit(page, pathname, { expectStatus: 403 });
      expect(await pageLanguage(page)).toBe(lang);
      expect(await mainHeading(page)).toBe(t(lang, "error.forbidden.title"));
      await main(page).getByText(t(lang, "error.forbidden.body")).waitFor();
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(/\bat \S+ \(|Error:|stack/i);
    }
    // Still signed in, and the way home is on the page.
    await followTo(
      page,
      () =>
        main(page)
          .getByRole("link", { name: t(lang, "error.backHome") })
          .click(),
      (url) => url.pathname === "/",
    );
    await waitForHeading(page, t(lang, "home.title"));
    await context.close();
  });

  test("a visitor asking for a staff page signs in first; staff and admins see their pages", async () => {
    const { context, page } = await newVisitor(browser);
    await visit(page, "/");
    await useLanguage(page, lang);
    await page.goto("/staff/teams");
    await waitForHeading(page, t(lang, "auth.signIn.title"));
    expect(new URL(page.url()).searchParams.get("redirectTo")).toBe("/staff/teams");
    await expectAccessible(page);
    await submitSignIn(page, lang, DEMO_STAFF, DEMO_PASSWORD);
    await page.waitForURL((url) => url.pathname === "/staff/teams", { waitUntil: "load" });
    await waitForSignedInAnyLanguage(page);
    await useLanguage(page, lang);
    await waitForHeading(page, t(lang, "teams.list.title"));
    await expectAccessible(page);

    // A team's page, from the list.
    await main(page).getByRole("link", { name: DEMO_TEAM, exact: true }).click();
    await waitForHeading(page, DEMO_TEAM);
    await expectAccessible(page);

    await openFromNav(page, lang, "nav.invitations", "invitations.title");
    // Staff do not manage users or read the outbox.
    const nav = mainNav(page, lang);
    expect(await nav.getByRole("link", { name: t(lang, "nav.users"), exact: true }).count()).toBe(0);
    await context.close();

    const admin = await newVisitor(browser);
    await signInAs(admin.page, lang, DEMO_ADMIN, DEMO_PASSWORD);
    await openFromNav(admin.page, lang, "nav.users", "admin.users.title");
    await main(admin.page).getByText(DEMO_FOUNDER).first().waitFor();
    await admin.context.close();
  });
});
