import type { Browser } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import {
  button,
  expectFieldError,
  field,
  main,
  openFromNav,
  signOut,
  submitForm,
  submitSignIn,
  waitForSignedIn,
} from "./accounts";
import {
  expectAccessible,
  launchBrowser,
  newVisitor,
  pageLanguage,
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

// Every form is a plain HTML form answered by a full page, so all of this works with
// JavaScript switched off. The pages are audited as served (see expectAccessible).
test("with JavaScript disabled, a founder signs up, signs out, and signs in (wrong password first)", async () => {
  const { context, page } = await newVisitor(browser, { javaScriptEnabled: false });
  const lang = "vi";
  const founder = { name: "Sa Văn Bình", email: uniqueEmail("no-js"), password: "Thác Dải Yếm Mộc Châu" };

  await visit(page, "/", { expectStatus: 200 });
  // Nothing of the app's JavaScript ran.
  expect(await page.evaluate(() => "__remixRouter" in window)).toBe(false);

  // The language switch is a form too.
  await useLanguage(page, "en");
  expect(await pageLanguage(page)).toBe("en");
  await expectAccessible(page);
  await useLanguage(page, lang);
  await waitForHeading(page, t(lang, "home.title"));

  await openFromNav(page, lang, "nav.signUp", "auth.signUp.title");
  // A bad submission comes back as a 400 page with the messages beside the fields.
  await field(page, lang, "auth.field.name").fill(founder.name);
  await field(page, lang, "auth.field.email").fill("không-phải-email");
  const refused = await submitForm(page, () => button(page, lang, "auth.signUp.submit").click());
  expect(refused.status()).toBe(400);
  await waitForHeading(page, t(lang, "auth.signUp.title"));
  await expectFieldError(page, lang, "auth.field.email", "form.invalidEmail");
  await expectFieldError(page, lang, "auth.field.password", "form.required");
  expect(await field(page, lang, "auth.field.name").inputValue()).toBe(founder.name);
  await expectAccessible(page);

  await field(page, lang, "auth.field.email").fill(founder.email);
  await field(page, lang, "auth.field.password").fill(founder.password);
  await field(page, lang, "auth.field.passwordConfirm").fill(founder.password);
  const created = await submitForm(page, () => button(page, lang, "auth.signUp.submit").click());
  expect(created.status()).toBe(302);
  await waitForHeading(page, t(lang, "home.title"));
  await waitForSignedIn(page, lang);
  await main(page)
    .getByText(t(lang, "home.welcomeBack", { name: founder.name }))
    .waitFor();
  await expectAccessible(page);

  await signOut(page, lang);

  await openFromNav(page, lang, "nav.signIn", "auth.signIn.title");
  await submitSignIn(page, lang, founder.email, "sai mật khẩu rồi");
  await waitForHeading(page, t(lang, "auth.signIn.title"));
  await main(page).getByRole("alert").getByText(t(lang, "auth.signIn.failed"), { exact: true }).waitFor();
  expect(await field(page, lang, "auth.field.email").inputValue()).toBe(founder.email);
  expect(await field(page, lang, "auth.field.password").inputValue()).toBe("");
  await expectAccessible(page);

  await submitSignIn(page, lang, founder.email, founder.password);
  await waitForSignedIn(page, lang);
  await waitForHeading(page, t(lang, "home.title"));
  await main(page)
    .getByText(t(lang, "home.welcomeBack", { name: founder.name }))
    .waitFor();
  await expectAccessible(page);

  // The account page and signing out work the same way.
  await openFromNav(page, lang, "nav.account", "auth.account.title");
  await signOut(page, lang);
  await context.close();
});
