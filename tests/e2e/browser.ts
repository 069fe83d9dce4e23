// What the browser tests share: Debian's Chromium driven by playwright-core, a phone-sized
// visitor, the language switch, and the axe-core audit every visited page must pass.
import { createRequire } from "node:module";
import path from "node:path";
import { DateTime } from "luxon";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";
import type { Locale } from "#db/schema";
import { translate, type MessageKey, type MessageParams } from "~/i18n/translate";
import { appendAudit, pageKey } from "./audit-log";

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve("axe-core/axe.min.js");

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
export const PHONE = { width: 390, height: 844 };
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
// Generous: the tests may share two cores with a server and a browser.
const ACTION_TIMEOUT = 45_000;

export const baseURL = inject("baseURL");

/** The text a person reads for a dictionary key, in one language. */
export function t(lang: Locale, key: MessageKey, params?: MessageParams): string {
  return translate(lang, key, params);
}

/**
 * A local yyyy-MM-dd date, the first given ISO weekday (1 Monday … 7 Sunday) at least three
 * days ahead in the centre's zone: bookable whatever the hour a test runs.
 */
export function weekdayAhead(weekday: number): string {
  let day = DateTime.now().setZone("Asia/Ho_Chi_Minh").startOf("day").plus({ days: 3 });
  while (day.weekday !== weekday) day = day.plus({ days: 1 });
  return day.toISODate()!;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 120_000 });
}

const withoutJavaScript = new WeakSet<BrowserContext>();
// What went wrong in a visitor's pages that a person would not see at once: scripts the
// Content-Security-Policy blocked, hydration failures, uncaught errors.
const pageProblems = new WeakMap<BrowserContext, string[]>();

let visitors = 0;
/** A private address of its own for each visitor (test files run in processes of their own). */
function visitorAddress(): string {
  visitors += 1;
  return `10.${process.pid % 256}.${Math.floor(visitors / 250) % 256}.${(visitors % 250) + 1}`;
}

/**
 * A new visitor with no cookies on a phone. The browser asks for Vietnamese first, as most
 * of the centre's visitors' browsers do; pass `locale` to ask for another language, and
 * `server` to visit a server a test file started for itself instead of the shared one.
 */
export async function newVisitor(
  browser: Browser,
  {
    javaScriptEnabled = true,
    locale = "vi-VN",
    server = baseURL,
  }: { javaScriptEnabled?: boolean; locale?: string; server?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: server,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale,
    javaScriptEnabled,
    // The app's Content-Security-Policy stays on: the pages must work under it (axe-core's
    // script tag is inline, which the policy allows for Remix's own inline scripts).
    extraHTTPHeaders: { "X-Forwarded-For": visitorAddress() },
  });
  if (!javaScriptEnabled) withoutJavaScript.add(context);
  const problems: string[] = [];
  pageProblems.set(context, problems);
  context.on("weberror", (error) => problems.push(`uncaught error: ${error.error().message}`));
  context.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|hydrat/i.test(message.text())) {
      problems.push(`console: ${message.text()}`);
    }
  });
  context.setDefaultTimeout(ACTION_TIMEOUT);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT);
  const page = await context.newPage();
  return { context, page };
}

export async function pageLanguage(page: Page): Promise<Locale> {
  const lang = await page.locator("html").getAttribute("lang");
  if (lang !== "vi" && lang !== "en") throw new Error(`<html lang="${lang}"> on ${page.url()}`);
  return lang;
}

/** The text of the page's one h1, once it is there. */
export async function mainHeading(page: Page): Promise<string> {
  const h1 = page.locator("h1");
  await h1.first().waitFor();
  expect(await h1.count(), `one h1 on ${page.url()}`).toBe(1);
  return ((await h1.textContent()) ?? "").trim();
}

/** Waits until the page shows the h1 with this text (after a navigation or a form). */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    - ${JSON.stringify(n.target)}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, "\n      ")}` : ""}`,
        )
        .join("\n");
      return `  ${v.id} (${v.impact ?? "n/a"}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: unknown[] }> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return JSON.parse(JSON.stringify(result.violations)) as AxeViolation[];
  }, WCAG_21_AA);
}

/**
 * axe-core needs JavaScript, which a page without it cannot run. The page's HTML as the
 * visitor got it (scripts removed, the same stylesheets) is audited in a second tab that has
 * JavaScript, at the same address, so what is checked is exactly what the visitor saw.
 */
async function runAxeOnSnapshot(page: Page): Promise<AxeViolation[]> {
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const browser = page.context().browser();
  if (!browser) throw new Error("no browser for the accessibility audit");
  const auditor = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, bypassCSP: true });
  try {
    const copy = await auditor.newPage();
    const url = page.url();
    await copy.route(url, (route) =>
      route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }),
    );
    await copy.goto(url, { waitUntil: "load", timeout: ACTION_TIMEOUT });
    return await runAxe(copy);
  } finally {
    await auditor.close();
  }
}

/**
 * Runs axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now and fails the test with
 * each violation's id, the elements it found and how to fix it. Records the audit, so the
 * run can check that every page was audited in both languages. Fails too when the page
 * logged a script blocked by the Content-Security-Policy, a hydration error or an uncaught error.
 */
export async function expectAccessible(page: Page, { pageName }: { pageName?: string } = {}): Promise<void> {
  await page.waitForLoadState("load");
  await page.locator("h1").first().waitFor();
  const lang = await pageLanguage(page);
  const violations = withoutJavaScript.has(page.context()) ? await runAxeOnSnapshot(page) : await runAxe(page);
  const where = `${new URL(page.url()).pathname} (${lang})`;
  expect(pageProblems.get(page.context()) ?? [], `script problems up to ${where}`).toEqual([]);
  expect(violations.length, `accessibility violations on ${where}:\n${describeViolations(violations)}`).toBe(0);
  const testPath = expect.getState().testPath ?? "unknown";
  appendAudit(inject("auditLogFile"), { page: pageName ?? pageKey(page.url()), lang, file: path.basename(testPath) });
}

/**
 * Opens a path as a person typing the address would, and audits what they see. An error
 * page (403, 404, 5xx) counts as one page whatever the address.
 */
export async function visit(page: Page, pathname: string, { expectStatus }: { expectStatus?: number } = {}) {
  const response = await page.goto(pathname, { waitUntil: "load" });
  const status = response?.status() ?? 0;
  if (expectStatus !== undefined) expect(status, `status of ${pathname}`).toBe(expectStatus);
  const errorPage = status === 403 || status === 404 || status >= 500;
  await expectAccessible(page, { pageName: errorPage ? `(the ${status} page)` : undefined });
  return response;
}

/**
 * Chooses a language with the switch in the header (a plain form, so it works without
 * JavaScript too), unless the page is already in it. The switch, labelled in the language it
 * leads to, tells which language the page is in; it is drawn with the page's text.
 */
export async function useLanguage(page: Page, lang: Locale): Promise<void> {
  const other: Locale = lang === "vi" ? "en" : "vi";
  const toOther = page.getByRole("button", { name: t(lang, "language.switchToLabel"), exact: true });
  const toLang = page.getByRole("button", { name: t(other, "language.switchToLabel"), exact: true });
  await toOther.or(toLang).first().waitFor();
  if (await toOther.isVisible()) return;
  await toLang.click();
  await toOther.waitFor();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: "attached" });
  await page.waitForLoadState("load");
}

/** Clicks a button or link that leads to another page and waits until that page is shown. */
export async function followTo(page: Page, click: () => Promise<void>, url: string | RegExp | ((url: URL) => boolean)) {
  await Promise.all([page.waitForURL(url, { waitUntil: "load" }), click()]);
}

/** A unique e-mail address for a person created by a test (the database is shared by the run). */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}@e2e.example.vn`;
}
