import { describe, expect, it } from "vitest";
import { hashToken, requireUser } from "~/features/auth/session.server";
import { translate } from "~/i18n/translate";
import { loader as accountLoader } from "~/routes/account";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { action as signOutAction, loader as signOutLoader } from "~/routes/sign-out";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser, TEST_PASSWORD } from "../setup/factories";
import { buildRequest, call, cookieFrom, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type SignInFailure = { errors: Record<string, string>; values: Record<string, string>; retryMinutes?: number };

let ipCounter = 10;
/** A fresh client address per test, so the address throttle of one test never touches another. */
const freshIp = () => `198.51.100.${ipCounter++}`;

function signIn(
  email: string,
  password: string,
  options: { clientIp?: string; cookie?: string | null; path?: string } = {},
) {
  return call(signInAction, options.path ?? "/sign-in", {
    form: {
      email,
      password,
      redirectTo: new URL(options.path ?? "/sign-in", "http://x").searchParams.get("redirectTo") ?? "",
    },
    clientIp: options.clientIp ?? freshIp(),
    cookie: options.cookie,
  });
}

/** True when the cookie still opens the account page. */
async function authenticates(cookie: string | null) {
  return statusOf(await call(accountLoader, "/account", { cookie })) === 200;
}

async function throttleRow(key: string) {
  return db().selectFrom("sign_in_throttle").selectAll().where("key", "=", key).executeTakeFirst();
}

describe("sign-in", () => {
  it("gives the same answer for an unknown email and a wrong password, then lets the right password in", async () => {
    const { user } = await createUser("founder");
    const ip = freshIp();

    const wrongPassword = await signIn(user.email, "không phải mật khẩu", { clientIp: ip });
    const unknownEmail = await signIn("khong-ai-ca@test.example", TEST_PASSWORD, { clientIp: ip });
    expect(statusOf(wrongPassword)).toBe(400);
    expect(statusOf(unknownEmail)).toBe(400);
    expect(dataOf<SignInFailure>(wrongPassword).errors).toEqual({ _form: "auth.signIn.failed" });
    expect(dataOf<SignInFailure>(unknownEmail).errors).toEqual(dataOf<SignInFailure>(wrongPassword).errors);
    expect(translate("vi", "auth.signIn.failed")).toBe("Email hoặc mật khẩu không đúng.");
    // No session was handed out on failure: the user still has only the one from createUser.
    expect(
      await db().selectFrom("auth_session").select("id_hash").where("user_id", "=", user.id).execute(),
    ).toHaveLength(1);

    const right = (await signIn(user.email.toUpperCase(), TEST_PASSWORD, { clientIp: ip })) as Response;
    expect(statusOf(right)).toBe(302);
    expect(right.headers.get("Location")).toBe("/");
    const cookie = cookieFrom(right);
    expect(await authenticates(cookie)).toBe(true);
  });

  it("rotates the session id: a new row every sign-in, and the cookie presented before stops working", async () => {
    const { user, cookie: oldCookie } = await createUser("founder");
    expect(await authenticates(oldCookie)).toBe(true);

    const response = (await signIn(user.email, TEST_PASSWORD, { cookie: oldCookie })) as Response;
    expect(statusOf(response)).toBe(302);
    const newCookie = cookieFrom(response);
    expect(newCookie).toMatch(/^sid=.+/);
    expect(newCookie).not.toBe(oldCookie);
    expect(await authenticates(newCookie)).toBe(true);
    expect(await authenticates(oldCookie)).toBe(false);

    const oldToken = decodeURIComponent(oldCookie.slice("sid=".length));
    const oldRow = await db()
      .selectFrom("auth_session")
      .select("id_hash")
      .where("id_hash", "=", hashToken(oldToken))
      .executeTakeFirst();
    expect(oldRow).toBeUndefined();

    // Each sign-in makes its own session: two browsers stay signed in side by side.
    const second = cookieFrom((await signIn(user.email, TEST_PASSWORD)) as Response);
    expect(second).not.toBe(newCookie);
    expect(await authenticates(newCookie)).toBe(true);
    expect(await authenticates(second)).toBe(true);
  });

  it("returns to the page that asked for sign-in, but only on this site", async () => {
    const { user } = await createUser("founder");
    const back = (await signIn(user.email, TEST_PASSWORD, {
      path: "/sign-in?redirectTo=%2Faccount%3Ftab%3D1",
    })) as Response;
    expect(back.headers.get("Location")).toBe("/account?tab=1");
    const away = (await signIn(user.email, TEST_PASSWORD, {
      path: "/sign-in?redirectTo=%2F%2Fevil.example%2F",
    })) as Response;
    expect(away.headers.get("Location")).toBe("/");
    const absolute = (await signIn(user.email, TEST_PASSWORD, {
      path: "/sign-in?redirectTo=https%3A%2F%2Fevil.example",
    })) as Response;
    expect(absolute.headers.get("Location")).toBe("/");
  });

  it("answers bad input with 400 beside the fields and counts no failure", async () => {
    const result = await signIn("không-phải-email", "");
    expect(statusOf(result)).toBe(400);
    expect(dataOf<SignInFailure>(result).errors).toEqual({ email: "form.invalidEmail", password: "form.required" });
    expect(await throttleRow("email:không-phải-email")).toBeUndefined();
  });

  it("sends someone already signed in on their way", async () => {
    const { cookie } = await createUser("founder");
    const page = (await call(signInLoader, "/sign-in?redirectTo=%2Faccount", { cookie })) as Response;
    expect(statusOf(page)).toBe(302);
    expect(page.headers.get("Location")).toBe("/account");
  });
});

describe("sign-in throttling", () => {
  it("refuses the sixth attempt after five failures with 429, even with the right password, and keeps the state in the database", async () => {
    const { user } = await createUser("founder");
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      expect(statusOf(await signIn(user.email, `sai-mat-khau-${i}`, { clientIp: ip }))).toBe(400);
    }
    const emailRow = await throttleRow(`email:${user.email}`);
    expect(emailRow).toMatchObject({ failures: 5 });
    expect(emailRow?.locked_until).toBeInstanceOf(Date);
    const lockMs = emailRow!.locked_until!.getTime() - Date.now();
    expect(lockMs).toBeGreaterThan(50_000);
    expect(lockMs).toBeLessThanOrEqual(60_000);
    expect(await throttleRow(`ip:${ip}`)).toMatchObject({ failures: 5 });

    const refused = await signIn(user.email, TEST_PASSWORD, { clientIp: ip });
    expect(statusOf(refused)).toBe(429);
    expect(dataOf<SignInFailure>(refused)).toMatchObject({
      errors: { _form: "auth.signIn.throttled" },
      retryMinutes: 1,
    });
    expect(translate("vi", "auth.signIn.throttled", { minutes: 3 })).toContain("Thử lại sau 3 phút");

    // The right password from another address is refused too: the account itself is locked…
    expect(statusOf(await signIn(user.email, TEST_PASSWORD, { clientIp: freshIp() }))).toBe(429);
    // …and refused attempts are not checked, so they neither count nor lengthen the lockout.
    expect(await throttleRow(`email:${user.email}`)).toMatchObject({
      failures: 5,
      locked_until: emailRow!.locked_until,
    });

    // A different account from a different address is not affected.
    const other = await createUser("founder");
    expect(statusOf(await signIn(other.user.email, TEST_PASSWORD, { clientIp: freshIp() }))).toBe(302);
  });

  it("locks an address that tries many accounts, without locking those accounts elsewhere", async () => {
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      expect(
        statusOf(await signIn(`khong-ton-tai-${i}-${ip}@test.example`, "doan-mo-mat-khau", { clientIp: ip })),
      ).toBe(400);
    }
    const { user } = await createUser("founder");
    expect(statusOf(await signIn(user.email, TEST_PASSWORD, { clientIp: ip }))).toBe(429);
    expect(statusOf(await signIn(user.email, TEST_PASSWORD, { clientIp: freshIp() }))).toBe(302);
  });

  it("doubles the lockout after it ends if failures go on, and a success clears the email's record", async () => {
    const { user } = await createUser("founder");
    const key = `email:${user.email}`;
    for (let i = 0; i < 5; i++) await signIn(user.email, "sai", { clientIp: freshIp() });
    // The minute passes (moved in the database, as another app instance would see it).
    await db()
      .updateTable("sign_in_throttle")
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where("key", "=", key)
      .execute();

    expect(statusOf(await signIn(user.email, "vẫn sai", { clientIp: freshIp() }))).toBe(400);
    const row = await throttleRow(key);
    expect(row?.failures).toBe(6);
    const lockMs = row!.locked_until!.getTime() - Date.now();
    expect(lockMs).toBeGreaterThan(110_000);
    expect(lockMs).toBeLessThanOrEqual(120_000);
    const refused = await signIn(user.email, TEST_PASSWORD, { clientIp: freshIp() });
    expect(dataOf<SignInFailure>(refused).retryMinutes).toBe(2);

    await db()
      .updateTable("sign_in_throttle")
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where("key", "=", key)
      .execute();
    expect(statusOf(await signIn(user.email, TEST_PASSWORD, { clientIp: freshIp() }))).toBe(302);
    expect(await throttleRow(key)).toBeUndefined();
  });

  it("forgets keys whose failures no longer count, so the table does not grow without end", async () => {
    const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);
    await db()
      .insertInto("sign_in_throttle")
      .values([
        { key: "email:cu-qua@test.example", failures: 3, first_failure_at: minutesAgo(16), locked_until: null },
        { key: "ip:192.0.2.250", failures: 7, first_failure_at: minutesAgo(40), locked_until: minutesAgo(16) },
        { key: "email:van-con@test.example", failures: 3, first_failure_at: minutesAgo(14), locked_until: null },
      ])
      .execute();
    expect(statusOf(await signIn("ai-do@test.example", "sai"))).toBe(400);
    expect(await throttleRow("email:cu-qua@test.example")).toBeUndefined();
    expect(await throttleRow("ip:192.0.2.250")).toBeUndefined();
    expect(await throttleRow("email:van-con@test.example")).toMatchObject({ failures: 3 });
  });
});

describe("sign-out", () => {
  it("ends the session in the database, so the old cookie no longer signs anyone in", async () => {
    const { user, cookie } = await createUser("founder");
    expect(await authenticates(cookie)).toBe(true);

    const response = (await call(signOutAction, "/sign-out", { form: {}, cookie })) as Response;
    expect(statusOf(response)).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toMatch(/^sid=;.*Max-Age=0/);
    expect(
      await db().selectFrom("auth_session").select("id_hash").where("user_id", "=", user.id).execute(),
    ).toHaveLength(0);

    // Replaying the old cookie (as a copied or stolen one would be) is refused.
    const replay = await requireUser(buildRequest("/account", { cookie })).catch((thrown: unknown) => thrown);
    expect(replay).toBeInstanceOf(Response);
    expect((replay as Response).status).toBe(302);
    expect((replay as Response).headers.get("Location")).toBe("/sign-in?redirectTo=%2Faccount");
    expect(await authenticates(cookie)).toBe(false);
  });

  it("does nothing on a GET, so a link or a prefetch cannot sign anyone out", async () => {
    const { cookie } = await createUser("founder");
    const response = (await call(signOutLoader, "/sign-out", { cookie })) as Response;
    expect(statusOf(response)).toBe(302);
    expect(await authenticates(cookie)).toBe(true);
  });
});
