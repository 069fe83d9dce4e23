import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getSessionUser, hashToken } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { loader as homeLoader } from "~/routes/_index";
import { action as acceptAction, loader as acceptLoader } from "~/routes/invitations.$token";
import { action as inviteAction, loader as invitationsLoader } from "~/routes/staff.invitations";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { buildRequest, call, cookieFrom, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

const PASSWORD = "một mật khẩu dài 2026";

function newEmail(prefix: string) {
  return `${prefix}-${randomUUID().slice(0, 8)}@moi.test`;
}

async function invite(cookie: string, form: { name: string; email: string; role: string }) {
  return call(inviteAction, "/staff/invitations", { cookie, form });
}

/** The invitation email queued for an address, and the token in its link. */
async function invitationMail(email: string) {
  const messages = await db()
    .selectFrom("outbox")
    .selectAll()
    .where("to_address", "=", email)
    .where("kind", "=", "invitation")
    .orderBy("created_at", "desc")
    .execute();
  const message = messages[0];
  expect(message).toBeDefined();
  const match = /http:\/\/localhost:3000\/invitations\/([A-Za-z0-9_-]{43})/.exec(message!.text_body);
  expect(match).not.toBeNull();
  return { message: message!, token: match![1]!, count: messages.length };
}

function accept(token: string, form: Record<string, string>, cookie?: string) {
  return call(acceptAction, `/invitations/${token}`, { params: { token }, form, cookie });
}

function view(token: string) {
  return call(acceptLoader, `/invitations/${token}`, { params: { token } });
}

async function accountOf(email: string) {
  return db().selectFrom("app_user").selectAll().where("email", "=", email).executeTakeFirst();
}

describe("inviting a mentor, end to end", () => {
  it("queues a bilingual email with a one-time link that creates a signed-in mentor account", async () => {
    const staff = await createUser("staff", { name: "Cầm Văn Thành" });
    const email = newEmail("co-van");

    const sent = await invite(staff.cookie, { name: "Hà Thị Lan", email: email.toUpperCase(), role: "mentor" });
    expect(statusOf(sent)).toBe(200);
    expect(dataOf<{ sentTo: string }>(sent).sentTo).toBe(email);
    expect(await accountOf(email)).toBeUndefined();

    const { message, token } = await invitationMail(email);
    expect(message.subject).toContain("Lời mời tham gia Trung tâm Đổi mới sáng tạo tỉnh Sơn La");
    expect(message.subject).toContain("Invitation to join Sơn La Innovation Centre");
    expect(message.text_body).toContain("Xin chào Hà Thị Lan");
    expect(message.text_body).toContain("Cầm Văn Thành mời bạn tham gia");
    expect(message.text_body).toContain("với vai trò Cố vấn");
    expect(message.text_body).toContain("Hello Hà Thị Lan");
    expect(message.text_body).toContain("as Mentor");
    // Only the hash of the token is stored.
    const stored = await db().selectFrom("invitation").selectAll().where("email", "=", email).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(hashToken(token));
    expect(stored.token_hash).not.toContain(token);
    const days = (stored.expires_at.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);

    const pending = dataOf<{ pending: Array<{ email: string; role: string; inviterName: string }> }>(
      await call(invitationsLoader, "/staff/invitations", { cookie: staff.cookie }),
    );
    expect(pending.pending.find((p) => p.email === email)).toMatchObject({
      role: "mentor",
      inviterName: "Cầm Văn Thành",
    });

    // The invitee opens the link.
    const page = dataOf<{ invitation: { email: string; role: string; inviterName: string; name: string } }>(
      await view(token),
    );
    expect(page.invitation).toMatchObject({ email, role: "mentor", inviterName: "Cầm Văn Thành", name: "Hà Thị Lan" });

    // Bad passwords: 400 beside the field, no account.
    const short = await accept(token, { password: "ngan", passwordConfirm: "ngan" });
    expect(statusOf(short)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(short).errors).toEqual({ password: "auth.password.tooShort" });
    const mismatch = await accept(token, { password: PASSWORD, passwordConfirm: `${PASSWORD}!` });
    expect(statusOf(mismatch)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(mismatch).errors).toEqual({
      passwordConfirm: "auth.password.mismatch",
    });
    expect(await accountOf(email)).toBeUndefined();

    // A good password: the account exists, with the mentor role, and the browser is signed in.
    const accepted = (await accept(token, { password: PASSWORD, passwordConfirm: PASSWORD })) as Response;
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("Location")).toBe("/");
    const cookie = cookieFrom(accepted);
    expect(cookie).not.toBeNull();
    const account = await accountOf(email);
    expect(account).toMatchObject({ role: "mentor", name: "Hà Thị Lan", is_active: true });
    const signedIn = await getSessionUser(buildRequest("/", { cookie }));
    expect(signedIn).toMatchObject({ email, role: "mentor" });
    const home = dataOf<{ userName: string | null }>(await call(homeLoader, "/", { cookie }));
    expect(home.userName).toBe("Hà Thị Lan");

    // The link is single-use.
    expect(statusOf(await view(token))).toBe(400);
    expect(dataOf<{ problem: string }>(await view(token)).problem).toBe("accepted");
    const second = await accept(token, { password: "mật khẩu khác 123456", passwordConfirm: "mật khẩu khác 123456" });
    expect(statusOf(second)).toBe(400);
    expect(dataOf<{ problem: string }>(second).problem).toBe("accepted");
    const accounts = await db().selectFrom("app_user").select("id").where("email", "=", email).execute();
    expect(accounts).toHaveLength(1);

    const after = dataOf<{ pending: Array<{ email: string }> }>(
      await call(invitationsLoader, "/staff/invitations", { cookie: staff.cookie }),
    );
    expect(after.pending.some((p) => p.email === email)).toBe(false);
  });
});

describe("invitation links that cannot be used", () => {
  it("answers 404 for an unknown token and 400 for an expired one, without creating anything", async () => {
    const unknown = await view("khong-co-loi-moi-nao-nhu-the-nay-ca-0123456789");
    expect(statusOf(unknown)).toBe(404);
    expect(dataOf<{ problem: string }>(unknown).problem).toBe("not-found");
    expect(statusOf(await accept("abc", { password: PASSWORD, passwordConfirm: PASSWORD }))).toBe(404);

    const centre = await requireCurrentCentre();
    const email = newEmail("het-han");
    const token = `het-han-${randomUUID()}`;
    await db()
      .insertInto("invitation")
      .values({
        token_hash: hashToken(token),
        centre_id: centre.id,
        email,
        name: "Người được mời",
        role: "mentor",
        invited_by: null,
        created_at: new Date(Date.now() - 8 * 86_400_000),
        expires_at: new Date(Date.now() - 86_400_000),
      })
      .execute();
    const expired = await view(token);
    expect(statusOf(expired)).toBe(400);
    expect(dataOf<{ problem: string }>(expired).problem).toBe("expired");
    expect(statusOf(await accept(token, { password: PASSWORD, passwordConfirm: PASSWORD }))).toBe(400);
    expect(await accountOf(email)).toBeUndefined();
  });

  it("creates one account when the same link is submitted twice at once", async () => {
    const staff = await createUser("staff");
    const email = newEmail("hai-lan-bam");
    await invite(staff.cookie, { name: "Bạc Cầm Ly", email, role: "mentor" });
    const { token } = await invitationMail(email);
    const results = await Promise.all([
      accept(token, { password: PASSWORD, passwordConfirm: PASSWORD }),
      accept(token, { password: PASSWORD, passwordConfirm: PASSWORD }),
    ]);
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    expect(await db().selectFrom("app_user").select("id").where("email", "=", email).execute()).toHaveLength(1);
  });

  it("replaces an older open invitation to the same address: only the newest link works", async () => {
    const admin = await createUser("admin");
    const email = newEmail("hai-lan");
    await invite(admin.cookie, { name: "Vì Văn Nam", email, role: "staff" });
    const first = await invitationMail(email);
    await invite(admin.cookie, { name: "Vì Văn Nam", email, role: "staff" });
    const second = await invitationMail(email);
    expect(second.count).toBe(2);
    expect(second.token).not.toBe(first.token);
    expect(statusOf(await view(first.token))).toBe(404);
    expect(statusOf(await view(second.token))).toBe(200);
  });
});

describe("who may invite whom", () => {
  it("lets staff invite mentors and staff but not admins", async () => {
    const staff = await createUser("staff");
    const roles = dataOf<{ roles: string[] }>(
      await call(invitationsLoader, "/staff/invitations", { cookie: staff.cookie }),
    ).roles;
    expect(roles).toEqual(["mentor", "staff"]);

    const email = newEmail("quan-tri");
    const refused = await invite(staff.cookie, { name: "Người lạ", email, role: "admin" });
    expect(statusOf(refused)).toBe(403);
    const founder = await invite(staff.cookie, { name: "Người lạ", email, role: "founder" });
    expect(statusOf(founder)).toBe(403);
    const invitations = await db().selectFrom("invitation").select("email").where("email", "=", email).execute();
    expect(invitations).toHaveLength(0);
    const mails = await db().selectFrom("outbox").select("id").where("to_address", "=", email).execute();
    expect(mails).toHaveLength(0);
  });

  it("lets admins invite an admin", async () => {
    const admin = await createUser("admin");
    const roles = dataOf<{ roles: string[] }>(
      await call(invitationsLoader, "/staff/invitations", { cookie: admin.cookie }),
    ).roles;
    expect(roles).toEqual(["mentor", "staff", "admin"]);
    const email = newEmail("qtv");
    expect(statusOf(await invite(admin.cookie, { name: "Điêu Chính Tới", email, role: "admin" }))).toBe(200);
    const { token } = await invitationMail(email);
    const accepted = await accept(token, { password: PASSWORD, passwordConfirm: PASSWORD });
    expect(statusOf(accepted)).toBe(302);
    expect((await accountOf(email))?.role).toBe("admin");
  });

  it("refuses founders and mentors (403) and sends visitors to sign in", async () => {
    for (const role of ["founder", "mentor"] as const) {
      const { cookie } = await createUser(role);
      expect(statusOf(await call(invitationsLoader, "/staff/invitations", { cookie }))).toBe(403);
      expect(statusOf(await invite(cookie, { name: "A", email: newEmail("x"), role: "mentor" }))).toBe(403);
    }
    const visitor = (await call(invitationsLoader, "/staff/invitations")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  it("refuses an email that already has an account, and bad fields, with 400 beside them", async () => {
    const staff = await createUser("staff");
    const existing = await createUser("founder");
    const taken = await invite(staff.cookie, { name: "Ai đó", email: existing.user.email, role: "mentor" });
    expect(statusOf(taken)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(taken).errors).toEqual({
      email: "invitations.error.accountExists",
    });

    const bad = await invite(staff.cookie, { name: " ", email: "khong-phai-email", role: "chief" });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(bad).errors).toEqual({
      name: "form.required",
      email: "form.invalidEmail",
      role: "invitations.error.invalidRole",
    });
    const rows = await db().selectFrom("invitation").select("email").where("email", "=", existing.user.email).execute();
    expect(rows).toHaveLength(0);
  });
});
