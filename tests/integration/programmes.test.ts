import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ApplicationStatus } from "#db/schema";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { savePitch } from "~/features/uploads/pitch-files.server";
import {
  loader as applicationLoader,
  action as applicationAction,
} from "~/routes/staff.programmes.$programmeId.applications.$applicationId._index";
import { loader as pitchLoader } from "~/routes/staff.programmes.$programmeId.applications.$applicationId.pitch";
import { action as listAction, loader as listLoader } from "~/routes/staff.programmes.$programmeId.applications._index";
import { action as editAction, loader as editLoader } from "~/routes/staff.programmes.$programmeId._index";
import { loader as programmesLoader } from "~/routes/staff.programmes._index";
import { action as newAction, loader as newLoader } from "~/routes/staff.programmes.new";
import { action as sectorsAction, loader as sectorsLoader } from "~/routes/staff.programmes.sectors";
import { loader as applyLoader } from "~/routes/programmes.$slug.apply";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

const uploadDir = mkdtempSync(path.join(os.tmpdir(), "pitches-"));
process.env.UPLOAD_DIR = uploadDir;
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

useTestDatabase();

const unique = () => randomUUID().slice(0, 8);
type Errors = { errors?: Record<string, string> };
type Handler = Parameters<typeof call>[0];

function programmeForm(overrides: Record<string, string> = {}) {
  const id = unique();
  return {
    kind: "competition",
    nameVi: `Cuộc thi ý tưởng số ${id}`,
    nameEn: `Digital ideas competition ${id}`,
    slug: `y-tuong-so-${id}`,
    startsOn: "01/12/2026",
    endsOn: "31/03/2027",
    opensAt: "01/12/2026 08:00",
    closesAt: "15/01/2027 17:00",
    rulesVi: "Thể lệ",
    rulesEn: "Rules",
    freeDeskDays: "",
    ...overrides,
  };
}

async function createProgrammeAs(cookie: string, form: Record<string, string>) {
  const response = await call(newAction, "/staff/programmes/new", { cookie, form });
  return response;
}

function idFrom(response: unknown): string {
  expect(response).toBeInstanceOf(Response);
  const match = /^\/staff\/programmes\/([0-9a-f-]{36})\?created=1$/.exec(
    (response as Response).headers.get("Location") ?? "",
  );
  expect(match).not.toBeNull();
  return match![1]!;
}

async function sectorId(code: string) {
  return (await db().selectFrom("sector").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

/** An application written straight to the database, with a founder whose contact details are private. */
async function application(programmeId: string, status: ApplicationStatus = "submitted", sector = "tourism") {
  const centre = await requireCurrentCentre();
  const email = `lien-he-${unique()}@example.vn`;
  const row = await db()
    .insertInto("application")
    .values({
      centre_id: centre.id,
      programme_id: programmeId,
      team_name: `Nhóm ${unique()}`,
      idea: "Ý tưởng",
      problem: "Vấn đề",
      sector_id: await sectorId(sector),
      place: "Mai Sơn",
      stage: "idea",
      jobs_expected: 3,
      contact_email: email,
      status,
      edit_token_hash: `hash-${unique()}`,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("application_founder")
    .values({ application_id: row.id, position: 0, name: "Hà Thị Riêng Tư", email, phone: "0999 888 777" })
    .execute();
  return row;
}

describe("who may manage programmes", () => {
  it("sends a visitor to sign in and refuses founders and mentors (403) on every staff page", async () => {
    const staff = await createUser("staff");
    const id = idFrom(await createProgrammeAs(staff.cookie, programmeForm()));
    const app = await application(id);
    const pages: Array<[Handler, string, Record<string, string>]> = [
      [programmesLoader as Handler, "/staff/programmes", {}],
      [newLoader as Handler, "/staff/programmes/new", {}],
      [sectorsLoader as Handler, "/staff/programmes/sectors", {}],
      [editLoader as Handler, `/staff/programmes/${id}`, { programmeId: id }],
      [listLoader as Handler, `/staff/programmes/${id}/applications`, { programmeId: id }],
      [
        applicationLoader as Handler,
        `/staff/programmes/${id}/applications/${app.id}`,
        { programmeId: id, applicationId: app.id },
      ],
      [
        pitchLoader as Handler,
        `/staff/programmes/${id}/applications/${app.id}/pitch`,
        { programmeId: id, applicationId: app.id },
      ],
    ];
    const founder = await createUser("founder");
    const mentor = await createUser("mentor");
    for (const [loader, url, params] of pages) {
      const visitor = (await call(loader, url, { params })) as Response;
      expect(visitor.status, url).toBe(302);
      expect(visitor.headers.get("Location")).toContain("/sign-in?redirectTo=");
      expect(statusOf(await call(loader, url, { params, cookie: founder.cookie })), url).toBe(403);
      expect(statusOf(await call(loader, url, { params, cookie: mentor.cookie })), url).toBe(403);
    }
    const moves: Array<[Handler, string, Record<string, string>, Record<string, string>]> = [
      [newAction as Handler, "/staff/programmes/new", {}, programmeForm()],
      [sectorsAction as Handler, "/staff/programmes/sectors", {}, { nameVi: "Y tế", nameEn: "Health" }],
      [editAction as Handler, `/staff/programmes/${id}`, { programmeId: id }, programmeForm()],
      [
        listAction as Handler,
        `/staff/programmes/${id}/applications`,
        { programmeId: id },
        { to: "under_review", ids: app.id },
      ],
      [
        applicationAction as Handler,
        `/staff/programmes/${id}/applications/${app.id}`,
        { programmeId: id, applicationId: app.id },
        { to: "under_review" },
      ],
    ];
    for (const [action, url, params, form] of moves) {
      expect(statusOf(await call(action, url, { params, form, cookie: founder.cookie })), url).toBe(403);
      expect(statusOf(await call(action, url, { params, form })), url).toBe(302);
    }
    const [row] = await db().selectFrom("application").select("status").where("id", "=", app.id).execute();
    expect(row!.status).toBe("submitted");
  });
});

describe("sectors", () => {
  it("lists the centre's five sectors, and staff add, rename and deactivate one", async () => {
    const { cookie } = await createUser("staff");
    const list = dataOf<{ sectors: Array<{ code: string; name_vi: string; is_active: boolean; id: number }> }>(
      await call(sectorsLoader, "/staff/programmes/sectors", { cookie }),
    );
    expect(list.sectors.slice(0, 5).map((s) => s.name_vi)).toEqual([
      "Nông nghiệp & chế biến thực phẩm",
      "Du lịch",
      "Thủ công mỹ nghệ",
      "Công nghệ",
      "Khác",
    ]);

    const name = `Y tế ${unique()}`;
    const added = (await call(sectorsAction, "/staff/programmes/sectors", {
      cookie,
      form: { intent: "add", nameVi: name, nameEn: `Health ${name.slice(5)}` },
    })) as Response;
    expect(added.headers.get("Location")).toBe("/staff/programmes/sectors?added=1");
    const sector = await db().selectFrom("sector").selectAll().where("name_vi", "=", name).executeTakeFirstOrThrow();
    expect(sector.is_active).toBe(true);

    const duplicate = await call(sectorsAction, "/staff/programmes/sectors", {
      cookie,
      form: { intent: "add", nameVi: "Khác nữa", nameEn: sector.name_en },
    });
    expect(statusOf(duplicate)).toBe(400);
    expect(dataOf<Errors>(duplicate).errors).toEqual({ nameEn: "programmes.error.sectorTaken" });

    // Renamed and no longer offered (the checkbox left unticked).
    await call(sectorsAction, "/staff/programmes/sectors", {
      cookie,
      form: { intent: "update", sectorId: String(sector.id), nameVi: `${name} (cũ)`, nameEn: sector.name_en },
    });
    const changed = await db().selectFrom("sector").selectAll().where("id", "=", sector.id).executeTakeFirstOrThrow();
    expect(changed).toMatchObject({ name_vi: `${name} (cũ)`, is_active: false, code: sector.code });

    const programme = await db()
      .selectFrom("programme")
      .select("slug")
      .where("slug", "=", "tim-kiem-tai-nang-2026")
      .executeTakeFirstOrThrow();
    const form = dataOf<{ sectors: Array<{ id: number }> }>(
      await call(applyLoader, `/programmes/${programme.slug}/apply`, { params: { slug: programme.slug } }),
    );
    expect(form.sectors.map((s) => s.id)).not.toContain(sector.id);

    const empty = await call(sectorsAction, "/staff/programmes/sectors", {
      cookie,
      form: { intent: "update", sectorId: String(sector.id), nameVi: "", nameEn: "x" },
    });
    expect(statusOf(empty)).toBe(400);
    expect(
      statusOf(
        await call(sectorsAction, "/staff/programmes/sectors", {
          cookie,
          form: { intent: "update", sectorId: "999999", nameVi: "a", nameEn: "b" },
        }),
      ),
    ).toBe(404);
  });
});

describe("programmes", () => {
  it("staff create a programme with its window typed as dd/MM/yyyy HH:mm in Vietnam time, then edit it", async () => {
    const { cookie } = await createUser("staff");
    const form = programmeForm({ freeDeskDays: "3" });
    const id = idFrom(await createProgrammeAs(cookie, form));
    const row = await db().selectFrom("programme").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      slug: form.slug,
      kind: "competition",
      starts_on: "2026-12-01",
      ends_on: "2027-03-31",
      free_desk_days_per_team_week: 3,
    });
    expect(row.applications_open_at!.toISOString()).toBe("2026-12-01T01:00:00.000Z");
    expect(row.applications_close_at!.toISOString()).toBe("2027-01-15T10:00:00.000Z");

    const page = dataOf<{ values: Record<string, string> }>(
      await call(editLoader, `/staff/programmes/${id}`, { cookie, params: { programmeId: id } }),
    );
    expect(page.values).toMatchObject({
      startsOn: "01/12/2026",
      opensAt: "01/12/2026 08:00",
      closesAt: "15/01/2027 17:00",
      freeDeskDays: "3",
    });

    const saved = (await call(editAction, `/staff/programmes/${id}`, {
      cookie,
      params: { programmeId: id },
      form: { ...form, kind: "cohort", opensAt: "", closesAt: "", freeDeskDays: "" },
    })) as Response;
    expect(saved.headers.get("Location")).toBe(`/staff/programmes/${id}?saved=1`);
    const edited = await db().selectFrom("programme").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(edited).toMatchObject({ kind: "cohort", applications_open_at: null, free_desk_days_per_team_week: null });

    const list = dataOf<{ programmes: Array<{ id: string }> }>(
      await call(programmesLoader, "/staff/programmes", { cookie }),
    );
    expect(list.programmes.map((p) => p.id)).toContain(id);
  });

  it("refuses bad dates, a window with one end, a deadline before the opening, a bad or taken slug", async () => {
    const { cookie } = await createUser("staff");
    const bad = await createProgrammeAs(
      cookie,
      programmeForm({
        startsOn: "31/02/2027",
        endsOn: "",
        opensAt: "01/12/2026 25:00",
        slug: "Có Dấu",
        freeDeskDays: "-1",
      }),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<Errors>(bad).errors).toEqual({
      startsOn: "programmes.error.date",
      endsOn: "form.required",
      opensAt: "programmes.error.dateTime",
      slug: "programmes.error.slug",
      freeDeskDays: "programmes.error.wholeNumber",
    });
    const oneEnd = await createProgrammeAs(cookie, programmeForm({ closesAt: "" }));
    expect(dataOf<Errors>(oneEnd).errors).toEqual({ closesAt: "programmes.error.windowBoth" });
    const reversed = await createProgrammeAs(
      cookie,
      programmeForm({ closesAt: "30/11/2026 08:00", endsOn: "01/01/2026" }),
    );
    expect(dataOf<Errors>(reversed).errors).toEqual({
      closesAt: "programmes.error.closeBeforeOpen",
      endsOn: "programmes.error.endBeforeStart",
    });
    const taken = await createProgrammeAs(cookie, programmeForm({ slug: "tim-kiem-tai-nang-2026" }));
    expect(statusOf(taken)).toBe(400);
    expect(dataOf<Errors>(taken).errors).toEqual({ slug: "programmes.error.slugTaken" });
    expect(
      statusOf(await call(editLoader, "/staff/programmes/x", { cookie, params: { programmeId: randomUUID() } })),
    ).toBe(404);
  });

  it("seeds the closed 2025 edition, the 2026 edition open until 31/12/2026 and the 2026 cohort", async () => {
    const rows = await db()
      .selectFrom("programme")
      .selectAll()
      .where("slug", "like", "%202_")
      .orderBy("slug")
      .execute();
    const bySlug = Object.fromEntries(rows.map((r) => [r.slug, r]));
    expect(bySlug["tim-kiem-tai-nang-2025"]!.name_vi).toContain("lần thứ hai");
    expect(bySlug["tim-kiem-tai-nang-2025"]!.applications_close_at!.getTime()).toBeLessThan(Date.now());
    expect(bySlug["tim-kiem-tai-nang-2026"]!.applications_close_at!.toISOString()).toBe("2026-12-31T10:00:00.000Z");
    expect(bySlug["uom-tao-2026"]!.kind).toBe("cohort");
  });
});

describe("applications for staff", () => {
  async function setUp() {
    const staff = await createUser("staff", { name: "Cán Bộ Chuyển" });
    const id = idFrom(await createProgrammeAs(staff.cookie, programmeForm()));
    return { staff, id };
  }

  it("lists with counts per stage and filters by stage and sector", async () => {
    const { staff, id } = await setUp();
    await application(id, "submitted", "tourism");
    await application(id, "submitted", "technology");
    const reviewed = await application(id, "under_review", "technology");
    const all = dataOf<{ counts: Record<string, number>; applications: Array<{ id: string }> }>(
      await call(listLoader, `/staff/programmes/${id}/applications`, {
        cookie: staff.cookie,
        params: { programmeId: id },
      }),
    );
    expect(all.counts).toEqual({ submitted: 2, under_review: 1 });
    expect(all.applications).toHaveLength(3);
    const tech = await sectorId("technology");
    const filtered = dataOf<{ applications: Array<{ id: string }> }>(
      await call(listLoader, `/staff/programmes/${id}/applications?status=under_review&sector=${tech}`, {
        cookie: staff.cookie,
        params: { programmeId: id },
      }),
    );
    expect(filtered.applications.map((a) => a.id)).toEqual([reviewed.id]);
  });

  it("moves one application a stage at a time, records who and when, and refuses a skipped stage", async () => {
    const { staff, id } = await setUp();
    const app = await application(id);
    const params = { programmeId: id, applicationId: app.id };
    const url = `/staff/programmes/${id}/applications/${app.id}`;

    const skipped = await call(applicationAction, url, { cookie: staff.cookie, params, form: { to: "finalist" } });
    expect(statusOf(skipped)).toBe(400);
    expect(dataOf<{ message: string }>(skipped).message).toContain(app.team_name);
    expect(
      (await db().selectFrom("application").select("status").where("id", "=", app.id).executeTakeFirstOrThrow()).status,
    ).toBe("submitted");

    for (const to of ["under_review", "shortlisted", "finalist", "winner"]) {
      const moved = (await call(applicationAction, url, { cookie: staff.cookie, params, form: { to } })) as Response;
      expect(moved.status, to).toBe(302);
    }
    // A winner cannot be set back, nor marked incubated by hand.
    expect(
      statusOf(await call(applicationAction, url, { cookie: staff.cookie, params, form: { to: "not_selected" } })),
    ).toBe(400);
    expect(
      statusOf(await call(applicationAction, url, { cookie: staff.cookie, params, form: { to: "incubated" } })),
    ).toBe(400);

    const page = dataOf<{
      application: { status: string };
      events: Array<{ from_status: string | null; to_status: string; by_name: string | null; at: string }>;
      moves: string[];
    }>(await call(applicationLoader, url, { cookie: staff.cookie, params }));
    expect(page.application.status).toBe("winner");
    expect(page.moves).toEqual([]);
    expect(page.events.map((e) => `${e.from_status}>${e.to_status}`)).toEqual([
      "submitted>under_review",
      "under_review>shortlisted",
      "shortlisted>finalist",
      "finalist>winner",
    ]);
    expect(page.events.every((e) => e.by_name === "Cán Bộ Chuyển")).toBe(true);
    expect(Date.now() - new Date(page.events[0]!.at).getTime()).toBeLessThan(60_000);

    // Any stage not yet decided may end as not selected.
    const other = await application(id, "shortlisted");
    const ended = await call(applicationAction, `/staff/programmes/${id}/applications/${other.id}`, {
      cookie: staff.cookie,
      params: { programmeId: id, applicationId: other.id },
      form: { to: "not_selected" },
    });
    expect(statusOf(ended)).toBe(302);
  });

  it("moves in bulk in one go, and moves none when one of them would skip a stage", async () => {
    const { staff, id } = await setUp();
    const a = await application(id, "submitted");
    const b = await application(id, "submitted");
    const c = await application(id, "shortlisted");
    const url = `/staff/programmes/${id}/applications`;
    const params = { programmeId: id };

    const refused = await call(listAction, url, {
      cookie: staff.cookie,
      params,
      form: { to: "under_review", ids: [a.id, b.id, c.id] },
    });
    expect(statusOf(refused)).toBe(400);
    const message = dataOf<{ message: string }>(refused).message;
    expect(message).toContain(c.team_name);
    expect(message).not.toContain(a.team_name);
    const statuses = await db()
      .selectFrom("application")
      .select("status")
      .where("id", "in", [a.id, b.id, c.id])
      .execute();
    expect(statuses.map((s) => s.status).sort()).toEqual(["shortlisted", "submitted", "submitted"]);
    expect(
      await db().selectFrom("application_event").select("id").where("application_id", "in", [a.id, b.id]).execute(),
    ).toHaveLength(0);

    const moved = (await call(listAction, url, {
      cookie: staff.cookie,
      params,
      form: { to: "under_review", ids: [a.id, b.id], back: "?status=submitted" },
    })) as Response;
    expect(moved.headers.get("Location")).toBe(`${url}?status=submitted&moved=2`);
    const events = await db()
      .selectFrom("application_event")
      .selectAll()
      .where("application_id", "in", [a.id, b.id])
      .execute();
    expect(events).toHaveLength(2);
    expect(events.every((e) => e.by_user_id === staff.user.id && e.to_status === "under_review")).toBe(true);

    const none = await call(listAction, url, { cookie: staff.cookie, params, form: { to: "under_review" } });
    expect(dataOf<{ error: string }>(none).error).toBe("programmes.error.noneSelected");

    // An application of another programme is not found here.
    const elsewhere = await application(idFrom(await createProgrammeAs(staff.cookie, programmeForm())));
    expect(
      statusOf(
        await call(listAction, url, { cookie: staff.cookie, params, form: { to: "under_review", ids: elsewhere.id } }),
      ),
    ).toBe(404);
  });

  it("shows the founders' contact details to staff, and streams the pitch PDF as a download", async () => {
    const { staff, id } = await setUp();
    const app = await application(id);
    const pdf = new TextEncoder().encode("%PDF-1.4\nnoi dung\n%%EOF\n");
    const key = await savePitch(pdf);
    await db()
      .updateTable("application")
      .set({ pitch_file_key: key, pitch_file_name: "Giới thiệu.pdf", pitch_file_bytes: pdf.byteLength })
      .where("id", "=", app.id)
      .execute();
    const params = { programmeId: id, applicationId: app.id };
    const page = dataOf<{ founders: Array<{ email: string; phone: string }> }>(
      await call(applicationLoader, `/staff/programmes/${id}/applications/${app.id}`, { cookie: staff.cookie, params }),
    );
    expect(page.founders).toEqual([expect.objectContaining({ email: app.contact_email, phone: "0999 888 777" })]);

    const download = (await call(pitchLoader, `/staff/programmes/${id}/applications/${app.id}/pitch`, {
      cookie: staff.cookie,
      params,
    })) as Response;
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Type")).toBe("application/pdf");
    expect(download.headers.get("Content-Disposition")).toContain("attachment;");
    expect(download.headers.get("Content-Disposition")).toContain(encodeURIComponent("Giới thiệu.pdf"));
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);

    const none = await application(id);
    expect(
      statusOf(
        await call(pitchLoader, "/x", { cookie: staff.cookie, params: { programmeId: id, applicationId: none.id } }),
      ),
    ).toBe(404);
  });

  it("keeps applicants' contact details out of the public pages", async () => {
    const programme = await db()
      .selectFrom("programme")
      .selectAll()
      .where("slug", "=", "tim-kiem-tai-nang-2026")
      .executeTakeFirstOrThrow();
    const app = await application(programme.id);
    const { loader: openLoader } = await import("~/routes/programmes._index");
    const founder = await createUser("founder");
    for (const cookie of [undefined, founder.cookie]) {
      const pages = [
        await call(openLoader, "/programmes", { cookie }),
        await call(applyLoader, `/programmes/${programme.slug}/apply`, { cookie, params: { slug: programme.slug } }),
      ];
      for (const page of pages) {
        const text = JSON.stringify(dataOf(page));
        expect(text).not.toContain(app.contact_email);
        expect(text).not.toContain("0999 888 777");
        expect(text).not.toContain(app.team_name);
      }
    }
  });
});

describe("incubating a winning team", () => {
  it("creates the team from the application, links founders with an account, invites the others into the team", async () => {
    const staff = await createUser("staff", { name: "Cán Bộ Ươm Tạo" });
    const id = idFrom(await createProgrammeAs(staff.cookie, programmeForm({ freeDeskDays: "4" })));
    const app = await application(id, "winner", "technology");
    const existing = await createUser("founder");
    const newcomer = `moi-${unique()}@example.vn`;
    await db()
      .insertInto("application_founder")
      .values([
        {
          application_id: app.id,
          position: 1,
          name: "Người Có Tài Khoản",
          email: existing.user.email.toUpperCase(),
          phone: "0911 000 111",
        },
        { application_id: app.id, position: 2, name: "Người Mới", email: newcomer, phone: "0911 000 222" },
      ])
      .execute();
    const url = `/staff/programmes/${id}/applications/${app.id}`;
    const params = { programmeId: id, applicationId: app.id };
    // The first founder (contact) has no account either.
    const response = (await call(applicationAction, url, {
      cookie: staff.cookie,
      params,
      form: { intent: "incubate" },
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`${url}?linked=1&invited=2`);

    const row = await db().selectFrom("application").selectAll().where("id", "=", app.id).executeTakeFirstOrThrow();
    expect(row.status).toBe("incubated");
    const team = await db().selectFrom("team").selectAll().where("id", "=", row.team_id!).executeTakeFirstOrThrow();
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date());
    expect(team).toMatchObject({
      name: app.team_name,
      status: "incubating",
      programme_id: id,
      sector_id: app.sector_id,
      place: app.place,
      stage: app.stage,
      incubation_starts_on: today,
    });
    const members = await db().selectFrom("team_member").select("user_id").where("team_id", "=", team.id).execute();
    expect(members.map((m) => m.user_id)).toEqual([existing.user.id]);
    const events = await db()
      .selectFrom("application_event")
      .selectAll()
      .where("application_id", "=", app.id)
      .execute();
    expect(events).toMatchObject([{ from_status: "winner", to_status: "incubated", by_user_id: staff.user.id }]);

    // The newcomer's invitation makes them a founder of that team.
    const invitation = await db()
      .selectFrom("invitation")
      .selectAll()
      .where("email", "=", newcomer)
      .executeTakeFirstOrThrow();
    expect(invitation).toMatchObject({ role: "founder", team_id: team.id });
    const mail = await db()
      .selectFrom("outbox")
      .select("text_body")
      .where("to_address", "=", newcomer)
      .executeTakeFirstOrThrow();
    const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
    const { acceptInvitation } = await import("~/features/invitations/accept-invitation.server");
    const accepted = await acceptInvitation(db(), { token, password: "mat-khau-moi-dai-1", locale: "vi" });
    expect(accepted.ok).toBe(true);
    const after = await db().selectFrom("team_member").select("user_id").where("team_id", "=", team.id).execute();
    expect(after).toHaveLength(2);

    // Done once: the page now links to the team, and a second try is refused.
    const page = dataOf<{ teamId: string | null }>(
      await call(applicationLoader, url, { cookie: staff.cookie, params }),
    );
    expect(page.teamId).toBe(team.id);
    const again = await call(applicationAction, url, { cookie: staff.cookie, params, form: { intent: "incubate" } });
    expect(statusOf(again)).toBe(400);
    expect(dataOf<{ error: string }>(again).error).toBe("programmes.error.notWinner");
  });

  it("refuses an application that did not win, and a team name the centre already uses", async () => {
    const staff = await createUser("staff");
    const id = idFrom(await createProgrammeAs(staff.cookie, programmeForm()));
    const finalist = await application(id, "finalist");
    const refused = await call(applicationAction, "/x", {
      cookie: staff.cookie,
      params: { programmeId: id, applicationId: finalist.id },
      form: { intent: "incubate" },
    });
    expect(dataOf<{ error: string }>(refused).error).toBe("programmes.error.notWinner");

    const winner = await application(id, "winner");
    await db()
      .updateTable("application")
      .set({ team_name: "mận hậu mộc châu xanh" })
      .where("id", "=", winner.id)
      .execute();
    const taken = await call(applicationAction, "/x", {
      cookie: staff.cookie,
      params: { programmeId: id, applicationId: winner.id },
      form: { intent: "incubate" },
    });
    expect(statusOf(taken)).toBe(400);
    expect(dataOf<{ error: string }>(taken).error).toBe("programmes.error.teamNameTaken");
    const row = await db()
      .selectFrom("application")
      .select(["status", "team_id"])
      .where("id", "=", winner.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "winner", team_id: null });
  });
});
