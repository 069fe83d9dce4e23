import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import {
  APPLICATIONS_PER_HOUR_PER_ADDRESS,
  RESEND_PER_HOUR_PER_EMAIL,
} from "~/features/applications/public-rate-limit.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { action as applyAction, loader as applyLoader } from "~/routes/programmes.$slug.apply";
import { loader as appliedLoader } from "~/routes/programmes.$slug.applied";
import { action as resendAction } from "~/routes/programmes.$slug.resend-link";
import { loader as openLoader } from "~/routes/programmes._index";
import { action as mineAction, loader as mineLoader } from "~/routes/applications.$token";
import { db } from "~/utils/database.server";
import { useTestDatabase } from "../setup/database";
import { context, dataOf, statusOf } from "../setup/requests";

// Pitch files go to a directory of this test file's own, with a small limit so the
// oversized case stays quick. useTestDatabase() re-reads the environment before the tests.
const uploadDir = mkdtempSync(path.join(os.tmpdir(), "pitches-"));
process.env.UPLOAD_DIR = uploadDir;
process.env.PITCH_MAX_BYTES = "100000";
afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

useTestDatabase();

const BASE = "http://localhost:3000";
const DAY = 86_400_000;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

const unique = () => randomUUID().slice(0, 8);

async function openProgramme(window: { opensAt?: Date; closesAt?: Date } = {}) {
  const centre = await requireCurrentCentre();
  return db()
    .insertInto("programme")
    .values({
      centre_id: centre.id,
      kind: "competition",
      slug: `thi-${unique()}`,
      name_vi: `Cuộc thi ${unique()}`,
      name_en: `Competition ${unique()}`,
      starts_on: "2026-11-01",
      ends_on: "2027-03-31",
      applications_open_at: window.opensAt ?? new Date(Date.now() - 10 * DAY),
      applications_close_at: window.closesAt ?? new Date(Date.now() + 30 * DAY),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function sectorId(code = "tourism") {
  const row = await db().selectFrom("sector").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return String(row.id);
}

async function validForm(overrides: Record<string, string> = {}) {
  const email = `sang-lap-${unique()}@example.vn`;
  return {
    teamName: `Nhóm ${unique()}`,
    idea: "Tour săn mây Tà Xùa do người Mông tự tổ chức",
    problem: "Khách khó đặt tour trực tiếp với người dân",
    sectorId: await sectorId(),
    place: "Bắc Yên",
    stage: "idea",
    jobsExpected: "7",
    links: "https://taxua.example.vn\n\nhttps://facebook.com/taxua",
    founderName0: "Mùa Thị Dợ",
    founderEmail0: email,
    founderPhone0: "0912 345 678",
    founderName1: "Giàng A Páo",
    founderEmail1: `pao-${unique()}@example.vn`,
    founderPhone1: "+84 936 111 222",
    founderName2: "",
    founderEmail2: "",
    founderPhone2: "",
    ...overrides,
  };
}

function multipartRequest(
  url: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
) {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  if (file) body.append("pitch", new File([Buffer.from(file.bytes)], file.name, { type: file.type }));
  else body.append("pitch", new File([], "", { type: "application/octet-stream" }));
  return new Request(new URL(url, BASE), { method: "POST", body });
}

async function run(
  handler: (args: ActionFunctionArgs | LoaderFunctionArgs) => unknown,
  request: Request,
  params: Record<string, string>,
  clientIp?: string,
): Promise<unknown> {
  try {
    return await handler({ request, params, context: context(clientIp) });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

function apply(
  slug: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; bytes: Uint8Array },
  clientIp?: string,
) {
  return run(applyAction as never, multipartRequest(`/programmes/${slug}/apply`, fields, file), { slug }, clientIp);
}

/** The resend-link form posted for an email. */
function askForLink(slug: string, email: string, clientIp?: string) {
  return run(
    resendAction as never,
    new Request(`${BASE}/programmes/${slug}/resend-link`, { method: "POST", body: new URLSearchParams({ email }) }),
    { slug },
    clientIp,
  );
}

type Failure = { errors?: Record<string, string>; closedMessage?: string; values?: Record<string, string> };

async function applicationsOf(programmeId: string) {
  return db().selectFrom("application").selectAll().where("programme_id", "=", programmeId).execute();
}

function storedFiles(): string[] {
  try {
    return readdirSync(path.join(uploadDir, "pitches"));
  } catch {
    return [];
  }
}

async function tokenFromEmail(to: string): Promise<string> {
  const mail = await db()
    .selectFrom("outbox")
    .select(["text_body", "subject"])
    .where("to_address", "=", to)
    .where("kind", "=", "application-received")
    .executeTakeFirstOrThrow();
  const match = /\/applications\/([A-Za-z0-9_-]+)/.exec(mail.text_body);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe("the list of open programmes", () => {
  it("shows the demo's 2026 competition and not the closed 2025 edition", async () => {
    const data = dataOf<{ programmes: Array<{ slug: string }> }>(
      await run(openLoader as never, new Request(`${BASE}/programmes`), {}),
    );
    const slugs = data.programmes.map((p) => p.slug);
    expect(slugs).toContain("tim-kiem-tai-nang-2026");
    expect(slugs).not.toContain("tim-kiem-tai-nang-2025");
    expect(slugs).not.toContain("uom-tao-2026");
  });
});

describe("applying without an account", () => {
  it("stores the application, its founders, the PDF and its history, and emails the first founder a link", async () => {
    const programme = await openProgramme();
    const form = await validForm();
    const response = (await apply(programme.slug, form, {
      name: "gioi-thieu.pdf",
      type: "application/pdf",
      bytes: PDF,
    })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/programmes/${programme.slug}/applied`);

    const [application] = await applicationsOf(programme.id);
    expect(application).toMatchObject({
      team_name: form.teamName,
      status: "submitted",
      contact_email: form.founderEmail0,
      jobs_expected: 7,
      links: ["https://taxua.example.vn", "https://facebook.com/taxua"],
      pitch_file_name: "gioi-thieu.pdf",
      pitch_file_bytes: PDF.byteLength,
    });
    expect(storedFiles()).toContain(application!.pitch_file_key);
    const founders = await db()
      .selectFrom("application_founder")
      .selectAll()
      .where("application_id", "=", application!.id)
      .orderBy("position")
      .execute();
    // The empty third row was ignored.
    expect(founders.map((f) => f.name)).toEqual(["Mùa Thị Dợ", "Giàng A Páo"]);
    const events = await db()
      .selectFrom("application_event")
      .selectAll()
      .where("application_id", "=", application!.id)
      .execute();
    expect(events).toMatchObject([{ from_status: null, to_status: "submitted", by_user_id: null }]);

    // Only the token's hash is stored; the link in the email opens the applicant's page.
    const token = await tokenFromEmail(form.founderEmail0);
    expect(application!.edit_token_hash).not.toContain(token);
    const mine = dataOf<{ status: string; values: Record<string, string>; editable: boolean }>(
      await run(mineLoader as never, new Request(`${BASE}/applications/${token}`), { token }),
    );
    expect(mine).toMatchObject({ status: "submitted", editable: true });
    expect(mine.values.teamName).toBe(form.teamName);

    const applied = dataOf(
      await run(appliedLoader as never, new Request(`${BASE}/programmes/${programme.slug}/applied`), {
        slug: programme.slug,
      }),
    );
    expect(JSON.stringify(applied)).not.toContain(form.founderEmail0);
  });

  it("refuses a missing field, a bad email, a bad phone, a non-http link and no founder, with the messages beside the fields", async () => {
    const programme = await openProgramme();
    const result = await apply(
      programme.slug,
      await validForm({
        teamName: " ",
        founderEmail0: "khong-phai-email",
        founderPhone1: "abc",
        links: "javascript:alert(1)",
        stage: "unicorn",
        jobsExpected: "-3",
      }),
    );
    expect(statusOf(result)).toBe(400);
    const { errors, values } = dataOf<Failure>(result);
    expect(errors).toMatchObject({
      teamName: "form.required",
      founderEmail0: "form.invalidEmail",
      founderPhone1: "programmes.error.phone",
      links: "programmes.error.links",
      stage: "programmes.error.choose",
      jobsExpected: "programmes.error.wholeNumber",
    });
    // What they typed comes back to the form.
    expect(values?.idea).toContain("Tà Xùa");

    const noFounder = await apply(
      programme.slug,
      await validForm({
        founderName0: "",
        founderEmail0: "",
        founderPhone0: "",
        founderName1: "",
        founderEmail1: "",
        founderPhone1: "",
      }),
    );
    expect(statusOf(noFounder)).toBe(400);
    expect(dataOf<Failure>(noFounder).errors).toMatchObject({ founderName0: "programmes.error.noFounder" });

    const halfRow = await apply(programme.slug, await validForm({ founderName2: "Chỉ có tên" }));
    expect(dataOf<Failure>(halfRow).errors).toMatchObject({
      founderEmail2: "form.required",
      founderPhone2: "form.required",
    });
    expect(await applicationsOf(programme.id)).toHaveLength(0);
  });

  it("refuses a sector that staff deactivated", async () => {
    const programme = await openProgramme();
    const centre = await requireCurrentCentre();
    const sector = await db()
      .insertInto("sector")
      .values({ centre_id: centre.id, code: `old-${unique()}`, name_vi: "Cũ", name_en: "Old", is_active: false })
      .returning("id")
      .executeTakeFirstOrThrow();
    const result = await apply(programme.slug, await validForm({ sectorId: String(sector.id) }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Failure>(result).errors).toEqual({ sectorId: "programmes.error.choose" });
  });

  it("refuses a file that is not a PDF, whatever its name and type say, and stores nothing", async () => {
    const programme = await openProgramme();
    const before = storedFiles().length;
    const result = await apply(programme.slug, await validForm(), {
      name: "pitch.pdf",
      type: "application/pdf",
      bytes: new TextEncoder().encode("MZ\x90\x00 this is really an executable"),
    });
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Failure>(result).errors).toEqual({ pitch: "programmes.error.pitchNotPdf" });
    expect(await applicationsOf(programme.id)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it("refuses a PDF over the size limit with a clear message, keeps the answers and stores nothing", async () => {
    const programme = await openProgramme();
    const before = storedFiles().length;
    const big = new Uint8Array(150_000).fill(0x20);
    big.set(PDF);
    const form = await validForm();
    const result = await apply(programme.slug, form, { name: "lon.pdf", type: "application/pdf", bytes: big });
    expect(statusOf(result)).toBe(400);
    const failure = dataOf<Failure>(result);
    expect(failure.errors).toEqual({ pitch: "programmes.error.pitchTooLarge" });
    expect(failure.values?.teamName).toBe(form.teamName);
    expect(await applicationsOf(programme.id)).toHaveLength(0);
    expect(storedFiles()).toHaveLength(before);
  });

  it("catches a second application from the same first founder's email to the same programme", async () => {
    const programme = await openProgramme();
    const first = await validForm();
    expect(statusOf(await apply(programme.slug, first))).toBe(302);
    const again = await apply(
      programme.slug,
      await validForm({ founderEmail0: first.founderEmail0.toUpperCase(), teamName: "Nhóm khác" }),
    );
    expect(statusOf(again)).toBe(400);
    expect(dataOf<Failure>(again).errors).toEqual({ founderEmail0: "programmes.error.duplicate" });
    expect(await applicationsOf(programme.id)).toHaveLength(1);

    // The same email may apply to another programme.
    const other = await openProgramme();
    expect(statusOf(await apply(other.slug, await validForm({ founderEmail0: first.founderEmail0 })))).toBe(302);
  });

  it("refuses applications after the deadline (410) and before the opening (403), page and form alike", async () => {
    const closed = await openProgramme({
      opensAt: new Date(Date.now() - 30 * DAY),
      closesAt: new Date(Date.now() - 60_000),
    });
    const page = await run(applyLoader as never, new Request(`${BASE}/programmes/${closed.slug}/apply`), {
      slug: closed.slug,
    });
    expect(statusOf(page)).toBe(410);
    expect(dataOf<{ closedMessage: string }>(page).closedMessage).toBe("programmes.apply.closed");
    const late = await apply(closed.slug, await validForm());
    expect(statusOf(late)).toBe(410);
    expect(dataOf<Failure>(late).closedMessage).toBe("programmes.apply.closed");
    expect(await applicationsOf(closed.id)).toHaveLength(0);

    const early = await openProgramme({
      opensAt: new Date(Date.now() + DAY),
      closesAt: new Date(Date.now() + 30 * DAY),
    });
    expect(statusOf(await apply(early.slug, await validForm()))).toBe(403);

    const missing = await run(applyLoader as never, new Request(`${BASE}/programmes/khong-co/apply`), {
      slug: "khong-co",
    });
    expect(statusOf(missing)).toBe(404);
  });
});

describe("the applicant's own page", () => {
  async function submitted(programme: Awaited<ReturnType<typeof openProgramme>>) {
    const form = await validForm();
    expect(statusOf(await apply(programme.slug, form, { name: "a.pdf", type: "application/pdf", bytes: PDF }))).toBe(
      302,
    );
    return { form, token: await tokenFromEmail(form.founderEmail0) };
  }

  it("lets the applicant edit until the deadline, and replaces the PDF", async () => {
    const programme = await openProgramme();
    const { form, token } = await submitted(programme);
    const [before] = await applicationsOf(programme.id);

    const newPdf = new TextEncoder().encode("%PDF-1.7\nmoi\n%%EOF\n");
    const saved = (await run(
      mineAction as never,
      multipartRequest(
        `/applications/${token}`,
        { ...form, teamName: "Tên mới", jobsExpected: "12" },
        {
          name: "ban-moi.pdf",
          type: "application/pdf",
          bytes: newPdf,
        },
      ),
      { token },
    )) as Response;
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe(`/applications/${token}?saved=1`);
    const [after] = await applicationsOf(programme.id);
    expect(after).toMatchObject({
      team_name: "Tên mới",
      jobs_expected: 12,
      pitch_file_name: "ban-moi.pdf",
      status: "submitted",
    });
    // The old file is gone, the new one is kept.
    expect(storedFiles()).not.toContain(before!.pitch_file_key);
    expect(storedFiles()).toContain(after!.pitch_file_key);

    const invalid = await run(mineAction as never, multipartRequest(`/applications/${token}`, { ...form, idea: "" }), {
      token,
    });
    expect(statusOf(invalid)).toBe(400);
    expect(dataOf<Failure>(invalid).errors).toEqual({ idea: "form.required" });
  });

  it("is read-only after the deadline: the page says so and a change is refused", async () => {
    const programme = await openProgramme();
    const { form, token } = await submitted(programme);
    await db()
      .updateTable("programme")
      .set({
        applications_close_at: new Date(Date.now() - 1000),
        applications_open_at: new Date(Date.now() - 30 * DAY),
      })
      .where("id", "=", programme.id)
      .execute();
    const page = dataOf<{ editable: boolean }>(
      await run(mineLoader as never, new Request(`${BASE}/applications/${token}`), { token }),
    );
    expect(page.editable).toBe(false);
    const refused = await run(
      mineAction as never,
      multipartRequest(`/applications/${token}`, { ...form, teamName: "Sửa muộn" }),
      { token },
    );
    expect(statusOf(refused)).toBe(410);
    const [row] = await applicationsOf(programme.id);
    expect(row!.team_name).toBe(form.teamName);
  });

  it("keeps a sector that staff deactivated after the application named it", async () => {
    const programme = await openProgramme();
    const centre = await requireCurrentCentre();
    const sector = await db()
      .insertInto("sector")
      .values({ centre_id: centre.id, code: `tam-${unique()}`, name_vi: "Tạm", name_en: "Temporary" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const form = await validForm({ sectorId: String(sector.id) });
    expect(statusOf(await apply(programme.slug, form))).toBe(302);
    const token = await tokenFromEmail(form.founderEmail0);
    await db().updateTable("sector").set({ is_active: false }).where("id", "=", sector.id).execute();
    const page = dataOf<{ sectors: Array<{ id: number }> }>(
      await run(mineLoader as never, new Request(`${BASE}/applications/${token}`), { token }),
    );
    expect(page.sectors.map((s) => s.id)).toContain(sector.id);
    const saved = await run(
      mineAction as never,
      multipartRequest(`/applications/${token}`, { ...form, place: "Sông Mã" }),
      { token },
    );
    expect(statusOf(saved)).toBe(302);
  });

  it("answers 404 to an unknown link", async () => {
    const token = "khong-ton-tai-" + unique();
    expect(statusOf(await run(mineLoader as never, new Request(`${BASE}/applications/${token}`), { token }))).toBe(404);
    expect(
      statusOf(
        await run(mineAction as never, multipartRequest(`/applications/${token}`, await validForm()), { token }),
      ),
    ).toBe(404);
  });
});

describe("two submissions at once from the same email", () => {
  it("keeps one and refuses the other as a duplicate, never an error page", async () => {
    const programme = await openProgramme();
    const form = await validForm();
    const results = await Promise.all([
      apply(programme.slug, form),
      apply(programme.slug, { ...form, teamName: "Nhóm song song" }),
    ]);
    expect(results.map(statusOf).sort()).toEqual([302, 400]);
    expect(await applicationsOf(programme.id)).toHaveLength(1);
  });
});

describe("a new link for a lost email", () => {
  it("sends the first founder a new link that replaces the old one, and answers the same for an unknown email", async () => {
    const programme = await openProgramme();
    const form = await validForm();
    expect(statusOf(await apply(programme.slug, form))).toBe(302);
    const oldToken = await tokenFromEmail(form.founderEmail0);

    const post = (email: string) => askForLink(programme.slug, email);
    const known = (await post(form.founderEmail0.toUpperCase())) as Response;
    const unknown = (await post(`khong-co-${unique()}@example.vn`)) as Response;
    expect(known.headers.get("Location")).toBe(`/programmes/${programme.slug}/resend-link?sent=1`);
    expect(unknown.headers.get("Location")).toBe(known.headers.get("Location"));

    const mail = await db()
      .selectFrom("outbox")
      .select("text_body")
      .where("to_address", "=", form.founderEmail0)
      .where("kind", "=", "application-link")
      .executeTakeFirstOrThrow();
    const newToken = /\/applications\/([A-Za-z0-9_-]+)/.exec(mail.text_body)![1]!;
    expect(newToken).not.toBe(oldToken);
    expect(
      statusOf(await run(mineLoader as never, new Request(`${BASE}/applications/${oldToken}`), { token: oldToken })),
    ).toBe(404);
    expect(
      statusOf(await run(mineLoader as never, new Request(`${BASE}/applications/${newToken}`), { token: newToken })),
    ).toBe(200);

    expect(statusOf(await post("khong-phai-email"))).toBe(400);
  });
});

describe("bodies that are not a form", () => {
  it("answers 400, not an error page", async () => {
    const programme = await openProgramme();
    const json = new Request(`${BASE}/programmes/${programme.slug}/apply`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ teamName: "x" }),
    });
    expect(statusOf(await run(applyAction as never, json, { slug: programme.slug }))).toBe(400);
    const broken = new Request(`${BASE}/programmes/${programme.slug}/apply`, {
      method: "POST",
      headers: { "Content-Type": "multipart/form-data; boundary=abc" },
      body: '--abc\r\nContent-Disposition: form-data; name="teamName"\r\n\r\nx',
    });
    expect(statusOf(await run(applyAction as never, broken, { slug: programme.slug }))).toBe(400);
  });
});

describe("one network address sending too much", () => {
  it("gets 429 for an application once over the hourly limit, keeps the answers, and writes nothing", async () => {
    const programme = await openProgramme();
    const address = "203.0.113.7";
    // Every attempt counts, valid or not: fill the hour with forms that are refused as incomplete.
    for (let i = 0; i < APPLICATIONS_PER_HOUR_PER_ADDRESS; i++) {
      expect(statusOf(await apply(programme.slug, { teamName: "" }, undefined, address))).toBe(400);
    }
    const form = await validForm();
    const refused = await apply(programme.slug, form, undefined, address);
    expect(statusOf(refused)).toBe(429);
    const headers = (refused as unknown as { init: { headers: Record<string, string> } }).init.headers;
    expect(Number(headers["Retry-After"])).toBeGreaterThan(0);
    expect(dataOf<Failure>(refused)).toMatchObject({
      errors: { _form: "programmes.apply.tooMany" },
      values: { teamName: form.teamName, founderEmail0: form.founderEmail0 },
    });
    expect(await applicationsOf(programme.id)).toHaveLength(0);
    // Another address is not held back by this one.
    expect(statusOf(await apply(programme.slug, form, undefined, "203.0.113.8"))).toBe(302);
    expect(await applicationsOf(programme.id)).toHaveLength(1);
  });

  it("gets 429 for new links after three for one email, whatever the address, and sends nothing more", async () => {
    const programme = await openProgramme();
    const form = await validForm();
    expect(statusOf(await apply(programme.slug, form, undefined, "198.51.100.1"))).toBe(302);
    const post = (email: string, clientIp: string) => askForLink(programme.slug, email, clientIp);
    const links = () =>
      db()
        .selectFrom("outbox")
        .select("id")
        .where("to_address", "=", form.founderEmail0)
        .where("kind", "=", "application-link")
        .execute();
    for (let i = 0; i < RESEND_PER_HOUR_PER_EMAIL; i++) {
      expect(statusOf(await post(form.founderEmail0, `198.51.100.${10 + i}`))).toBe(302);
    }
    expect(await links()).toHaveLength(RESEND_PER_HOUR_PER_EMAIL);
    const refused = await post(form.founderEmail0.toUpperCase(), "198.51.100.99");
    expect(statusOf(refused)).toBe(429);
    expect(dataOf<Failure>(refused).errors).toEqual({ _form: "programmes.resend.tooMany" });
    expect(await links()).toHaveLength(RESEND_PER_HOUR_PER_EMAIL);
  });
});
