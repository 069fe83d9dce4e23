import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  DEMO_ADMIN,
  DEMO_PASSWORD,
  button,
  expectFieldError,
  field,
  main,
  openFromNav,
  signInAs,
  signOut,
  submitForm,
  submitSignIn,
  submitSignUp,
  waitForSignedIn,
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

const CENTRE = { vi: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La", en: "Sơn La Innovation Centre" } as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe.each(["vi", "en"] as const)("a founder who forgot the password (%s)", (lang) => {
  test("asks for a link, which an admin finds in the outbox, and sets a new password with it", async () => {
    const founder = {
      name: lang === "vi" ? "Hà Văn Khánh" : "Khánh Hà",
      email: uniqueEmail(`reset-${lang}`),
      password: "Mường La mùa lúa chín",
    };
    const newPassword = "Mộc Châu đồi chè xanh";

    // The founder has an account in this language, and is signed out.
    const { context, page } = await newVisitor(browser);
    await visit(page, "/");
    await useLanguage(page, lang);
    await openFromNav(page, lang, "nav.signUp", "auth.signUp.title");
    await submitSignUp(page, lang, founder);
    await signOut(page, lang);

    // From the sign-in page, "forgotten your password?".
    await openFromNav(page, lang, "nav.signIn", "auth.signIn.title");
    await main(page)
      .getByRole("link", { name: t(lang, "auth.signIn.forgot"), exact: true })
      .click();
    await waitForHeading(page, t(lang, "auth.forgot.title"));
    await expectAccessible(page);
    await field(page, lang, "auth.field.email").fill(founder.email);
    await submitForm(page, () => button(page, lang, "auth.forgot.submit").click());
    await main(page).getByRole("status").getByText(t(lang, "auth.forgot.sent")).waitFor();
    await expectAccessible(page);

    // An admin reads the outbox (no SMTP server is configured) and finds the email.
    const admin = await newVisitor(browser);
    await signInAs(admin.page, lang, DEMO_ADMIN, DEMO_PASSWORD);
    await openFromNav(admin.page, lang, "nav.outbox", "outbox.title");
    const email = main(admin.page).getByRole("listitem").filter({ hasText: founder.email });
    expect(await email.count()).toBe(1);
    // The email is written in the founder's language.
    await email.getByRole("heading", { name: t(lang, "auth.resetEmail.subject", { centre: CENTRE[lang] }) }).waitFor();
    await email.getByText(t(lang, "outbox.kind.password-reset"), { exact: true }).waitFor();
    await email.getByText(t(lang, "outbox.showText")).click();
    const body = email.locator("pre");
    await body.waitFor();
    await expectAccessible(admin.page);
    const text = (await body.textContent()) ?? "";
    const link = /https?:\/\/\S+\/reset-password\?token=[\w%-]+/.exec(text)?.[0];
    expect(link, `a reset link in:\n${text}`).toBeDefined();
    await admin.context.close();

    // The founder opens the link and chooses a new password; typing it differently twice is caught.
    await visit(page, link!, { expectStatus: 200 });
    await waitForHeading(page, t(lang, "auth.reset.title"));
    await main(page)
      .getByText(t(lang, "auth.reset.lead", { email: founder.email }))
      .waitFor();
    await field(page, lang, "auth.field.newPassword").fill(newPassword);
    await field(page, lang, "auth.field.newPasswordConfirm").fill(`${newPassword}!`);
    await submitForm(page, () => button(page, lang, "auth.reset.submit").click());
    await expectFieldError(page, lang, "auth.field.newPasswordConfirm", "auth.password.mismatch");
    await expectAccessible(page);
    await field(page, lang, "auth.field.newPassword").fill(newPassword);
    await field(page, lang, "auth.field.newPasswordConfirm").fill(newPassword);
    await button(page, lang, "auth.reset.submit").click();
    // Setting the password signs the founder in.
    await waitForHeading(page, t(lang, "home.title"));
    await waitForSignedIn(page, lang);
    await main(page)
      .getByText(t(lang, "home.welcomeBack", { name: founder.name }))
      .waitFor();
    await expectAccessible(page);
    await signOut(page, lang);

    // The link works once only.
    await visit(page, link!, { expectStatus: 400 });
    await main(page).getByRole("alert").getByText(t(lang, "auth.reset.invalid")).waitFor();
    await main(page)
      .getByRole("link", { name: t(lang, "auth.reset.requestNew") })
      .waitFor();

    // The old password no longer works; the new one does.
    await visit(page, "/sign-in");
    await submitSignIn(page, lang, founder.email, founder.password);
    await main(page).getByRole("alert").getByText(t(lang, "auth.signIn.failed"), { exact: true }).waitFor();
    await submitSignIn(page, lang, founder.email, newPassword);
    await waitForSignedIn(page, lang);
    await waitForHeading(page, t(lang, "home.title"));
    await expectAccessible(page);
    await context.close();
  });
});
