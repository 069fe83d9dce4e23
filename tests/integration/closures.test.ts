// Staff close the centre or one resource; bookings in the way are shown, then cancelled
// with a message to each person, or left alone.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { action, loader } from "~/routes/staff.spaces.closures";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";
import { createSpacesCentre } from "../setup/spaces-centre";

useTestDatabase();

// Closures happen in a centre of their own; the demo centre stays as other files expect it.
let centre: Awaited<ReturnType<typeof createSpacesCentre>>;
beforeAll(async () => {
  centre = await createSpacesCentre();
});

type Result = {
  errors?: Record<string, string>;
  held?: Array<{ id: string; resourceCode: string; personName: string | null }>;
  values?: Record<string, string>;
  notice?: string;
};

let nextYear = 2030;
/** Each test closes its own far-off year, so whole-centre closures never meet another test's bookings. */
function freshYear() {
  return nextYear++;
}

const newResource = () => centre.resource();

async function book(
  resourceId: string,
  userId: string | null,
  startsAt: string,
  endsAt: string,
  purpose: "booking" | "block" = "booking",
) {
  return db()
    .insertInto("booking")
    .values({
      centre_id: centre.id,
      resource_id: resourceId,
      user_id: userId,
      booked_by: userId,
      purpose,
      status: "confirmed",
      starts_at: new Date(startsAt),
      ends_at: new Date(endsAt),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

async function closuresIn(year: number) {
  return db()
    .selectFrom("closure")
    .selectAll()
    .where("centre_id", "=", centre.id)
    .where("starts_at", ">=", new Date(`${year}-01-01T00:00:00Z`))
    .where("starts_at", "<", new Date(`${year + 1}-01-01T00:00:00Z`))
    .execute();
}

async function outboxTo(email: string) {
  return db().selectFrom("outbox").select(["subject", "text_body", "kind"]).where("to_address", "=", email).execute();
}

async function bookingRow(id: string) {
  return db()
    .selectFrom("booking")
    .select(["status", "sequence", "cancel_reason", "cancelled_at", "cancelled_by"])
    .where("id", "=", id)
    .executeTakeFirstOrThrow();
}

function closureForm(year: number, overrides: Record<string, string | string[]> = {}) {
  return {
    intent: "add",
    scope: "centre",
    kind: "maintenance",
    reasonVi: "Bảo trì hệ thống điện",
    reasonEn: "Electrical maintenance",
    startsAt: `${year}-03-10T08:00`,
    endsAt: `${year}-03-10T12:00`,
    ...overrides,
  };
}

describe.each(["UTC", "America/New_York"])("closures with the server's TZ set to %s", (zone) => {
  const savedTz = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it("closes the whole centre from local wall-clock times, stored as the right instants", async () => {
    const { cookie } = await centre.user("staff");
    const year = freshYear();
    const response = await call(action, "/staff/spaces/closures", { cookie, form: closureForm(year) });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).headers.get("Location")).toBe("/staff/spaces/closures?cancelled=0");
    const [closure] = await closuresIn(year);
    expect(closure).toMatchObject({ resource_id: null, kind: "maintenance", reason_en: "Electrical maintenance" });
    // 08:00 in Sơn La (UTC+7) is 01:00 UTC, whatever the server's own zone.
    expect(closure!.starts_at.toISOString()).toBe(`${year}-03-10T01:00:00.000Z`);
    expect(closure!.ends_at.toISOString()).toBe(`${year}-03-10T05:00:00.000Z`);
  });
});

describe("adding a closure", () => {
  it("refuses bad input beside each field and saves nothing", async () => {
    const { cookie } = await centre.user("admin");
    const year = freshYear();
    const bad = await call(action, "/staff/spaces/closures", {
      cookie,
      form: closureForm(year, { kind: "party", reasonVi: "", startsAt: "10/03/2030 08:00", scope: "somewhere" }),
    });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<Result>(bad).errors).toMatchObject({
      kind: "spacesAdmin.error.choose",
      reasonVi: "form.required",
      startsAt: "spacesAdmin.error.dateTime",
      scope: "spacesAdmin.error.choose",
    });
    const reversed = await call(action, "/staff/spaces/closures", {
      cookie,
      form: closureForm(year, { startsAt: `${year}-03-10T12:00`, endsAt: `${year}-03-10T12:00` }),
    });
    expect(statusOf(reversed)).toBe(400);
    expect(dataOf<Result>(reversed).errors).toEqual({ endsAt: "spacesAdmin.error.endBeforeStart" });
    const impossible = await call(action, "/staff/spaces/closures", {
      cookie,
      form: closureForm(year, { endsAt: `${year}-02-30T12:00` }),
    });
    expect(statusOf(impossible)).toBe(400);
    expect(dataOf<Result>(impossible).errors).toEqual({ endsAt: "spacesAdmin.error.dateTime" });
    expect(await closuresIn(year)).toEqual([]);
  });

  it("answers 404 for an unknown resource and refuses founders with 403", async () => {
    const staff = await centre.user("staff");
    const year = freshYear();
    expect(
      statusOf(
        await call(action, "/staff/spaces/closures", {
          cookie: staff.cookie,
          form: closureForm(year, { scope: randomUUID() }),
        }),
      ),
    ).toBe(404);
    const founder = await centre.user("founder");
    expect(statusOf(await call(loader, "/staff/spaces/closures", { cookie: founder.cookie }))).toBe(403);
    expect(
      statusOf(await call(action, "/staff/spaces/closures", { cookie: founder.cookie, form: closureForm(year) })),
    ).toBe(403);
    expect(await closuresIn(year)).toEqual([]);
  });

  it("lists a centre's upcoming closures (the demo centre's holidays too) and deletes one", async () => {
    const { cookie } = await centre.user("staff");
    const year = freshYear();
    await call(action, "/staff/spaces/closures", { cookie, form: closureForm(year) });
    const page = dataOf<{ closures: Array<{ id: string; reason_vi: string; resource_code: string | null }> }>(
      await call(loader, "/staff/spaces/closures", { cookie }),
    );
    const demoStaff = await createUser("staff");
    const demoPage = dataOf<{ closures: Array<{ reason_vi: string }> }>(
      await call(loader, "/staff/spaces/closures", { cookie: demoStaff.cookie }),
    );
    expect(demoPage.closures.some((c) => c.reason_vi.includes("Quốc khánh"))).toBe(true);
    // Each centre sees only its own closures.
    expect(page.closures.some((c) => c.reason_vi.includes("Quốc khánh"))).toBe(false);
    const [closure] = await closuresIn(year);
    expect(page.closures.map((c) => c.id)).toContain(closure!.id);

    const deleted = await call(action, "/staff/spaces/closures", {
      cookie,
      form: { intent: "delete", closureId: closure!.id },
    });
    expect((deleted as Response).headers.get("Location")).toBe("/staff/spaces/closures?deleted=1");
    expect(await closuresIn(year)).toEqual([]);
    expect(
      statusOf(
        await call(action, "/staff/spaces/closures", { cookie, form: { intent: "delete", closureId: closure!.id } }),
      ),
    ).toBe(404);
    expect(
      statusOf(await call(action, "/staff/spaces/closures", { cookie, form: { intent: "delete", closureId: "x" } })),
    ).toBe(404);
  });
});

describe("closing a time that holds bookings", () => {
  async function setUp() {
    const staff = await centre.user("staff");
    const mai = await centre.user("founder", "Quàng Thị Hương");
    const tom = await centre.user("founder", "Tom Baker");
    await db().updateTable("app_user").set({ locale: "en" }).where("id", "=", tom.user.id).execute();
    const room = await newResource();
    const other = await newResource();
    const year = freshYear();
    // 09:00–10:00 and 11:00–11:30 local on 10/03, a staff block, one booking outside the period
    // and one that ends exactly when the closure starts (half-open ranges: not in the way).
    const inside1 = await book(room.id, mai.user.id, `${year}-03-10T09:00:00+07:00`, `${year}-03-10T10:00:00+07:00`);
    const inside2 = await book(other.id, tom.user.id, `${year}-03-10T11:00:00+07:00`, `${year}-03-10T11:30:00+07:00`);
    const block = await book(other.id, null, `${year}-03-10T09:00:00+07:00`, `${year}-03-10T10:00:00+07:00`, "block");
    const outside = await book(room.id, mai.user.id, `${year}-03-10T14:00:00+07:00`, `${year}-03-10T15:00:00+07:00`);
    const touching = await book(room.id, tom.user.id, `${year}-03-10T07:00:00+07:00`, `${year}-03-10T08:00:00+07:00`);
    return { staff, mai, tom, room, other, year, inside1, inside2, block, outside, touching };
  }

  it("first shows the bookings in the way and saves nothing", async () => {
    const s = await setUp();
    const response = await call(action, "/staff/spaces/closures", {
      cookie: s.staff.cookie,
      form: closureForm(s.year),
    });
    expect(statusOf(response)).toBe(200);
    const result = dataOf<Result>(response);
    expect(result.held!.map((b) => b.id).sort()).toEqual([s.inside1.id, s.inside2.id, s.block.id].sort());
    expect(result.held!.find((b) => b.id === s.inside1.id)).toMatchObject({
      resourceCode: s.room.code,
      personName: "Quàng Thị Hương",
    });
    expect(result.values).toMatchObject({ startsAt: `${s.year}-03-10T08:00`, reasonEn: "Electrical maintenance" });
    expect(await closuresIn(s.year)).toEqual([]);
    expect((await bookingRow(s.inside1.id)).status).toBe("confirmed");
  });

  it("stop: nothing changes, no message is sent", async () => {
    const s = await setUp();
    const shown = dataOf<Result>(
      await call(action, "/staff/spaces/closures", { cookie: s.staff.cookie, form: closureForm(s.year) }),
    );
    const stopped = await call(action, "/staff/spaces/closures", {
      cookie: s.staff.cookie,
      form: closureForm(s.year, { decision: "stop", shown: shown.held!.map((b) => b.id) }),
    });
    expect(statusOf(stopped)).toBe(200);
    expect(dataOf<Result>(stopped).notice).toBe("spacesAdmin.closures.stopped");
    expect(await closuresIn(s.year)).toEqual([]);
    for (const b of [s.inside1, s.inside2, s.block]) {
      expect(await bookingRow(b.id)).toMatchObject({ status: "confirmed", sequence: 0, cancel_reason: null });
    }
    expect(await outboxTo(s.mai.user.email)).toEqual([]);
    expect(await outboxTo(s.tom.user.email)).toEqual([]);
  });

  it("cancel: the closure is saved, the bookings cancelled and each person told in their language", async () => {
    const s = await setUp();
    const shown = dataOf<Result>(
      await call(action, "/staff/spaces/closures", { cookie: s.staff.cookie, form: closureForm(s.year) }),
    );
    const done = await call(action, "/staff/spaces/closures", {
      cookie: s.staff.cookie,
      form: closureForm(s.year, { decision: "cancel", shown: shown.held!.map((b) => b.id) }),
    });
    expect((done as Response).headers.get("Location")).toBe("/staff/spaces/closures?cancelled=3");
    expect(await closuresIn(s.year)).toHaveLength(1);

    for (const b of [s.inside1, s.inside2, s.block]) {
      const row = await bookingRow(b.id);
      expect(row).toMatchObject({ status: "cancelled", sequence: 1, cancelled_by: s.staff.user.id });
      expect(row.cancel_reason).toContain("Bảo trì hệ thống điện");
      expect(row.cancelled_at).toBeInstanceOf(Date);
    }
    for (const b of [s.outside, s.touching])
      expect(await bookingRow(b.id)).toMatchObject({ status: "confirmed", sequence: 0 });

    const toMai = await outboxTo(s.mai.user.email);
    expect(toMai).toHaveLength(1);
    expect(toMai[0]!.kind).toBe("booking-cancelled-closure");
    expect(toMai[0]!.subject).toContain("đã bị hủy");
    expect(toMai[0]!.text_body).toContain(`09:00 10/03/${s.year}`);
    expect(toMai[0]!.text_body).toContain("Bảo trì hệ thống điện");
    const toTom = await outboxTo(s.tom.user.email);
    expect(toTom).toHaveLength(1);
    expect(toTom[0]!.subject).toContain("was cancelled");
    expect(toTom[0]!.text_body).toContain(`11:00 10/03/${s.year} to 11:30`);
    expect(toTom[0]!.text_body).toContain("Electrical maintenance");
  });

  it("a booking made after the list was shown is shown again rather than cancelled unseen", async () => {
    const s = await setUp();
    const shown = dataOf<Result>(
      await call(action, "/staff/spaces/closures", { cookie: s.staff.cookie, form: closureForm(s.year) }),
    );
    const late = await book(
      s.room.id,
      s.tom.user.id,
      `${s.year}-03-10T10:30:00+07:00`,
      `${s.year}-03-10T11:00:00+07:00`,
    );
    const again = await call(action, "/staff/spaces/closures", {
      cookie: s.staff.cookie,
      form: closureForm(s.year, { decision: "cancel", shown: shown.held!.map((b) => b.id) }),
    });
    expect(statusOf(again)).toBe(200);
    expect(dataOf<Result>(again).held!.map((b) => b.id)).toContain(late.id);
    expect(await closuresIn(s.year)).toEqual([]);
    expect((await bookingRow(s.inside1.id)).status).toBe("confirmed");
  });

  it("closing one resource only concerns that resource's bookings", async () => {
    const s = await setUp();
    const form = closureForm(s.year, { scope: s.room.id });
    const shown = dataOf<Result>(await call(action, "/staff/spaces/closures", { cookie: s.staff.cookie, form }));
    expect(shown.held!.map((b) => b.id)).toEqual([s.inside1.id]);
    await call(action, "/staff/spaces/closures", {
      cookie: s.staff.cookie,
      form: { ...form, decision: "cancel", shown: [s.inside1.id] },
    });
    const [closure] = await closuresIn(s.year);
    expect(closure).toMatchObject({ resource_id: s.room.id });
    expect((await bookingRow(s.inside1.id)).status).toBe("cancelled");
    expect((await bookingRow(s.inside2.id)).status).toBe("confirmed");
    expect(await outboxTo(s.tom.user.email)).toEqual([]);
    const count = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM outbox WHERE to_address = ${s.mai.user.email}`.execute(db());
    expect(count.rows[0]!.n).toBe(1);
  });
});
