// The account steps several browser tests take, done the way a person does them: through
// the navigation, the labelled fields and the buttons, auditing every page on the way.
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Locale } from "#db/schema";
import { DEMO_PASSWORD } from "#db/seed/demo.server";
import type { MessageKey } from "~/i18n/translate";
import { expectAccessible, pageLanguage, t, useLanguage, visit, waitForHeading } from "./browser";

export { DEMO_PASSWORD };
export const DEMO_ADMIN = "admin@demo.sonla.vn";
export const DEMO_STAFF = "canbo@demo.sonla.vn";
export const DEMO_FOUNDER = "sanglap@demo.sonla.vn";

export function mainNav(page: Page, lang: Locale) {
  return page.getByRole("navigation", { name: t(lang, "nav.label") });
}

export function main(page: Page) {
  return page.getByRole("main");
}

/** A field of the page's main content, found by its visible label. */
export function field(page: Page, lang: Locale, label: MessageKey) {
  return main(page).getByLabel(t(lang, label), { exact: true });
}

export function button(page: Page, lang: Locale, label: MessageKey) {
  return main(page).getByRole("button", { name: t(lang, label), exact: true });
}

/** Follows a link of the main navigation and waits for the page it leads to. */
export async function openFromNav(page: Page, lang: Locale, link: MessageKey, heading: MessageKey) {
  await mainNav(page, lang)
    .getByRole("link", { name: t(lang, link), exact: true })
    .click();
  await waitForHeading(page, t(lang, heading));
  await expectAccessible(page);
}

/** The text beside a field of the main content (its error message), or null when there is none. */
async function errorBeside(page: Page, lang: Locale, label: MessageKey): Promise<string | null> {
  const input = field(page, lang, label);
  if ((await input.getAttribute("aria-invalid")) !== "true") return null;
  const describedBy = (await input.getAttribute("aria-describedby")) ?? "";
  const errorId = describedBy.split(" ").find((id) => id.endsWith("-error"));
  if (!errorId) return null;
  return ((await page.locator(`[id="${errorId}"]`).textContent()) ?? "").trim();
}

/** Waits until the field is marked invalid with this message beside it, tied by aria-describedby. */
export async function expectFieldError(page: Page, lang: Locale, label: MessageKey, message: MessageKey) {
  await expect.poll(() => errorBeside(page, lang, label), { timeout: 45_000, interval: 100 }).toBe(t(lang, message));
}

/** Clicks a form's submit button and waits for the server's answer to the POST. */
export async function submitForm(page: Page, submit: () => Promise<void>) {
  const [response] = await Promise.all([
    page.waitForResponse((response) => response.request().method() === "POST"),
    submit(),
  ]);
  return response;
}

/** Waits until the header shows a signed-in person (the sign-out button) or a visitor. */
export async function waitForSignedIn(page: Page, lang: Locale) {
  await mainNav(page, lang)
    .getByRole("button", { name: t(lang, "nav.signOut"), exact: true })
    .waitFor();
}
/** The header shows a signed-in person, in whichever language their account has. */
export async function waitForSignedInAnyLanguage(page: Page) {
  const signOutButton = new RegExp(`^(${t("vi", "nav.signOut")}|${t("en", "nav.signOut")})$`);
  await page.getByRole("banner").getByRole("button", { name: signOutButton }).waitFor();
}
export async function waitForSignedOut(page: Page, lang: Locale) {
  await mainNav(page, lang)
    .getByRole("link", { name: t(lang, "nav.signIn"), exact: true })
    .waitFor();
}

export interface NewFounder {
  name: string;
  email: string;
  password: string;
}

/** Fills the sign-up form (the page must be open) and sends it; lands on the home page signed in. */
export async function submitSignUp(page: Page, lang: Locale, founder: NewFounder) {
  await field(page, lang, "auth.field.name").fill(founder.name);
  await field(page, lang, "auth.field.email").fill(founder.email);
  await field(page, lang, "auth.field.phone").fill("0912 345 678");
  await field(page, lang, "auth.field.password").fill(founder.password);
  await field(page, lang, "auth.field.passwordConfirm").fill(founder.password);
  await button(page, lang, "auth.signUp.submit").click();
  await waitForHeading(page, t(lang, "home.title"));
  await waitForSignedIn(page, lang);
  await main(page)
    .getByText(t(lang, "home.welcomeBack", { name: founder.name }))
    .waitFor();
  await expectAccessible(page);
}

/** Fills the sign-in form (the page must be open) and sends it. */
export async function submitSignIn(page: Page, lang: Locale, email: string, password: string) {
  await field(page, lang, "auth.field.email").fill(email);
  await field(page, lang, "auth.field.password").fill(password);
  await submitForm(page, () => button(page, lang, "auth.signIn.submit").click());
}

/**
 * Opens the sign-in page by its address, signs in (the form is in whatever language the
 * page shows), lands where the sign-in leads, and then makes sure the page speaks `lang`.
 * The account's saved language wins after sign-in, so it may differ from the form's.
 */
export async function signInAs(page: Page, lang: Locale, email: string, password: string, landsOn = "/") {
  await visit(page, "/sign-in");
  const formLang = await pageLanguage(page);
  await submitSignIn(page, formLang, email, password);
  await page.waitForURL((url) => url.pathname === landsOn, { waitUntil: "load" });
  await waitForSignedInAnyLanguage(page);
  await useLanguage(page, lang);
  await waitForSignedIn(page, lang);
  await expectAccessible(page);
}

/** Signs out with the button in the header; lands on the home page as a visitor. */
export async function signOut(page: Page, lang: Locale) {
  await mainNav(page, lang)
    .getByRole("button", { name: t(lang, "nav.signOut"), exact: true })
    .click();
  await waitForSignedOut(page, lang);
  await waitForHeading(page, t(lang, "home.title"));
  await expectAccessible(page);
}
