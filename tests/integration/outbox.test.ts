import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchDueMessages } from "~/features/outbox/dispatch.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { createTransport, type Transport } from "~/features/outbox/transport.server";
import { loader as outboxLoader } from "~/routes/admin.outbox";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { startSmtpServer, type TestSmtpServer } from "../setup/smtp";

useTestDatabase();

const FROM = "Trung tâm Đổi mới sáng tạo Sơn La <no-reply@sonla.test>";
const VIETNAMESE =
  "Xin chào Lò Thị Hương,\n\nĐường dẫn đặt lại mật khẩu của bạn: https://dmst.sonla.test/reset/abc\nTrân trọng — Trung tâm Đổi mới sáng tạo tỉnh Sơn La.";

// This file's messages belong to a centre of their own, and every dispatch here is scoped
// to it: under `npm run test:postgres` all test files share one database, and other files'
// mail (password resets, invitations) must neither be sent nor kept from here.
let centreId: number;

async function createCentre(label: string) {
  const centre = await db()
    .insertInto("centre")
    .values({
      slug: `${label}-${randomUUID().slice(0, 8)}`,
      name_vi: `Trung tâm thử ${label}`,
      name_en: `Test centre ${label}`,
      short_name_vi: "TT thử",
      short_name_en: "Test centre",
      legal_name: `Trung tâm thử ${label}`,
      address_vi: "Sơn La",
      address_en: "Sơn La",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return centre.id;
}

beforeAll(async () => {
  centreId = await createCentre("outbox-test");
});

async function queue(to: string, subject = "Đặt lại mật khẩu — Trung tâm ĐMST Sơn La", text = VIETNAMESE) {
  return enqueueMessage(db(), { centreId, kind: "password-reset", to, subject, text });
}

async function dispatch(transport: Transport) {
  try {
    return await dispatchDueMessages(db(), transport, FROM, { centreId });
  } finally {
    transport.close();
  }
}

async function row(id: string) {
  return db().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

function unique(name: string) {
  return `${name}-${randomUUID().slice(0, 8)}@nhan.test`;
}

/** An admin of this file's centre (the factory makes accounts of the demo centre). */
async function testCentreAdmin() {
  const admin = await createUser("admin");
  await db().updateTable("app_user").set({ centre_id: centreId }).where("id", "=", admin.user.id).execute();
  return admin;
}

describe("outbox through a real SMTP server", () => {
  let smtp: TestSmtpServer;

  beforeAll(async () => {
    smtp = await startSmtpServer({ rejectRecipient: (address) => address.startsWith("bi-tu-choi") });
  });
  afterAll(async () => {
    await smtp.close();
  });

  it("delivers a queued message with its Vietnamese text intact and marks it sent", async () => {
    const to = unique("huong");
    const id = await queue(to);
    expect(await dispatch(createTransport(smtp.url))).toBe(1);

    const mails = smtp.received.filter((m) => m.to.includes(to));
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.from).toBe("no-reply@sonla.test");
    expect(mail.subject).toBe("Đặt lại mật khẩu — Trung tâm ĐMST Sơn La");
    expect(mail.headers.from).toContain("Trung tâm Đổi mới sáng tạo Sơn La");
    expect(mail.headers["content-type"]).toMatch(/charset=utf-8/i);
    expect(mail.text.trim()).toBe(VIETNAMESE);

    const sent = await row(id);
    expect(sent.status).toBe("sent");
    expect(sent.sent_at).toBeInstanceOf(Date);
    expect(sent.attempts).toBe(1);
    expect(sent.last_error).toBeNull();
  });

  it("puts a message the server refuses back in the queue for a later retry", async () => {
    const to = unique("bi-tu-choi");
    const id = await queue(to);
    const before = Date.now();
    await dispatch(createTransport(smtp.url));

    expect(smtp.received.some((m) => m.to.includes(to))).toBe(false);
    const failed = await row(id);
    expect(failed.status).toBe("pending");
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toMatch(/550|recipients were rejected|Mailbox unavailable/i);
    expect(failed.sent_at).toBeNull();
    expect(failed.next_attempt_at.getTime()).toBeGreaterThan(before);

    // Not due yet: another run leaves it alone.
    await dispatch(createTransport(smtp.url));
    expect(await row(id)).toMatchObject({ status: "pending", attempts: 1 });
  });

  it("sends each message exactly once when two dispatchers run at the same time", async () => {
    const recipients = [unique("a"), unique("b"), unique("c"), unique("d"), unique("e")];
    const ids = [];
    for (const to of recipients) ids.push(await queue(to, `Thư gửi ${to}`));
    const [n1, n2] = await Promise.all([dispatch(createTransport(smtp.url)), dispatch(createTransport(smtp.url))]);
    expect(n1 + n2).toBe(recipients.length);
    for (const to of recipients) {
      expect(smtp.received.filter((m) => m.to.includes(to))).toHaveLength(1);
    }
    for (const id of ids) expect((await row(id)).status).toBe("sent");
  });

  it("sends only its own centre's mail", async () => {
    const to = unique("trung-tam-khac");
    const other = await enqueueMessage(db(), {
      centreId: await createCentre("other"),
      kind: "test",
      to,
      subject: "Thư của trung tâm khác",
      text: "…",
    });
    await dispatch(createTransport(smtp.url));
    expect(smtp.received.some((m) => m.to.includes(to))).toBe(false);
    expect(await row(other)).toMatchObject({ status: "pending", attempts: 0 });
  });
});

describe("outbox without SMTP", () => {
  it("keeps messages for admins to read on the outbox page", async () => {
    const to = unique("giu-lai");
    const id = await queue(to, "Lời mời tham gia / Invitation", "Mở đường dẫn: http://localhost:3000/invitations/xyz");
    expect(await dispatch(createTransport(undefined))).toBe(1);
    const message = await row(id);
    expect(message.status).toBe("kept");
    expect(message.sent_at).toBeNull();

    const { cookie } = await testCentreAdmin();
    const page = dataOf<{ messages: Array<Record<string, unknown>>; total: number; page: number }>(
      await call(outboxLoader, "/admin/outbox", { cookie }),
    );
    const shown = page.messages.find((m) => m.to === to);
    expect(shown).toMatchObject({
      subject: "Lời mời tham gia / Invitation",
      status: "kept",
      attempts: 0,
      text: "Mở đường dẫn: http://localhost:3000/invitations/xyz",
    });
    expect(shown?.createdAt).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    // Newest first.
    expect(page.messages[0]?.to).toBe(to);
  });

  it("pages the outbox 50 at a time, newest first", async () => {
    const batch = unique("trang");
    await db()
      .insertInto("outbox")
      .values(
        Array.from({ length: 60 }, (_, i) => ({
          centre_id: centreId,
          kind: "test",
          to_address: `${i}-${batch}`,
          subject: `Thư ${i}`,
          text_body: "…",
          status: "kept" as const,
          created_at: new Date(Date.now() + 60_000 + i * 1000),
        })),
      )
      .execute();
    const { cookie } = await testCentreAdmin();
    type Page = { messages: Array<{ to: string }>; total: number; page: number; pages: number };
    const first = dataOf<Page>(await call(outboxLoader, "/admin/outbox", { cookie }));
    expect(first.messages).toHaveLength(50);
    expect(first.messages[0]?.to).toBe(`59-${batch}`);
    expect(first.total).toBeGreaterThan(60);
    expect(first.pages).toBe(Math.ceil(first.total / 50));
    const second = dataOf<Page>(await call(outboxLoader, "/admin/outbox?page=2", { cookie }));
    expect(second.page).toBe(2);
    expect(second.messages[0]?.to).toBe(`9-${batch}`);
    const junk = dataOf<Page>(await call(outboxLoader, "/admin/outbox?page=abc", { cookie }));
    expect(junk.page).toBe(1);
  });

  it("is for admins only", async () => {
    for (const role of ["founder", "mentor", "staff"] as const) {
      const { cookie } = await createUser(role);
      expect(statusOf(await call(outboxLoader, "/admin/outbox", { cookie }))).toBe(403);
    }
    const visitor = (await call(outboxLoader, "/admin/outbox")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });
});
