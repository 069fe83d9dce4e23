import type { Kysely } from "kysely";
import { DateTime } from "luxon";
import { roomIsFree } from "~/features/sessions/queries.server";
import { CENTRE_TIME_ZONE } from "~/i18n/format";
import { translate } from "~/i18n/translate";
import type { Database } from "../schema";

/**
 * Three sessions of the demo mentor's assignment to the demo team, relative to the day the
 * seed runs: one last week recorded done with notes, one confirmed next week in meeting room
 * P-201 (with its room booking), and one the team proposed for later next week, online.
 * Idempotent and gentle: written only while the assignment has no session, and skipped
 * when there is no such assignment (the mentors seed makes it).
 */
export async function seedDemoSessions(trx: Kysely<Database>, centreId: number, now = new Date()): Promise<void> {
  const assignment = await trx
    .selectFrom("mentor_assignment as a")
    .innerJoin("app_user as m", "m.id", "a.mentor_id")
    .innerJoin("team as t", "t.id", "a.team_id")
    .select(["a.id", "a.mentor_id", "a.team_id"])
    .where("a.centre_id", "=", centreId)
    .where("a.status", "=", "active")
    .where("m.email", "=", "covan@demo.sonla.vn")
    .where("t.name", "=", "Mận Hậu Mộc Châu Xanh")
    .executeTakeFirst();
  if (!assignment) return;
  const existing = await trx
    .selectFrom("mentoring_session")
    .select("id")
    .where("assignment_id", "=", assignment.id)
    .executeTakeFirst();
  if (existing) return;
  const founder = await trx
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "sanglap@demo.sonla.vn")
    .executeTakeFirstOrThrow();
  const room = await trx
    .selectFrom("resource")
    .select("id")
    .where("centre_id", "=", centreId)
    .where("code", "=", "P-201")
    .executeTakeFirst();

  const today = DateTime.fromJSDate(now, { zone: CENTRE_TIME_ZONE }).startOf("day");
  const thisMonday = today.startOf("week");
  const at = (day: DateTime, hour: number, minutes = 0) => day.set({ hour, minute: minutes }).toJSDate();
  const base = {
    centre_id: centreId,
    assignment_id: assignment.id,
    mentor_id: assignment.mentor_id,
    team_id: assignment.team_id,
  };

  const lastWeek = thisMonday.minus({ weeks: 1 }).plus({ days: 2 });
  await trx
    .insertInto("mentoring_session")
    .values({
      ...base,
      starts_at: at(lastWeek, 9),
      ends_at: at(lastWeek, 10, 30),
      mode: "online",
      online_url: "https://meet.example.vn/man-hau-moc-chau",
      topic: "Định giá sản phẩm mận sấy dẻo cho kênh thương mại điện tử",
      status: "done",
      proposed_by: assignment.mentor_id,
      proposed_side: "mentor",
      answered_by: founder.id,
      answered_at: at(lastWeek.minus({ days: 3 }), 8),
      notes:
        "Nhóm đang định giá theo giá bán lẻ ở chợ Mộc Châu, chưa tính phí sàn (khoảng 15–20%) và chi phí vận chuyển. Bao bì 250 g bán chạy hơn loại 500 g.",
      action_items:
        "Lập bảng giá vốn cho từng loại bao bì\nThử giá 79.000 ₫ cho gói 250 g trên một sàn trong 2 tuần\nGửi số liệu bán hàng trước buổi gặp sau",
      recorded_at: at(lastWeek, 11),
    })
    .execute();

  // Next Tuesday 10:00–11:00, in P-201 when it is free then (else online), with its booking.
  const nextTuesday = thisMonday.plus({ weeks: 1, days: 1 });
  const [start, end] = [at(nextTuesday, 10), at(nextTuesday, 11)];
  const roomTaken = !room || !(await roomIsFree(trx, room.id, { start, end }));
  const topic = "Chuẩn bị hồ sơ gọi vốn vòng hạt giống";
  const booking =
    room && !roomTaken
      ? await trx
          .insertInto("booking")
          .values({
            centre_id: centreId,
            resource_id: room.id,
            user_id: founder.id,
            team_id: assignment.team_id,
            booked_by: assignment.mentor_id,
            status: "confirmed",
            starts_at: start,
            ends_at: end,
            attendees: 3,
            title: translate("vi", "sessions.bookingTitle", { topic }),
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      : null;
  await trx
    .insertInto("mentoring_session")
    .values({
      ...base,
      starts_at: start,
      ends_at: end,
      mode: booking ? "centre" : "online",
      resource_id: booking ? room!.id : null,
      booking_id: booking?.id ?? null,
      online_url: booking ? null : "https://meet.example.vn/man-hau-moc-chau",
      topic,
      status: "confirmed",
      proposed_by: founder.id,
      proposed_side: "team",
      answered_by: assignment.mentor_id,
      answered_at: now,
    })
    .execute();

  const nextThursday = thisMonday.plus({ weeks: 1, days: 3 });
  await trx
    .insertInto("mentoring_session")
    .values({
      ...base,
      starts_at: at(nextThursday, 14),
      ends_at: at(nextThursday, 15),
      mode: "online",
      online_url: "https://meet.example.vn/man-hau-moc-chau",
      topic: "Kế hoạch mở rộng vùng nguyên liệu ở Vân Hồ",
      status: "proposed",
      proposed_by: founder.id,
      proposed_side: "team",
    })
    .execute();
}
