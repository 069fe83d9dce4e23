import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DEMO_USERS } from "#db/seed/demo.server";
import { loader as accountLoader } from "~/routes/account";
import { action as signUpAction, loader as signUpLoader } from "~/routes/sign-up";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, cookieFrom, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

const uniqueEmail = () => `nhasanglap-${randomUUID().slice(0, 8)}@test.example`;
const goodForm = (email: string) => ({
  name: "Hoàng Thị Lan",
  email,
  phone: "0912 345 678",
  password: "ca phe Son La ngon",
  passwordConfirm: "ca phe Son La ngon",
});

async function usersWithEmail(email: string) {
  return db().selectFrom("app_user").selectAll().where("email", "=", email.toLowerCase()).execute();
}

type SignUpFailure = { errors: Record<string, string>; values: Record<string, string> };

describe("founder sign-up", () => {
  it("creates a founder in the current centre and signs them in", async () => {
    const email = uniqueEmail();
    const response = (await call(signUpAction, "/sign-up", {
      form: { ...goodForm(email.toUpperCase()) },
      headers: { "Accept-Language": "en" },
    })) as Response;

    expect(statusOf(response)).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    const cookie = cookieFrom(response);
    expect(cookie).toMatch(/^sid=.+/);

    const [user] = await usersWithEmail(email);
    expect(user).toMatchObject({ email, name: "Hoàng Thị Lan", phone: "0912 345 678", role: "founder", locale: "en" });
    const centre = await db().selectFrom("centre").select("id").where("slug", "=", "son-la").executeTakeFirstOrThrow();
    expect(user?.centre_id).toBe(centre.id);
    expect(user?.password_hash).toMatch(/^scrypt\$/);

    // The new cookie is a working session: the account page shows the new founder.
    const account = dataOf(await call(accountLoader, "/account", { cookie }));
    expect(account).toMatchObject({ email, role: "founder", name: "Hoàng Thị Lan" });
  });

  it("refuses an email that already has an account, beside the email field", async () => {
    const taken = DEMO_USERS[0]!.email;
    const before = await db().selectFrom("app_user").select("id").execute();
    const result = await call(signUpAction, "/sign-up", { form: goodForm(taken.toUpperCase()) });

    expect(statusOf(result)).toBe(400);
    const body = dataOf<SignUpFailure>(result);
    expect(body.errors).toEqual({ email: "auth.email.taken" });
    expect(body.values).toMatchObject({ name: "Hoàng Thị Lan", email: taken });
    expect(body.values).not.toHaveProperty("password");
    expect((await db().selectFrom("app_user").select("id").execute()).length).toBe(before.length);
  });

  it("lets exactly one of two simultaneous sign-ups with one email through", async () => {
    const email = uniqueEmail();
    const results = await Promise.all([
      call(signUpAction, "/sign-up", { form: goodForm(email) }),
      call(signUpAction, "/sign-up", { form: { ...goodForm(email), name: "Người thứ hai" } }),
    ]);
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    const refused = results.find((r) => statusOf(r) === 400);
    expect(dataOf<SignUpFailure>(refused).errors).toEqual({ email: "auth.email.taken" });
    expect(await usersWithEmail(email)).toHaveLength(1);
  });

  it("answers bad input with 400 and a message beside each field, creating nothing", async () => {
    const email = uniqueEmail();
    const result = await call(signUpAction, "/sign-up", {
      form: { name: "  ", email: "không-phải-email", phone: "gọi tôi", password: "ngan", passwordConfirm: "khac" },
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<SignUpFailure>(result).errors).toEqual({
      name: "form.required",
      email: "form.invalidEmail",
      phone: "auth.phone.invalid",
      password: "auth.password.tooShort",
    });

    const mismatch = await call(signUpAction, "/sign-up", {
      form: { ...goodForm(email), passwordConfirm: "một mật khẩu khác hẳn" },
    });
    expect(statusOf(mismatch)).toBe(400);
    expect(dataOf<SignUpFailure>(mismatch).errors).toEqual({ passwordConfirm: "auth.password.mismatch" });
    // What was typed comes back (except passwords) so nothing has to be typed twice.
    expect(dataOf<SignUpFailure>(mismatch).values).toEqual({ name: "Hoàng Thị Lan", email, phone: "0912 345 678" });

    const missing = await call(signUpAction, "/sign-up", { form: {} });
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<SignUpFailure>(missing).errors).toMatchObject({
      name: "form.required",
      email: "form.required",
      password: "form.required",
    });
    expect(await usersWithEmail(email)).toHaveLength(0);
  });

  it("accepts a sign-up without a phone number", async () => {
    const email = uniqueEmail();
    const response = await call(signUpAction, "/sign-up", { form: { ...goodForm(email), phone: "" } });
    expect(statusOf(response)).toBe(302);
    expect((await usersWithEmail(email))[0]?.phone).toBeNull();
  });

  it("sends someone already signed in back home", async () => {
    const { cookie } = await createUser("founder");
    const page = (await call(signUpLoader, "/sign-up", { cookie })) as Response;
    expect(statusOf(page)).toBe(302);
    expect(page.headers.get("Location")).toBe("/");
    const email = uniqueEmail();
    const post = await call(signUpAction, "/sign-up", { cookie, form: goodForm(email) });
    expect(statusOf(post)).toBe(302);
    expect(await usersWithEmail(email)).toHaveLength(0);
  });
});
