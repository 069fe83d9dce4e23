import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  button,
  field,
  expectFieldError,
  main,
  mainNav,
  openFromNav,
  submitSignIn,
  submitSignUp,
  waitForSignedIn,
  waitForSignedOut,
  signOut,
  submitForm,
} from "./accounts";
import {
  expectAccessible,
  launchBrowser,
  newVisitor,
  t,
  uniqueEmail,
  useLanguage,
  visit,
  waitForHeading,
} from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["vi", "en"] as const)("a new founder (%s)", (lang) => {
  test("signs up, signs out, is refused a wrong password with a message that gives nothing away, then signs in", async () => {
    const { context, page } = await newVisitor(browser);
    const founder = {
      name: lang === "vi" ? "Đinh Thị Thu Hà" : "Hà Thu Đinh",
      email: uniqueEmail(`founder-${lang}`),
      password: "Hoa ban nở trắng núi rừng",
    };
    await visit(page, "/");
    await useLanguage(page, lang);
    await expectAccessible(page);

    // Sign up from the navigation; an empty form is refused with a message beside each field.
    await openFromNav(page, lang, "nav.signUp", "auth.signUp.title");
    await submitForm(page, () => button(page, lang, "auth.signUp.submit").click());
    await expectFieldError(page, lang, "auth.field.name", "form.required");
    await expectFieldError(page, lang, "auth.field.email", "form.required");
    await main(page).getByRole("alert").getByText(t(lang, "form.fixErrors")).waitFor();
    await expectAccessible(page);

    // A password that is too short and a confirmation that differs are explained too.
    await field(page, lang, "auth.field.name").fill(founder.name);
    await field(page, lang, "auth.field.email").fill(founder.email);
    await field(page, lang, "auth.field.password").fill("ngan");
    await field(page, lang, "auth.field.passwordConfirm").fill("ngan");
    await submitForm(page, () => button(page, lang, "auth.signUp.submit").click());
    await expectFieldError(page, lang, "auth.field.password", "auth.password.tooShort");
    // What was typed stays in the form.
    expect(await field(page, lang, "auth.field.name").inputValue()).toBe(founder.name);
    await expectAccessible(page);

    await submitSignUp(page, lang, founder);
    expect(new URL(page.url()).pathname).toBe("/");

    // The account page shows who is signed in.
    await openFromNav(page, lang, "nav.account", "auth.account.title");
    await main(page).getByText(founder.email, { exact: true }).waitFor();
    await main(page).getByText(t(lang, "role.founder"), { exact: true }).waitFor();

    // Sign out; the session is over, not only forgotten by this browser.
    const sessionBefore = (await context.cookies()).find((cookie) => cookie.name === "sid");
    expect(sessionBefore).toBeDefined();
    await signOut(page, lang);
    const elsewhere = await newVisitor(browser);
    await elsewhere.context.addCookies([sessionBefore!]);
    await elsewhere.page.goto("/account");
    await waitForHeading(elsewhere.page, t("vi", "auth.signIn.title"));
    expect(new URL(elsewhere.page.url()).pathname).toBe("/sign-in");
    await expectAccessible(elsewhere.page);
    await elsewhere.context.close();

    // A wrong password and an unknown email get the same message, which names neither.
    await openFromNav(page, lang, "nav.signIn", "auth.signIn.title");
    await submitSignIn(page, lang, founder.email, "Mật khẩu sai rồi");
    const failed = main(page).getByRole("alert");
    await failed.getByText(t(lang, "auth.signIn.failed"), { exact: true }).waitFor();
    await expectAccessible(page);
    expect(await field(page, lang, "auth.field.email").inputValue()).toBe(founder.email);
    await submitSignIn(page, lang, uniqueEmail("nobody"), founder.password);
    await failed.getByText(t(lang, "auth.signIn.failed"), { exact: true }).waitFor();

    // The right password signs in, in the language of the account.
    await submitSignIn(page, lang, founder.email, founder.password);
    await waitForSignedIn(page, lang);
    await waitForHeading(page, t(lang, "home.title"));
    await main(page)
      .getByText(t(lang, "home.welcomeBack", { name: founder.name }))
      .waitFor();
    await expectAccessible(page);

    // Signing in again elsewhere with the same account, still in the account's language.
    const { context: other, page: otherPage } = await newVisitor(browser, {
      locale: lang === "vi" ? "en-US" : "vi-VN",
    });
    await visit(otherPage, "/sign-in");
    const otherLang = lang === "vi" ? "en" : "vi";
    await submitSignIn(otherPage, otherLang, founder.email, founder.password);
    await waitForSignedIn(otherPage, lang);
    await waitForHeading(otherPage, t(lang, "home.title"));
    await expectAccessible(otherPage);
    await other.close();

    await context.close();
  });

  test("a visitor sent to sign in comes back to the page they asked for", async () => {
    const { context, page } = await newVisitor(browser);
    await visit(page, "/");
    await useLanguage(page, lang);
    await page.goto("/account");
    await waitForHeading(page, t(lang, "auth.signIn.title"));
    const url = new URL(page.url());
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("redirectTo")).toBe("/account");
    await expectAccessible(page);

    const founder = { name: "Lò Thị Sen", email: uniqueEmail(`redirect-${lang}`), password: "Chè Tà Xùa thơm ngon" };
    await mainNav(page, lang)
      .getByRole("link", { name: t(lang, "nav.signUp"), exact: true })
      .click();
    await waitForHeading(page, t(lang, "auth.signUp.title"));
    await submitSignUp(page, lang, founder);
    await signOut(page, lang);

    await page.goto("/account");
    await waitForHeading(page, t(lang, "auth.signIn.title"));
    await submitSignIn(page, lang, founder.email, founder.password);
    await waitForHeading(page, t(lang, "auth.account.title"));
    expect(new URL(page.url()).pathname).toBe("/account");
    await expectAccessible(page);
    await signOut(page, lang);
    await waitForSignedOut(page, lang);
    await context.close();
  });
});
