import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { DateTime } from "luxon";
import { CENTRE_TIME_ZONE } from "~/i18n/format";
import { db } from "~/utils/database.server";
import { createSpacesCentre } from "./spaces-centre";

/** A loader's body, whether returned plain or through data() with a status. */
export type Body<T> = T extends { data: infer D; init: unknown } ? D : T;

const ZONE = CENTRE_TIME_ZONE;
/** A local wall-clock time in the centre's zone, as an instant. */
export const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();

/**
 * A centre of its own with a hand-built year 2025 (and a little of 2023, 2024 and 2026) whose
 * report figures are known: see `expected2025`. The demo centre's data cannot disturb it.
 */
export async function buildReportCentre() {
  const centre = await createSpacesCentre();
  const staff = await centre.user("staff", "Cán bộ báo cáo");
  const founderA = await centre.user("founder", "Nguyễn Thị An");
  const founderB = await centre.user("founder", "Trần Văn Bình");
  const mentor = await centre.user("mentor", "Cố vấn Báo cáo");
  const floorId = centre.floorId("T2");
  const tag = randomUUID().slice(0, 6).toUpperCase();

  const [desk, room] = await db()
    .insertInto("resource")
    .values([
      {
        centre_id: centre.id,
        floor_id: floorId,
        code: `D-${tag}`,
        kind: "hot_desk",
        name_vi: "Bàn báo cáo",
        name_en: "Report desk",
        capacity: 1,
        price_day_vnd: 50_000,
        price_half_day_vnd: 30_000,
        price_hour_vnd: null,
        plan_x: 0,
        plan_y: 0,
        plan_width: 10,
        plan_height: 10,
      },
      {
        centre_id: centre.id,
        floor_id: floorId,
        code: `R-${tag}`,
        kind: "meeting_room",
        name_vi: "Phòng báo cáo",
        name_en: "Report room",
        capacity: 8,
        price_hour_vnd: 100_000,
        price_half_day_vnd: null,
        price_day_vnd: null,
        plan_x: 20,
        plan_y: 0,
        plan_width: 10,
        plan_height: 10,
      },
    ])
    .returning(["id", "code"])
    .execute();

  const teams = await db()
    .insertInto("team")
    .values([
      // Incubated across 2024 and 2025.
      {
        centre_id: centre.id,
        name: `Nhóm Một ${tag}`,
        incubation_starts_on: "2024-06-01",
        incubation_ends_on: "2025-06-30",
        jobs_created: 5,
      },
      // Incubated from 2026, but used a room in 2025: supported, not incubated.
      { centre_id: centre.id, name: `Nhóm Hai ${tag}`, incubation_starts_on: "2026-01-01", jobs_created: 7 },
      // Incubated in 2023 only.
      {
        centre_id: centre.id,
        name: `Nhóm Ba ${tag}`,
        incubation_starts_on: "2023-01-01",
        incubation_ends_on: "2023-12-31",
        jobs_created: 2,
      },
    ])
    .returning(["id", "name"])
    .execute();
  const [t1, t2] = teams;

  const booking = (values: {
    resource: string;
    status: "confirmed" | "checked_in" | "cancelled" | "no_show";
    from: string;
    to: string;
    dayPart?: "morning" | "afternoon" | "day";
    team?: string;
    purpose?: "booking" | "block";
  }) => ({
    centre_id: centre.id,
    resource_id: values.resource,
    user_id: founderA.user.id,
    booked_by: founderA.user.id,
    team_id: values.team ?? null,
    status: values.status,
    purpose: values.purpose ?? "booking",
    day_part: values.dayPart ?? null,
    starts_at: local(values.from),
    ends_at: local(values.to),
  });
  await db()
    .insertInto("booking")
    .values([
      booking({
        resource: desk!.id,
        status: "checked_in",
        dayPart: "day",
        from: "2025-02-03T07:30",
        to: "2025-02-03T17:00",
      }),
      booking({
        resource: desk!.id,
        status: "checked_in",
        dayPart: "morning",
        from: "2025-02-04T07:30",
        to: "2025-02-04T12:00",
      }),
      // Not use: a no-show, a cancellation, a block.
      booking({
        resource: desk!.id,
        status: "no_show",
        dayPart: "day",
        from: "2025-02-05T07:30",
        to: "2025-02-05T17:00",
      }),
      booking({
        resource: desk!.id,
        status: "cancelled",
        dayPart: "day",
        from: "2025-02-06T07:30",
        to: "2025-02-06T17:00",
      }),
      booking({
        resource: desk!.id,
        status: "confirmed",
        purpose: "block",
        dayPart: "day",
        from: "2025-02-07T07:30",
        to: "2025-02-07T17:00",
      }),
      // A room for two hours, confirmed and over (rooms need no check-in), by team two.
      booking({
        resource: room!.id,
        status: "confirmed",
        team: t2!.id,
        from: "2025-02-03T09:00",
        to: "2025-02-03T11:00",
      }),
      // 07:00 on 1 January in Vietnam is still 31 December in UTC: it belongs to 2025.
      booking({ resource: room!.id, status: "checked_in", from: "2025-01-01T07:00", to: "2025-01-01T08:00" }),
      // 2026: not in 2025.
      booking({ resource: room!.id, status: "checked_in", from: "2026-01-02T08:00", to: "2026-01-02T09:00" }),
    ])
    .execute();

  const assignment = await db()
    .insertInto("mentor_assignment")
    .values({
      centre_id: centre.id,
      mentor_id: mentor.user.id,
      team_id: t1!.id,
      starts_on: "2024-01-01",
      ends_on: "2025-12-31",
      planned_hours: 10,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const session = (from: string, to: string, status: "done" | "cancelled") => ({
    centre_id: centre.id,
    assignment_id: assignment.id,
    mentor_id: mentor.user.id,
    team_id: t1!.id,
    starts_at: local(from),
    ends_at: local(to),
    mode: "online" as const,
    online_url: "https://meet.example/x",
    topic: "Gọi vốn",
    status,
    proposed_side: "mentor" as const,
  });
  await db()
    .insertInto("mentoring_session")
    .values([
      session("2025-03-10T09:00", "2025-03-10T10:30", "done"),
      session("2025-03-11T09:00", "2025-03-11T10:00", "cancelled"),
      session("2024-05-01T09:00", "2024-05-01T10:00", "done"),
    ])
    .execute();

  await db()
    .insertInto("programme")
    .values({
      centre_id: centre.id,
      kind: "competition",
      slug: `thi-${tag.toLowerCase()}`,
      name_vi: "Cuộc thi thử",
      name_en: "Test competition",
      starts_on: "2025-07-01",
      ends_on: "2025-09-30",
    })
    .execute();

  async function event(values: {
    kind: string;
    title: string;
    at: string;
    audiences: string[];
    training: boolean;
    status?: "scheduled" | "cancelled";
  }): Promise<string> {
    const { rows } = await sql<{ id: string }>`
      INSERT INTO event (centre_id, kind, title_vi, title_en, starts_at, ends_at, venue_text, capacity, audiences,
                         counts_as_training, status)
      VALUES (${centre.id}, ${values.kind}, ${values.title}, ${values.title}, ${local(values.at)},
              ${DateTime.fromJSDate(local(values.at)).plus({ hours: 3 }).toJSDate()}, 'Hội trường tỉnh', 50,
              ${sql.raw(`ARRAY[${values.audiences.map((a) => `'${a}'`).join(",")}]::text[]`)},
              ${values.training}, ${values.status ?? "scheduled"})
      RETURNING id`.execute(db());
    return rows[0]!.id;
  }
  async function register(
    eventId: string,
    who: { user?: string; guest?: { name: string; email: string; organisation?: string } },
    audience: string,
    state: { attended?: boolean; status?: "registered" | "waitlisted" | "cancelled" } = {},
  ) {
    const attended = state.attended ? local("2025-01-01T00:00") : null;
    await sql`
      INSERT INTO event_registration (event_id, user_id, guest_name, guest_organisation, guest_email, guest_phone,
                                      audience, status, token, attended_at)
      VALUES (${eventId}, ${who.user ?? null}, ${who.guest?.name ?? ""}, ${who.guest?.organisation ?? ""},
              ${who.guest?.email ?? ""}, ${who.guest ? "0912 000 000" : ""}, ${audience},
              ${state.status ?? "registered"}, ${randomUUID()}, ${attended})`.execute(db());
  }

  const mail = (name: string) => `${name}-${tag.toLowerCase()}@guest.example`;
  const e1 = await event({
    kind: "training",
    title: `Khởi nghiệp cơ bản ${tag}`,
    at: "2025-04-10T08:00",
    audiences: ["founders"],
    training: true,
  });
  await register(e1, { user: founderA.user.id }, "founders", { attended: true });
  // Registered but did not come: not trained.
  await register(e1, { user: founderB.user.id }, "founders");
  // The same person as founder A, by email, registered again as a guest: counted once.
  await register(e1, { guest: { name: "An (khách)", email: founderA.user.email.toUpperCase() } }, "founders", {
    attended: true,
  });
  await register(
    e1,
    { guest: { name: "Hà Văn Hùng", email: mail("hung"), organisation: "HTX Mộc Châu" } },
    "founders",
    { attended: true },
  );
  await register(e1, { guest: { name: "Chờ Chỗ", email: mail("cho") } }, "founders", { status: "waitlisted" });
  await register(e1, { guest: { name: "Hủy Đăng Ký", email: mail("huy") } }, "founders", { status: "cancelled" });

  const e2 = await event({
    kind: "training",
    title: `Du lịch cộng đồng ${tag}`,
    at: "2025-05-10T08:00",
    audiences: ["founders", "tourism_cooperatives"],
    training: true,
  });
  await register(e2, { user: founderA.user.id }, "founders", { attended: true });
  await register(
    e2,
    { guest: { name: "Lò Thị Kim", email: mail("kim"), organisation: "HTX du lịch Bản Áng" } },
    "tourism_cooperatives",
    { attended: true },
  );

  // Attended, but not a training: an event, not a founder trained.
  const e3 = await event({
    kind: "workshop",
    title: `Hội thảo mở ${tag}`,
    at: "2025-06-01T14:00",
    audiences: ["public"],
    training: false,
  });
  await register(e3, { guest: { name: "Lê Văn Long", email: mail("long") } }, "public", { attended: true });

  // A cancelled training and a training of 2024: neither counts in 2025.
  const e4 = await event({
    kind: "training",
    title: `Đã hủy ${tag}`,
    at: "2025-07-01T08:00",
    audiences: ["founders"],
    training: true,
    status: "cancelled",
  });
  await register(e4, { guest: { name: "Mai Hủy", email: mail("mai") } }, "founders");
  const e5 = await event({
    kind: "training",
    title: `Năm trước ${tag}`,
    at: "2024-09-01T08:00",
    audiences: ["founders"],
    training: true,
  });
  await register(e5, { guest: { name: "Năm Trước", email: mail("nam") } }, "founders", { attended: true });

  return {
    centre,
    staff,
    founder: founderA,
    founderEmail: founderA.user.email.toLowerCase(),
    guestEmails: { hung: mail("hung"), kim: mail("kim"), long: mail("long") },
    teams: { one: t1!, two: t2! },
    resources: { desk: desk!, room: room! },
    events: { e1, e2, e3, e4, e5 },
  };
}

/** The 2025 figures of `buildReportCentre`, worked out by hand. */
export const expected2025 = {
  year: 2025,
  teamsSupported: 2,
  teamsIncubated: 1,
  jobsCreated: 5,
  foundersTrained: 3,
  eventsHeld: 3,
  participants: 6,
  competitions: 1,
  mentoringSessions: 1,
  mentoringHours: 1.5,
  deskDays: 1.5,
  roomHours: 3,
  // 1 day × 50.000 + 1 morning × 30.000 + 3 room hours × 100.000
  inKindValueVnd: 380_000,
  byAudience: [
    { audience: "founders", events: 2, registered: 5, attended: 4 },
    { audience: "tourism_cooperatives", events: 1, registered: 1, attended: 1 },
    { audience: "mentors", events: 0, registered: 0, attended: 0 },
    { audience: "public", events: 1, registered: 1, attended: 1 },
  ],
};
