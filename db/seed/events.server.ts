import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import type { Database, EventAudience, EventKind } from "../schema";
import { busyResourceIds } from "~/features/bookings/queries.server";
import { bookEventRoom } from "~/features/events/book-event-room.server";
import { Refused } from "~/features/events/refusal";
import { CENTRE_TIME_ZONE } from "~/i18n/format";

// The 2025 plan's events (Decision 886/QĐ-UBND, see ../shared/seed): the training course for
// tourism businesses and cooperatives, a founders' course, the mentor network's training
// conference, the Startup Talent Search rounds and the 2017–2025 summary conference, held in
// 2025 with registrations and attendance, so the 2025 report and targets have figures; and
// one training coming up, in the centre's hall, booked through the bookings core.

const SUMMARY_VENUE = "Hội trường Sở Khoa học và Công nghệ tỉnh Sơn La";

interface PastEvent {
  kind: EventKind;
  title_vi: string;
  title_en: string;
  description_vi: string;
  description_en: string;
  organiser: string;
  date: string;
  start: string;
  end: string;
  venue: string;
  capacity: number;
  audiences: EventAudience[];
  counts_as_training: boolean;
  programmeSlug?: string;
  /** Guests registered, by group: how many, and how many of them came. */
  guests: { audience: EventAudience; registered: number; attended: number }[];
  /** Demo members registered (all attended). */
  members: string[];
}

const PAST_EVENTS: PastEvent[] = [
  {
    kind: "conference",
    title_vi: "Hội nghị tập huấn mạng lưới cố vấn khởi nghiệp đổi mới sáng tạo tỉnh Sơn La năm 2025",
    title_en: "Training conference of the Sơn La innovative startup mentor network, 2025",
    description_vi:
      "Tập huấn kỹ năng cố vấn, đánh giá dự án và kết nối nhóm khởi nghiệp cho mạng lưới cố vấn của tỉnh.",
    description_en:
      "Mentoring skills, project assessment and working with startup teams, for the province's mentor network.",
    organiser: "Sở Khoa học và Công nghệ tỉnh Sơn La",
    date: "2025-08-21",
    start: "08:00",
    end: "16:30",
    venue: SUMMARY_VENUE,
    capacity: 40,
    audiences: ["mentors"],
    counts_as_training: false,
    guests: [{ audience: "mentors", registered: 18, attended: 16 }],
    members: ["covan@demo.sonla.vn"],
  },
  {
    kind: "competition_round",
    title_vi: "Vòng sơ khảo Cuộc thi Tìm kiếm tài năng khởi nghiệp sáng tạo tỉnh Sơn La lần thứ hai",
    title_en: "Preliminary round of the 2nd Sơn La Innovative Startup Talent Search",
    description_vi: "Các đội thi trình bày ý tưởng trước Ban giám khảo; chọn các đội vào vòng chung kết.",
    description_en: "Teams pitch their ideas to the jury, which chooses the finalists.",
    organiser: "Sở Khoa học và Công nghệ tỉnh Sơn La",
    date: "2025-09-12",
    start: "08:00",
    end: "17:00",
    venue: SUMMARY_VENUE,
    capacity: 80,
    audiences: ["founders", "public"],
    counts_as_training: false,
    programmeSlug: "tim-kiem-tai-nang-2025",
    guests: [
      { audience: "founders", registered: 24, attended: 22 },
      { audience: "public", registered: 20, attended: 15 },
    ],
    members: ["sanglap@demo.sonla.vn", "sanglap2@demo.sonla.vn"],
  },
  {
    kind: "competition_round",
    title_vi: "Vòng chung kết Cuộc thi Tìm kiếm tài năng khởi nghiệp sáng tạo tỉnh Sơn La lần thứ hai",
    title_en: "Final of the 2nd Sơn La Innovative Startup Talent Search",
    description_vi: "Các đội vào chung kết thuyết trình, trao giải và công bố các đội được ươm tạo.",
    description_en: "The finalists pitch; prizes are awarded and the teams to be incubated announced.",
    organiser: "Sở Khoa học và Công nghệ tỉnh Sơn La",
    date: "2025-09-26",
    start: "08:00",
    end: "11:30",
    venue: SUMMARY_VENUE,
    capacity: 120,
    audiences: ["founders", "mentors", "public"],
    counts_as_training: false,
    programmeSlug: "tim-kiem-tai-nang-2025",
    guests: [
      { audience: "founders", registered: 12, attended: 12 },
      { audience: "public", registered: 45, attended: 38 },
    ],
    members: ["sanglap@demo.sonla.vn", "sanglap2@demo.sonla.vn", "covan@demo.sonla.vn"],
  },
  {
    kind: "conference",
    title_vi:
      "Hội nghị tổng kết Kế hoạch hỗ trợ hệ sinh thái khởi nghiệp đổi mới sáng tạo tỉnh Sơn La giai đoạn 2017–2025",
    title_en: "Summary conference of Sơn La's innovative startup ecosystem plan, 2017–2025",
    description_vi:
      "Tổng kết kết quả giai đoạn 2017–2025, khen thưởng tập thể, cá nhân và định hướng giai đoạn tiếp theo.",
    description_en: "Results of 2017–2025, awards to organisations and people, and the direction for the next period.",
    organiser: "Ủy ban nhân dân tỉnh Sơn La; Sở Khoa học và Công nghệ",
    date: "2025-09-30",
    start: "08:00",
    end: "11:30",
    venue: SUMMARY_VENUE,
    capacity: 150,
    audiences: ["founders", "tourism_cooperatives", "mentors", "public"],
    counts_as_training: false,
    guests: [
      { audience: "founders", registered: 15, attended: 14 },
      { audience: "tourism_cooperatives", registered: 10, attended: 9 },
      { audience: "mentors", registered: 12, attended: 11 },
      { audience: "public", registered: 40, attended: 36 },
    ],
    members: ["covan@demo.sonla.vn"],
  },
  {
    kind: "training",
    title_vi: "Khóa tập huấn khởi nghiệp đổi mới sáng tạo cho doanh nghiệp du lịch và hợp tác xã",
    title_en: "Innovative startup training for tourism businesses and cooperatives",
    description_vi:
      "Xây dựng sản phẩm du lịch cộng đồng, tiếp thị số và kết nối thị trường cho doanh nghiệp du lịch và hợp tác xã.",
    description_en:
      "Community tourism products, digital marketing and market access for tourism businesses and cooperatives.",
    organiser: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La",
    date: "2025-10-15",
    start: "08:00",
    end: "16:30",
    venue: "Mộc Châu, tỉnh Sơn La",
    capacity: 40,
    audiences: ["tourism_cooperatives", "founders"],
    counts_as_training: true,
    guests: [
      { audience: "tourism_cooperatives", registered: 22, attended: 19 },
      { audience: "founders", registered: 8, attended: 7 },
    ],
    members: [],
  },
  {
    kind: "training",
    title_vi: "Khóa đào tạo khởi nghiệp đổi mới sáng tạo cho nhà sáng lập năm 2025",
    title_en: "Innovative startup course for founders, 2025",
    description_vi:
      "Mô hình kinh doanh, gọi vốn, sở hữu trí tuệ và kỹ năng thuyết trình cho nhà sáng lập dự án khởi nghiệp.",
    description_en:
      "Business models, raising funds, intellectual property and pitching, for founders of startup projects.",
    organiser: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La",
    date: "2025-11-05",
    start: "08:00",
    end: "16:30",
    venue: SUMMARY_VENUE,
    capacity: 30,
    audiences: ["founders"],
    counts_as_training: true,
    guests: [{ audience: "founders", registered: 18, attended: 15 }],
    members: ["sanglap@demo.sonla.vn", "sanglap2@demo.sonla.vn"],
  },
];

const FAMILY = ["Lò", "Cầm", "Quàng", "Lường", "Hà", "Vì", "Tòng", "Nguyễn", "Trần", "Đinh", "Mùa", "Sùng", "Giàng"];
const MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hải"];
const GIVEN = [
  "An",
  "Bình",
  "Chiến",
  "Dung",
  "Hạnh",
  "Hùng",
  "Lan",
  "Linh",
  "Long",
  "Nam",
  "Phương",
  "Sơn",
  "Thảo",
  "Trang",
  "Tú",
  "Xuân",
];
const ORGANISATIONS: Record<EventAudience, string[]> = {
  founders: ["Dự án Cà phê Thuận Châu", "Dự án Trà Shan tuyết Tà Xùa", "Dự án Nông sản sạch Yên Châu", ""],
  tourism_cooperatives: [
    "HTX Du lịch cộng đồng bản Áng",
    "HTX Chè Mộc Châu",
    "Homestay Tà Xùa",
    "HTX Dệt thổ cẩm Chiềng Yên",
  ],
  mentors: ["Trường Đại học Tây Bắc", "Hội Doanh nhân trẻ Sơn La", "Ngân hàng Nông nghiệp Sơn La"],
  public: ["", "Sở Văn hóa, Thể thao và Du lịch", "Trường Cao đẳng Sơn La"],
};

function guestName(i: number): string {
  return `${FAMILY[i % FAMILY.length]} ${MIDDLE[(i * 3) % MIDDLE.length]} ${GIVEN[(i * 7) % GIVEN.length]}`;
}

const token = () => randomBytes(32).toString("base64url");

export async function seedDemoEvents(trx: Kysely<Database>, centreId: number, now = new Date()): Promise<void> {
  const staff = await trx
    .selectFrom("app_user")
    .select(["id", "centre_id", "email", "name", "role", "locale"])
    .where("email", "=", "canbo@demo.sonla.vn")
    .executeTakeFirstOrThrow();
  const existing = new Set(
    (await trx.selectFrom("event").select("title_vi").where("centre_id", "=", centreId).execute()).map(
      (e) => e.title_vi,
    ),
  );
  const programmes = await trx
    .selectFrom("programme")
    .select(["id", "slug"])
    .where("centre_id", "=", centreId)
    .execute();
  const members = await trx
    .selectFrom("app_user")
    .select(["id", "email", "role"])
    .where("centre_id", "=", centreId)
    .execute();
  const zone = CENTRE_TIME_ZONE;
  const at = (date: string, time: string) => DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();

  let guestNumber = 0;
  for (const plan of PAST_EVENTS) {
    if (existing.has(plan.title_vi)) continue;
    const startsAt = at(plan.date, plan.start);
    const endsAt = at(plan.date, plan.end);
    const event = await trx
      .insertInto("event")
      .values({
        centre_id: centreId,
        kind: plan.kind,
        title_vi: plan.title_vi,
        title_en: plan.title_en,
        description_vi: plan.description_vi,
        description_en: plan.description_en,
        organiser: plan.organiser,
        starts_at: startsAt,
        ends_at: endsAt,
        resource_id: null,
        booking_id: null,
        venue_text: plan.venue,
        capacity: plan.capacity,
        audiences: plan.audiences,
        counts_as_training: plan.counts_as_training,
        programme_id: programmes.find((p) => p.slug === plan.programmeSlug)?.id ?? null,
        created_by: staff.id,
        created_at: DateTime.fromJSDate(startsAt).minus({ days: 30 }).toJSDate(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    // Registered over the weeks before, marked present on the day.
    const registeredAt = DateTime.fromJSDate(startsAt).minus({ days: 10 }).toJSDate();
    const rows = [];
    for (const group of plan.guests) {
      for (let i = 0; i < group.registered; i += 1) {
        guestNumber += 1;
        const organisations = ORGANISATIONS[group.audience];
        rows.push({
          event_id: event.id,
          user_id: null,
          guest_name: guestName(guestNumber),
          guest_organisation: organisations[guestNumber % organisations.length]!,
          guest_email: `khach${guestNumber}@example.vn`,
          guest_phone: `0912 ${String(100000 + guestNumber).slice(-6, -3)} ${String(guestNumber).padStart(3, "0")}`,
          audience: group.audience,
          status: "registered" as const,
          token: token(),
          attended_at: i < group.attended ? startsAt : null,
          attendance_marked_by: i < group.attended ? staff.id : null,
          created_at: registeredAt,
        });
      }
    }
    for (const email of plan.members) {
      const member = members.find((m) => m.email === email);
      if (!member) continue;
      rows.push({
        event_id: event.id,
        user_id: member.id,
        audience: (member.role === "mentor" ? "mentors" : "founders") as EventAudience,
        status: "registered" as const,
        token: token(),
        attended_at: startsAt,
        attendance_marked_by: staff.id,
        created_at: registeredAt,
      });
    }
    if (rows.length > 0) await trx.insertInto("event_registration").values(rows).execute();
  }

  await seedUpcomingTraining(trx, centreId, staff, existing, now);
}

const UPCOMING_TITLE_VI = "Tập huấn xây dựng mô hình kinh doanh cho nhóm khởi nghiệp";

/**
 * A training a few weeks ahead in the hall H-201, its booking made through the bookings core,
 * on the first weekday from three weeks on when the hall is free and the centre open.
 */
async function seedUpcomingTraining(
  trx: Kysely<Database>,
  centreId: number,
  staff: {
    id: string;
    centre_id: number;
    email: string;
    name: string;
    role: "staff" | "admin" | "founder" | "mentor";
    locale: "vi" | "en" | null;
  },
  existing: Set<string>,
  now: Date,
): Promise<void> {
  if (existing.has(UPCOMING_TITLE_VI)) return;
  const hall = await trx
    .selectFrom("resource")
    .select("id")
    .where("centre_id", "=", centreId)
    .where("code", "=", "H-201")
    .executeTakeFirst();
  if (!hall) return;
  let day = DateTime.fromJSDate(now, { zone: CENTRE_TIME_ZONE }).startOf("day").plus({ weeks: 3 });
  for (let attempt = 0; attempt < 20; attempt += 1, day = day.plus({ days: 1 })) {
    if (day.weekday > 5) continue;
    const period = { start: day.set({ hour: 8 }).toJSDate(), end: day.set({ hour: 11, minute: 30 }).toJSDate() };
    if ((await busyResourceIds(trx, [hall.id], period)).size > 0) continue;
    let bookingId: string;
    try {
      bookingId = await bookEventRoom(
        trx,
        staff,
        { resourceId: hall.id, period, capacity: 40, title: UPCOMING_TITLE_VI, zone: CENTRE_TIME_ZONE },
        now,
      );
    } catch (error) {
      // Refused before anything was written (a closure, a holiday): try the next day.
      if (error instanceof Refused) continue;
      throw error;
    }
    const event = await trx
      .insertInto("event")
      .values({
        centre_id: centreId,
        kind: "training",
        title_vi: UPCOMING_TITLE_VI,
        title_en: "Building a business model: training for startup teams",
        description_vi:
          "Buổi tập huấn thực hành về mô hình kinh doanh, khách hàng và dòng tiền cho các nhóm khởi nghiệp.",
        description_en: "A hands-on session on business models, customers and cash flow for startup teams.",
        organiser: "Trung tâm Đổi mới sáng tạo tỉnh Sơn La",
        starts_at: period.start,
        ends_at: period.end,
        resource_id: hall.id,
        booking_id: bookingId,
        capacity: 40,
        audiences: ["founders"],
        counts_as_training: true,
        created_by: staff.id,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const founder = await trx
      .selectFrom("app_user")
      .select("id")
      .where("email", "=", "sanglap2@demo.sonla.vn")
      .executeTakeFirst();
    if (founder)
      await trx
        .insertInto("event_registration")
        .values({ event_id: event.id, user_id: founder.id, audience: "founders", status: "registered", token: token() })
        .execute();
    return;
  }
}
