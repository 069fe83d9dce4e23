import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOutboxWorker, stopOutboxWorker } from "~/features/outbox/worker.server";
import { loader as accountLoader } from "~/routes/account";
import { action as forgotAction } from "~/routes/forgot-password";
import { action as resetAction, loader as resetLoader } from "~/routes/reset-password";
import { action as signInAction } from "~/routes/sign-in";
import { db } from "~/utils/database.server";
import { getEnv } from "~/utils/env.server";
import { useTestDatabase } from "../setup/database";
import { createUser, TEST_PASSWORD } from "../setup/factories";
import { call, cookieFrom, dataOf, statusOf } from "../setup/requests";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

useTestDatabase();

// A real SMTP server on a free port: the outbox worker delivers to it as it would to the centre's mail server.
let smtp: TestSmtpServer;

beforeAll(async () => {
  smtp = await startSmtpServer();
  // Poll rarely: the action's own nudge (runOutboxOnce) is what must deliver the email.
  startOutboxWorker({ ...getEnv(), SMTP_URL: smtp.url, OUTBOX_POLL_SECONDS: 3600 });
});

afterAll(async () => {
  await stopOutboxWorker();
  await smtp.close();
});

const NEW_PASSWORD = "mùa hoa ban nở trắng rừng";
let ipCounter = 10;
const freshIp = () => `192.0.2.${ipCounter++}`;

function signIn(email: string, password: string) {
  return call(signInAction, "/sign-in", { form: { email, password }, clientIp: freshIp() });
}

async function authenticates(cookie: string | null) {
  return statusOf(await call(accountLoader, "/account", { cookie })) === 200;
}

function requestReset(email: string, headers: Record<string, string> = { "Accept-Language": "vi" }) {
  return call(forgotAction, "/forgot-password", { form: { email }, headers });
}

function outboxFor(email: string) {
  return db().selectFrom("outbox").selectAll().where("to_address", "=", email).orderBy("created_at").execute();
}

async function waitForEmail(to: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = smtp.received.find((message) => message.to.includes(to));
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`No email reached ${to}`);
}

const LINK = /http:\/\/localhost:3000\/reset-password\?token=([A-Za-z0-9_%-]+)/;

describe("password reset by email", () => {
  it("sends a one-time link through the outbox; following it sets the password, ends every session and signs in", async () => {
    const { user, cookie: oldSession } = await createUser("founder");
    await db().updateTable("app_user").set({ locale: "en" }).where("id", "=", user.id).execute();

    const answer = await requestReset(user.email.toUpperCase());
    expect(statusOf(answer)).toBe(200);
    expect(dataOf(answer)).toMatchObject({ sent: true });

    // The message is in the outbox, in the account's language (English) rather than the request's.
    const [queued] = await outboxFor(user.email);
    expect(queued).toMatchObject({
      kind: "password-reset",
      subject: "Reset your account password at Sơn La Innovation Centre",
    });
    const link = LINK.exec(queued!.text_body);
    expect(link).not.toBeNull();
    const token = decodeURIComponent(link![1]!);

    // Only the token's hash is stored, and it expires in an hour.
    const reset = await db()
      .selectFrom("password_reset")
      .selectAll()
      .where("user_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(reset.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(reset.expires_at.getTime() - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(reset.expires_at.getTime() - Date.now()).toBeLessThanOrEqual(60 * 60_000);

    // The worker, nudged by the request, delivered it to the mail server with the same link.
    const email = await waitForEmail(user.email);
    const { subject, text } = email;
    expect(subject).toBe(queued!.subject);
    expect(text).toContain(`Hello ${user.name},`);
    expect(LINK.exec(text)?.[0]).toBe(link![0]);
    await expect.poll(async () => (await outboxFor(user.email))[0]?.status).toBe("sent");

    const page = await call(resetLoader, `/reset-password?token=${encodeURIComponent(token)}`);
    expect(statusOf(page)).toBe(200);
    expect(dataOf(page)).toEqual({ valid: true, token, email: user.email });

    const mismatch = await call(resetAction, `/reset-password?token=${encodeURIComponent(token)}`, {
      form: { token, password: NEW_PASSWORD, passwordConfirm: "khác" },
    });
    expect(statusOf(mismatch)).toBe(400);
    expect(dataOf(mismatch)).toEqual({ errors: { passwordConfirm: "auth.password.mismatch" }, tokenInvalid: false });

    const done = (await call(resetAction, `/reset-password?token=${encodeURIComponent(token)}`, {
      form: { token, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
      clientIp: freshIp(),
    })) as Response;
    expect(statusOf(done)).toBe(302);
    expect(done.headers.get("Location")).toBe("/");
    const fresh = cookieFrom(done);
    expect(await authenticates(fresh)).toBe(true);
    expect(await authenticates(oldSession)).toBe(false);

    expect(statusOf(await signIn(user.email, TEST_PASSWORD))).toBe(400);
    expect(statusOf(await signIn(user.email, NEW_PASSWORD))).toBe(302);

    // The link works once.
    const again = await call(resetLoader, `/reset-password?token=${encodeURIComponent(token)}`);
    expect(statusOf(again)).toBe(400);
    expect(dataOf(again)).toMatchObject({ valid: false });
    const replay = await call(resetAction, "/reset-password", {
      form: { token, password: "một mật khẩu khác nữa", passwordConfirm: "một mật khẩu khác nữa" },
    });
    expect(statusOf(replay)).toBe(400);
    expect(dataOf(replay)).toEqual({ errors: { token: "auth.reset.invalid" }, tokenInvalid: true });
    expect(statusOf(await signIn(user.email, "một mật khẩu khác nữa"))).toBe(400);
  });

  it("gives an unknown email exactly the same answer and sends nothing", async () => {
    const { user } = await createUser("founder");
    const known = await requestReset(user.email);
    const unknownEmail = `chua-co-tai-khoan-${Date.now()}@test.example`;
    const unknown = await requestReset(unknownEmail);
    expect(statusOf(unknown)).toBe(statusOf(known));
    expect(dataOf(unknown)).toEqual(dataOf(known));
    expect(await outboxFor(unknownEmail)).toHaveLength(0);
    expect(await outboxFor(user.email)).toHaveLength(1);
  });

  it("writes in the reader's language when the account has none set", async () => {
    const { user } = await createUser("founder");
    await requestReset(user.email, { "Accept-Language": "vi-VN,vi;q=0.9" });
    const [queued] = await outboxFor(user.email);
    expect(queued?.subject).toBe("Đặt lại mật khẩu tài khoản tại Trung tâm Đổi mới sáng tạo tỉnh Sơn La");
    expect(queued?.text_body).toContain(`Xin chào ${user.name},`);
  });

  it("sends at most three links an hour to one account, answering the same every time", async () => {
    const { user } = await createUser("founder");
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(dataOf(await requestReset(user.email)));
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(await outboxFor(user.email)).toHaveLength(3);
  });

  it("refuses an expired, unknown or missing token with a clear message and no form", async () => {
    const { user } = await createUser("founder");
    const expired = "het-han-" + "x".repeat(40);
    await db()
      .insertInto("password_reset")
      .values({
        token_hash: createHash("sha256").update(expired).digest("hex"),
        user_id: user.id,
        expires_at: new Date(Date.now() - 1000),
      })
      .execute();
    for (const path of [`/reset-password?token=${expired}`, "/reset-password?token=khong-co-that", "/reset-password"]) {
      const page = await call(resetLoader, path);
      expect(statusOf(page)).toBe(400);
      expect(dataOf(page)).toEqual({ valid: false, token: "", email: "" });
    }
    const post = await call(resetAction, "/reset-password", {
      form: { token: expired, password: NEW_PASSWORD, passwordConfirm: NEW_PASSWORD },
    });
    expect(statusOf(post)).toBe(400);
    expect(statusOf(await signIn(user.email, NEW_PASSWORD))).toBe(400);
  });

  it("answers a malformed email with 400 beside the field and queues nothing", async () => {
    const before = (await db().selectFrom("outbox").select("id").execute()).length;
    const result = await requestReset("khong phai email");
    expect(statusOf(result)).toBe(400);
    expect(dataOf(result)).toMatchObject({ sent: false, errors: { email: "form.invalidEmail" } });
    expect((await db().selectFrom("outbox").select("id").execute()).length).toBe(before);
  });
});
