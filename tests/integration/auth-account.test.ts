import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as accountAction, loader as accountLoader } from "~/routes/account";
import { action as signInAction } from "~/routes/sign-in";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser, TEST_PASSWORD } from "../setup/factories";
import { call, cookieFrom, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type AccountResult = { intent: string | null; errors?: Record<string, string>; saved?: boolean };

let ipCounter = 10;
const freshIp = () => `203.0.113.${ipCounter++}`;

async function signIn(email: string, password: string) {
  return call(signInAction, "/sign-in", { form: { email, password }, clientIp: freshIp() });
}

async function authenticates(cookie: string | null) {
  return statusOf(await call(accountLoader, "/account", { cookie })) === 200;
}

describe("account page", () => {
  it("sends visitors to sign in and shows a signed-in person their name, email and role", async () => {
    const visitor = (await call(accountLoader, "/account")) as Response;
    expect(statusOf(visitor)).toBe(302);
    expect(visitor.headers.get("Location")).toBe("/sign-in?redirectTo=%2Faccount");

    const { user, cookie } = await createUser("mentor", { name: "Nguyễn Văn Cố Vấn" });
    expect(dataOf(await call(accountLoader, "/account", { cookie }))).toEqual({
      name: "Nguyễn Văn Cố Vấn",
      email: user.email,
      role: "mentor",
      locale: "vi",
    });
  });

  it("keeps the chosen language on the account, for every later visit and browser", async () => {
    const { user, cookie } = await createUser("founder");
    const result = await call(accountAction, "/account", { cookie, form: { intent: "locale", locale: "en" } });
    expect(statusOf(result)).toBe(200);
    expect(dataOf<AccountResult>(result)).toEqual({ intent: "locale", saved: true });
    const headers = new Headers((result as { init?: { headers?: HeadersInit } }).init?.headers);
    expect(headers.get("Set-Cookie")).toMatch(/^lang=/);

    const row = await db().selectFrom("app_user").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.locale).toBe("en");

    // A new browser that prefers Vietnamese and has no language cookie still gets English once signed in.
    const fresh = cookieFrom((await signIn(user.email, TEST_PASSWORD)) as Response);
    const root = dataOf<{ locale: string }>(
      await call(rootLoader, "/", { cookie: fresh, headers: { "Accept-Language": "vi" } }),
    );
    expect(root.locale).toBe("en");
    expect(dataOf(await call(accountLoader, "/account", { cookie: fresh }))).toMatchObject({ locale: "en" });
  });

  it("refuses a language that is not offered", async () => {
    const { user, cookie } = await createUser("founder");
    const result = await call(accountAction, "/account", { cookie, form: { intent: "locale", locale: "fr" } });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<AccountResult>(result)).toEqual({
      intent: "locale",
      errors: { locale: "auth.account.languageInvalid" },
    });
    const row = await db().selectFrom("app_user").select("locale").where("id", "=", user.id).executeTakeFirstOrThrow();
    expect(row.locale).toBeNull();
  });

  it("refuses visitors' changes", async () => {
    const result = (await call(accountAction, "/account", { form: { intent: "locale", locale: "en" } })) as Response;
    expect(statusOf(result)).toBe(302);
    expect(result.headers.get("Location")).toMatch(/^\/sign-in/);
  });
});

describe("change password", () => {
  it("refuses a wrong current password with 400 beside that field and changes nothing", async () => {
    const { user, cookie } = await createUser("founder");
    const other = cookieFrom((await signIn(user.email, TEST_PASSWORD)) as Response);
    const result = await call(accountAction, "/account", {
      cookie,
      form: {
        intent: "password",
        currentPassword: "không đúng đâu",
        newPassword: "mat-khau-moi-rat-dai",
        newPasswordConfirm: "mat-khau-moi-rat-dai",
      },
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<AccountResult>(result)).toEqual({
      intent: "password",
      errors: { currentPassword: "auth.password.currentWrong" },
    });
    expect(await authenticates(other)).toBe(true);
    expect(statusOf(await signIn(user.email, "mat-khau-moi-rat-dai"))).toBe(400);
    expect(statusOf(await signIn(user.email, TEST_PASSWORD))).toBe(302);
  });

  it("checks the new password's length and confirmation", async () => {
    const { cookie } = await createUser("founder");
    const short = await call(accountAction, "/account", {
      cookie,
      form: { intent: "password", currentPassword: TEST_PASSWORD, newPassword: "ngan", newPasswordConfirm: "ngan" },
    });
    expect(statusOf(short)).toBe(400);
    expect(dataOf<AccountResult>(short).errors).toEqual({ newPassword: "auth.password.tooShort" });

    const mismatch = await call(accountAction, "/account", {
      cookie,
      form: {
        intent: "password",
        currentPassword: TEST_PASSWORD,
        newPassword: "mat-khau-moi-rat-dai",
        newPasswordConfirm: "mat-khau-moi-rat-dai!",
      },
    });
    expect(statusOf(mismatch)).toBe(400);
    expect(dataOf<AccountResult>(mismatch).errors).toEqual({ newPasswordConfirm: "auth.password.mismatch" });
  });

  it("changes the password and signs the account out everywhere else, but not here", async () => {
    const { user, cookie } = await createUser("founder");
    const elsewhere = cookieFrom((await signIn(user.email, TEST_PASSWORD)) as Response);
    expect(await authenticates(elsewhere)).toBe(true);

    const result = await call(accountAction, "/account", {
      cookie,
      form: {
        intent: "password",
        currentPassword: TEST_PASSWORD,
        newPassword: "đèo Pha Đin mùa hoa ban",
        newPasswordConfirm: "đèo Pha Đin mùa hoa ban",
      },
    });
    expect(statusOf(result)).toBe(200);
    expect(dataOf<AccountResult>(result)).toEqual({ intent: "password", saved: true });

    expect(await authenticates(cookie)).toBe(true);
    expect(await authenticates(elsewhere)).toBe(false);
    expect(statusOf(await signIn(user.email, TEST_PASSWORD))).toBe(400);
    expect(statusOf(await signIn(user.email, "đèo Pha Đin mùa hoa ban"))).toBe(302);
  });

  it("answers a form without a known intent with 400", async () => {
    const { cookie } = await createUser("founder");
    const result = await call(accountAction, "/account", { cookie, form: { intent: "xoa-tai-khoan" } });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<AccountResult>(result)).toEqual({ intent: null, errors: { _form: "error.badRequest.body" } });
  });
});
