import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
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

const CENTRE_VI = "Trung tâm Đổi mới sáng tạo tỉnh Sơn La";
const CENTRE_EN = "Sơn La Innovation Centre";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("the home page", () => {
  test("speaks Vietnamese to a visitor whose browser asks for neither language", async () => {
    const { context, page } = await newVisitor(browser, { locale: "fr-FR" });
    await visit(page, "/", { expectStatus: 200 });
    expect(await pageLanguage(page)).toBe("vi");
    expect(await mainHeading(page)).toBe(t("vi", "home.title"));
    await page.getByText(CENTRE_VI, { exact: true }).waitFor();
    await page.getByText("Tô Hiệu").first().waitFor();
    await context.close();
  });

  test("shows the centre's name, address and opening hours in Vietnamese", async () => {
    const { context, page } = await newVisitor(browser);
    await visit(page, "/", { expectStatus: 200 });
    expect(await pageLanguage(page)).toBe("vi");
    await page.getByText(CENTRE_VI, { exact: true }).waitFor();
    await page.getByRole("heading", { name: t("vi", "home.openingHours") }).waitFor();
    await page.getByText("07:30–17:00").first().waitFor();
    expect(await page.title()).toBe(CENTRE_VI);
    await context.close();
  });

  test("guesses English for a browser that asks for English first", async () => {
    const { context, page } = await newVisitor(browser, { locale: "en-GB" });
    await visit(page, "/", { expectStatus: 200 });
    expect(await pageLanguage(page)).toBe("en");
    expect(await mainHeading(page)).toBe(t("en", "home.title"));
    await page.getByText(CENTRE_EN, { exact: true }).first().waitFor();
    await context.close();
  });
});

describe("the language switch", () => {
  test("switches to English, and the choice stays across pages, reloads and new tabs", async () => {
    const { context, page } = await newVisitor(browser);
    await visit(page, "/");
    expect(await pageLanguage(page)).toBe("vi");

    await useLanguage(page, "en");
    await waitForHeading(page, t("en", "home.title"));
    expect(new URL(page.url()).pathname).toBe("/");
    await page.getByText(CENTRE_EN, { exact: true }).first().waitFor();
    await page.getByRole("button", { name: t("en", "language.switchToLabel") }).waitFor();

    // Another page, reached by typing its address: still English.
    await visit(page, "/this-page-does-not-exist", { expectStatus: 404 });
    expect(await pageLanguage(page)).toBe("en");
    expect(await mainHeading(page)).toBe(t("en", "error.notFound.title"));

    // Back home by the page's own link, then a reload: still English.
    await followTo(
      page,
      () => page.getByRole("link", { name: t("en", "error.backHome") }).click(),
      (url) => url.pathname === "/",
    );
    await waitForHeading(page, t("en", "home.title"));
    await page.reload({ waitUntil: "load" });
    expect(await pageLanguage(page)).toBe("en");
    expect(await mainHeading(page)).toBe(t("en", "home.title"));

    // The browser keeps the choice in a cookie: a new tab starts in English.
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === "lang")).toBeDefined();
    const tab = await context.newPage();
    await visit(tab, "/");
    expect(await pageLanguage(tab)).toBe("en");

    // And back to Vietnamese, which also stays.
    await useLanguage(tab, "vi");
    await waitForHeading(tab, t("vi", "home.title"));
    await tab.reload({ waitUntil: "load" });
    expect(await pageLanguage(tab)).toBe("vi");
    await visit(tab, "/");
    expect(await mainHeading(tab)).toBe(t("vi", "home.title"));
    await context.close();
  });
});

describe("an unknown address", () => {
  test.each(["vi", "en"] as const)("shows the friendly 404 page in %s", async (lang) => {
    const { context, page } = await newVisitor(browser, { locale: lang === "vi" ? "vi-VN" : "en-US" });
    for (const pathname of ["/khong-co-trang-nay", "/staff/no-such-thing/42"]) {
      await visit(page, pathname, { expectStatus: 404 });
      expect(await pageLanguage(page)).toBe(lang);
      expect(await mainHeading(page)).toBe(t(lang, "error.notFound.title"));
      await page.getByText(t(lang, "error.notFound.body")).waitFor();
      // The site's header and navigation are still there, and nothing technical leaks out.
      await page.getByRole("navigation", { name: t(lang, "nav.label") }).waitFor();
      const text = await page.locator("body").innerText();
      expect(text).not.toMatch(/\bat \S+ \(|Error:|stack/i);
    }
    await followTo(
      page,
      () => page.getByRole("link", { name: t(lang, "error.backHome") }).click(),
      (url) => url.pathname === "/",
    );
    await waitForHeading(page, t(lang, "home.title"));
    await context.close();
  });
});
