// The audit log: staff changes are recorded with who, when, before and after, in the same
// transaction as the change; administrators read and filter it, nobody else does.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { DateTime } from "luxon";
import { beforeAll, describe, expect, it } from "vitest";
import { bookResource } from "~/features/bookings/book-resource.server";
import { cancelBooking } from "~/features/bookings/cancel-booking.server";
import { loader as auditLoader } from "~/routes/admin.audit";
import { action as usersAction } from "~/routes/admin.users";
import { action as tagsAction } from "~/routes/staff.mentors.tags";
import { action as sectorsAction } from "~/routes/staff.programmes.sectors";
import { action as bookingsAction } from "~/routes/bookings._index";
import { action as editAction } from "~/routes/staff.spaces.resources.$resourceId";
import { action as newAction } from "~/routes/staff.spaces.resources.new";
import { action as fixedDeskAction } from "~/routes/staff.spaces.fixed-desks";
import { action as policyAction } from "~/routes/staff.spaces.policy";
import { action as pricesAction } from "~/routes/staff.prices";
import { action as teamAction } from "~/routes/staff.teams.$teamId";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { call, dataOf, statusOf } from "../setup/requests";
import { createSpacesCentre } from "../setup/spaces-centre";

useTestDatabase();

let centre: Awaited<ReturnType<typeof createSpacesCentre>>;
let staff: Awaited<ReturnType<Awaited<ReturnType<typeof createSpacesCentre>>["user"]>>;
let admin: typeof staff;
beforeAll(async () => {
  centre = await createSpacesCentre();
  staff = await centre.user("staff", "Cán bộ Lò Thị Mai");
  admin = await centre.user("admin", "Quản trị Hà Văn Sơn");
});

function roomForm(overrides: Record<string, string> = {}) {
  return {
    code: `A-${randomUUID().slice(0, 6).toUpperCase()}`,
    kind: "meeting_room",
    nameVi: "Phòng họp Mường La",
    nameEn: "Mường La meeting room",
    capacity: "6",
    audience: "members",
    priceHour: "150.000",
    priceHalfDay: "",
    priceDay: "",
    floorId: centre.floorId("T2"),
    planX: "10",
    planY: "10",
    planWidth: "100",
    planHeight: "80",
    isActive: "on",
    ...overrides,
  };
}

async function entriesFor(entityId: string) {
  return db().selectFrom("audit_log").selectAll().where("entity_id", "=", entityId).orderBy("id").execute();
}

type AuditPage = {
  total: number;
  entries: Array<{
    action: string;
    entityId: string;
    actorName: string | null;
    kind: string;
    changes: Array<{ field: string; before: string; after: string }>;
  }>;
  errors: Record<string, string> | null;
};

describe("recording changes", () => {
  it("records a resource created and then edited, once each, with the fields that changed", async () => {
    const form = roomForm();
    const created = await call(newAction, "/staff/spaces/resources/new", { cookie: staff.cookie, form });
    const id = /resources\/([0-9a-f-]{36})/.exec((created as Response).headers.get("Location") ?? "")![1]!;
    const edited = await call(editAction, `/staff/spaces/resources/${id}`, {
      cookie: staff.cookie,
      params: { resourceId: id },
      form: { ...form, capacity: "10", priceHour: "200.000" },
    });
    expect(statusOf(edited)).toBe(200);

    const entries = await entriesFor(id);
    expect(entries.map((e) => e.action)).toEqual(["resource.create", "resource.update"]);
    const [create, update] = entries;
    expect(create).toMatchObject({
      actor_id: staff.user.id,
      actor_role: "staff",
      entity_type: "resource",
      before: null,
    });
    expect(create!.after).toMatchObject({ code: form.code, capacity: 6, price_hour_vnd: 150_000 });
    expect(update!.before).toMatchObject({ capacity: 6, price_hour_vnd: 150_000 });
    expect(update!.after).toMatchObject({ capacity: 10, price_hour_vnd: 200_000 });
    expect(update!.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("records prices of passes created and changed, and nothing for a refused one", async () => {
    const pass = (price: string) => ({
      form: "pass",
      kind: "day_pass",
      nameVi: "Vé ngày",
      nameEn: "Day pass",
      price,
      uses: "1",
      validDays: "30",
      active: "on",
    });
    expect(statusOf(await call(pricesAction, "/staff/prices", { cookie: staff.cookie, form: pass("80.000") }))).toBe(
      302,
    );
    expect(statusOf(await call(pricesAction, "/staff/prices", { cookie: staff.cookie, form: pass("90.000") }))).toBe(
      302,
    );
    expect(statusOf(await call(pricesAction, "/staff/prices", { cookie: staff.cookie, form: pass("-5") }))).toBe(400);
    const product = await db()
      .selectFrom("pass_product")
      .select("id")
      .where("centre_id", "=", centre.id)
      .where("kind", "=", "day_pass")
      .executeTakeFirstOrThrow();
    const entries = await entriesFor(product.id);
    expect(entries.map((e) => e.action)).toEqual(["price.create", "price.update"]);
    expect(entries[1]!.actor_id).toBe(staff.user.id);
    expect(entries[1]!.before).toMatchObject({ price_vnd: 80000 });
    expect(entries[1]!.after).toMatchObject({ price_vnd: 90000 });
  });

  it("writes nothing when the change is refused", async () => {
    const first = roomForm();
    await call(newAction, "/staff/spaces/resources/new", { cookie: staff.cookie, form: first });
    const other = roomForm();
    const created = await call(newAction, "/staff/spaces/resources/new", { cookie: staff.cookie, form: other });
    const id = /resources\/([0-9a-f-]{36})/.exec((created as Response).headers.get("Location") ?? "")![1]!;
    // Taking the first room's code is refused by the unique key, inside the transaction.
    const refused = await call(editAction, `/staff/spaces/resources/${id}`, {
      cookie: staff.cookie,
      params: { resourceId: id },
      form: { ...other, code: first.code, capacity: "12" },
    });
    expect(statusOf(refused)).toBe(400);
    expect((await entriesFor(id)).map((e) => e.action)).toEqual(["resource.create"]);
  });

  it("records nothing for a save that changes nothing", async () => {
    const form = roomForm();
    const created = await call(newAction, "/staff/spaces/resources/new", { cookie: staff.cookie, form });
    const id = /resources\/([0-9a-f-]{36})/.exec((created as Response).headers.get("Location") ?? "")![1]!;
    await call(editAction, `/staff/spaces/resources/${id}`, { cookie: staff.cookie, params: { resourceId: id }, form });
    expect((await entriesFor(id)).map((e) => e.action)).toEqual(["resource.create"]);
  });

  it("records the booking policy's old and new values", async () => {
    const response = await call(policyAction, "/staff/spaces/policy", {
      cookie: staff.cookie,
      form: {
        maxDaysAhead: "45",
        maxRoomMinutes: "240",
        maxDeskDays: "5",
        freeDeskDaysPerPersonWeek: "3",
        freeDeskDaysPerTeamWeek: "10",
        cancelDeadlineMinutes: "60",
        checkInOpensMinutes: "15",
        checkInClosesMinutes: "30",
        midday: "12:00",
      },
    });
    expect(statusOf(response)).toBeLessThan(400);
    const [entry] = await entriesFor(String(centre.id));
    expect(entry).toMatchObject({ action: "booking_policy.update", before: null });
    expect(entry!.after).toMatchObject({ max_days_ahead: 45 });
  });

  it("records staff cancelling someone else's booking, not a founder cancelling their own", async () => {
    const founder = await centre.user("founder", "Lường Văn Khách");
    const room = await centre.resource("meeting_room");
    const start = DateTime.now().plus({ days: 3 }).startOf("hour");
    const insert = (hours: number) =>
      db()
        .insertInto("booking")
        .values({
          centre_id: centre.id,
          resource_id: room.id,
          user_id: founder.user.id,
          booked_by: founder.user.id,
          status: "confirmed",
          starts_at: start.plus({ hours }).toJSDate(),
          ends_at: start.plus({ hours: hours + 1 }).toJSDate(),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    const theirs = await insert(0);
    const own = await insert(2);

    const byStaff = await call(bookingsAction, "/bookings", {
      cookie: staff.cookie,
      form: { intent: "cancel", bookingId: theirs.id },
    });
    expect(statusOf(byStaff)).toBeLessThan(400);
    const [entry] = await entriesFor(theirs.id);
    expect(entry).toMatchObject({ action: "booking.cancel", actor_id: staff.user.id, entity_type: "booking" });
    expect(entry!.before).toMatchObject({ status: "confirmed" });
    expect(entry!.after).toMatchObject({ status: "cancelled", cancelled_by: staff.user.id });

    expect(await cancelBooking(db(), founder.user, own.id)).toEqual({ ok: true });
    expect(await entriesFor(own.id)).toEqual([]);
  });

  it("records a team's status change, and a fixed desk given once (the overlapping second refused)", async () => {
    const team = await centre.team();
    const before = await db().selectFrom("team").selectAll().where("id", "=", team.id).executeTakeFirstOrThrow();
    const updated = await call(teamAction, `/staff/teams/${team.id}`, {
      cookie: staff.cookie,
      params: { teamId: team.id },
      form: { intent: "update", name: before.name, status: "graduated", startsOn: "2026-01-01", endsOn: "2026-06-30" },
    });
    expect(statusOf(updated)).toBe(200);
    const [teamEntry] = await entriesFor(team.id);
    expect(teamEntry).toMatchObject({ action: "team.update", entity_type: "team" });
    expect(teamEntry!.before).toMatchObject({ status: "incubating", incubation_ends_on: null });
    expect(teamEntry!.after).toMatchObject({ status: "graduated", incubation_ends_on: "2026-06-30" });

    const desk = await centre.resource("fixed_desk");
    const assign = (startsOn: string, endsOn: string) =>
      call(fixedDeskAction, "/staff/spaces/fixed-desks", {
        cookie: staff.cookie,
        form: { intent: "assign", resourceId: desk.id, teamId: team.id, startsOn, endsOn },
      });
    await assign("2026-01-01", "2026-03-31");
    expect(statusOf(await assign("2026-03-01", "2026-04-30"))).toBe(400);
    const entries = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "fixed_desk.assign")
      .where(sql<boolean>`after->>'resource_id' = ${desk.id}`)
      .execute();
    expect(entries.map((e) => e.after)).toEqual([
      expect.objectContaining({ starts_on: "2026-01-01", ends_on: "2026-03-31" }),
    ]);
  });

  it("records staff booking a room for someone, not a founder booking for themselves", async () => {
    const founder = await centre.user("founder", "Quàng Văn Đặt");
    const room = await centre.resource("meeting_room");
    // The next Tuesday at least two days ahead, in the centre's zone (open 07:30–17:00).
    let day = DateTime.now().setZone("Asia/Ho_Chi_Minh").plus({ days: 2 });
    while (day.weekday !== 2) day = day.plus({ days: 1 });
    const choice = { resourceId: room.id, date: day.toISODate()!, start: "09:00", minutes: 60, people: 2 };
    const forThem = await bookResource(db(), founder.user, choice, new Date(), {
      bookedBy: staff.user.id,
      auditActor: staff.user,
    });
    expect(forThem.ok).toBe(true);
    const [entry] = await entriesFor((forThem as { bookingId: string }).bookingId);
    expect(entry).toMatchObject({ action: "booking.create", actor_id: staff.user.id, before: null });
    expect(entry!.after).toMatchObject({ user_id: founder.user.id, booked_by: staff.user.id, status: "confirmed" });

    const own = await bookResource(db(), founder.user, { ...choice, start: "11:00" }, new Date(), {
      auditActor: founder.user,
    });
    expect(own.ok).toBe(true);
    expect(await entriesFor((own as { bookingId: string }).bookingId)).toEqual([]);
  });

  it("records staff adding and removing a team's member", async () => {
    const team = await centre.team();
    const founder = await centre.user("founder", "Tòng Thị Thành");
    const path = `/staff/teams/${team.id}`;
    const post = (form: Record<string, string>) =>
      call(teamAction, path, { cookie: staff.cookie, params: { teamId: team.id }, form });
    expect(statusOf(await post({ intent: "add-member", email: founder.user.email }))).toBe(200);
    expect(statusOf(await post({ intent: "add-member", email: founder.user.email }))).toBe(400);
    expect(statusOf(await post({ intent: "remove-member", userId: founder.user.id }))).toBe(200);
    const entries = await entriesFor(team.id);
    expect(entries.map((e) => [e.action, e.before, e.after])).toEqual([
      ["team_member.add", null, { user_id: founder.user.id, name: "Tòng Thị Thành", email: founder.user.email }],
      ["team_member.remove", { user_id: founder.user.id, name: "Tòng Thị Thành" }, null],
    ]);
  });

  it("records the centre's lists: an expertise tag added, renamed and retired; a sector added", async () => {
    const nameVi = `Chuyển đổi số ${randomUUID().slice(0, 6)}`;
    const post = (form: Record<string, string>) =>
      call(tagsAction, "/staff/mentors/tags", { cookie: staff.cookie, form });
    expect(statusOf(await post({ intent: "add", nameVi, nameEn: `Digital ${nameVi.slice(-6)}` }))).toBe(200);
    const tag = await db()
      .selectFrom("expertise_tag")
      .select("id")
      .where("name_vi", "=", nameVi)
      .executeTakeFirstOrThrow();
    const renamed = `${nameVi} (nông nghiệp)`;
    expect(
      statusOf(await post({ intent: "rename", tagId: String(tag.id), nameVi: renamed, nameEn: "Digital farming" })),
    ).toBe(200);
    expect(statusOf(await post({ intent: "deactivate", tagId: String(tag.id) }))).toBe(200);
    const entries = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("entity_type", "=", "expertise_tag")
      .where("entity_id", "=", String(tag.id))
      .orderBy("id")
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      "expertise_tag.create",
      "expertise_tag.update",
      "expertise_tag.deactivate",
    ]);
    expect(entries[1]!.before).toMatchObject({ name_vi: nameVi });
    expect(entries[1]!.after).toMatchObject({ name_vi: renamed });
    expect(entries[2]!.after).toMatchObject({ is_active: false });

    const sectorName = `Dược liệu ${randomUUID().slice(0, 6)}`;
    const added = await call(sectorsAction, "/staff/programmes/sectors", {
      cookie: staff.cookie,
      form: { nameVi: sectorName, nameEn: `Herbs ${sectorName.slice(-6)}` },
    });
    expect(statusOf(added)).toBeLessThan(400);
    const sector = await db()
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "sector.create")
      .where(sql<boolean>`after->>'name_vi' = ${sectorName}`)
      .execute();
    expect(sector).toHaveLength(1);
  });

  it("records an administrator changing someone's role", async () => {
    const person = await centre.user("founder", "Cầm Thị Đổi");
    const response = await call(usersAction, "/admin/users", {
      cookie: admin.cookie,
      form: { userId: person.user.id, role: "mentor" },
    });
    expect(statusOf(response)).toBe(200);
    const [entry] = await entriesFor(person.user.id);
    expect(entry).toMatchObject({ action: "user.change_role", actor_id: admin.user.id, actor_role: "admin" });
    expect(entry!.before).toMatchObject({ role: "founder" });
    expect(entry!.after).toMatchObject({ role: "mentor" });
  });
});

describe("the audit page", () => {
  it("is for administrators: staff and founders get 403, visitors go to sign in", async () => {
    expect(statusOf(await call(auditLoader, "/admin/audit", { cookie: staff.cookie }))).toBe(403);
    const founder = await centre.user("founder");
    expect(statusOf(await call(auditLoader, "/admin/audit", { cookie: founder.cookie }))).toBe(403);
    const visitor = (await call(auditLoader, "/admin/audit")) as Response;
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  it("shows each change as field: old → new, and filters by person, kind of record, action and dates", async () => {
    const form = roomForm();
    const created = await call(newAction, "/staff/spaces/resources/new", { cookie: staff.cookie, form });
    const id = /resources\/([0-9a-f-]{36})/.exec((created as Response).headers.get("Location") ?? "")![1]!;
    await call(editAction, `/staff/spaces/resources/${id}`, {
      cookie: staff.cookie,
      params: { resourceId: id },
      form: { ...form, nameVi: "Phòng họp Sốp Cộp" },
    });

    const all = dataOf<AuditPage>(await call(auditLoader, "/admin/audit", { cookie: admin.cookie }));
    expect(all.total).toBeGreaterThanOrEqual(2);
    const latest = all.entries[0]!;
    expect(latest).toMatchObject({ action: "resource.update", entityId: id, actorName: "Cán bộ Lò Thị Mai" });
    expect(latest.changes).toEqual([{ field: "name_vi", before: "Phòng họp Mường La", after: "Phòng họp Sốp Cộp" }]);

    const byAdmin = dataOf<AuditPage>(
      await call(auditLoader, `/admin/audit?actor=${admin.user.id}`, { cookie: admin.cookie }),
    );
    expect(byAdmin.entries.every((e) => e.actorName === "Quản trị Hà Văn Sơn")).toBe(true);

    const policies = dataOf<AuditPage>(
      await call(auditLoader, "/admin/audit?entity=booking_policy", { cookie: admin.cookie }),
    );
    expect(policies.entries.map((e) => e.action)).toEqual(["booking_policy.update"]);

    const creations = dataOf<AuditPage>(
      await call(auditLoader, "/admin/audit?action=resource.create", { cookie: admin.cookie }),
    );
    expect(creations.entries.length).toBeGreaterThan(0);
    expect(creations.entries.every((e) => e.action === "resource.create" && e.kind === "created")).toBe(true);

    const today = DateTime.now().setZone("Asia/Ho_Chi_Minh").toFormat("dd/MM/yyyy");
    const within = dataOf<AuditPage>(
      await call(auditLoader, `/admin/audit?from=${today}&to=${today}`, { cookie: admin.cookie }),
    );
    expect(within.total).toBe(all.total);
    const before = dataOf<AuditPage>(
      await call(auditLoader, "/admin/audit?from=01/01/2020&to=31/12/2020", { cookie: admin.cookie }),
    );
    expect(before.total).toBe(0);
  });

  it("answers 400 with the message beside the field for a bad or reversed date", async () => {
    const bad = await call(auditLoader, "/admin/audit?from=31/02/2026", { cookie: admin.cookie });
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<AuditPage>(bad).errors).toEqual({ from: "audit.error.invalidDate" });
    const reversed = await call(auditLoader, "/admin/audit?from=10/06/2026&to=01/06/2026", { cookie: admin.cookie });
    expect(statusOf(reversed)).toBe(400);
    expect(dataOf<AuditPage>(reversed).errors).toEqual({ to: "audit.error.endBeforeStart" });
  });
});
