import { sql, type Kysely } from "kysely";
import { DateTime } from "luxon";
import { CENTRE_TIME_ZONE } from "~/i18n/format";
import type { Database } from "../schema";

// The centre's curated expertise list, in the order it is shown.
const DEMO_TAGS: ReadonlyArray<{ code: string; name_vi: string; name_en: string }> = [
  { code: "nong-nghiep-cong-nghe-cao", name_vi: "Nông nghiệp công nghệ cao", name_en: "High-tech agriculture" },
  { code: "che-bien-thuc-pham", name_vi: "Chế biến thực phẩm", name_en: "Food processing" },
  { code: "du-lich-cong-dong", name_vi: "Du lịch cộng đồng", name_en: "Community-based tourism" },
  { code: "marketing-so", name_vi: "Marketing số", name_en: "Digital marketing" },
  { code: "tai-chinh-goi-von", name_vi: "Tài chính & gọi vốn", name_en: "Finance & fundraising" },
  { code: "phap-ly-doanh-nghiep", name_vi: "Pháp lý doanh nghiệp", name_en: "Business law" },
  { code: "thuong-mai-dien-tu", name_vi: "Thương mại điện tử", name_en: "E-commerce" },
  { code: "cong-nghe-thong-tin", name_vi: "Công nghệ thông tin", name_en: "Information technology" },
];

/**
 * Expertise tags, the demo mentor's profile (expertise, office hours Tuesday and Thursday
 * 08:00–11:00 and 14:00–17:00) and an active assignment to the demo team. Idempotent: rows are
 * written only when missing, so a re-run changes nothing staff or the mentor have edited.
 */
export async function seedDemoMentors(trx: Kysely<Database>, centreId: number, now = new Date()): Promise<void> {
  await trx
    .insertInto("expertise_tag")
    .values(DEMO_TAGS.map((tag, i) => ({ centre_id: centreId, ...tag, sort_order: (i + 1) * 10 })))
    .onConflict((oc) => oc.columns(["centre_id", "code"]).doNothing())
    .execute();

  const mentor = await trx
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "covan@demo.sonla.vn")
    .executeTakeFirst();
  if (!mentor) return;
  const created = await trx
    .insertInto("mentor_profile")
    .values({
      user_id: mentor.id,
      organisation: "Trường Đại học Tây Bắc",
      title: "Giảng viên Khoa Kinh tế",
      bio: "Hơn 15 năm tư vấn cho hợp tác xã nông sản Sơn La về chế biến, tiêu chuẩn OCOP và gọi vốn.",
      languages: ["vi", "en"],
      meeting_mode: "both",
    })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .returning("user_id")
    .executeTakeFirst();
  if (created) {
    const tags = await trx
      .selectFrom("expertise_tag")
      .select("id")
      .where("centre_id", "=", centreId)
      .where("code", "in", ["nong-nghiep-cong-nghe-cao", "che-bien-thuc-pham", "tai-chinh-goi-von"])
      .execute();
    await trx
      .insertInto("mentor_expertise")
      .values(tags.map((t) => ({ user_id: mentor.id, tag_id: t.id })))
      .onConflict((oc) => oc.columns(["user_id", "tag_id"]).doNothing())
      .execute();
  }
  const hasHours = await trx
    .selectFrom("office_hours")
    .select("id")
    .where("mentor_id", "=", mentor.id)
    .executeTakeFirst();
  if (!hasHours) {
    await trx
      .insertInto("office_hours")
      .values(
        [2, 4].flatMap((weekday) => [
          { mentor_id: mentor.id, weekday, starts_at: "08:00", ends_at: "11:00" },
          { mentor_id: mentor.id, weekday, starts_at: "14:00", ends_at: "17:00" },
        ]),
      )
      .execute();
  }

  const team = await trx
    .selectFrom("team")
    .select("id")
    .where("centre_id", "=", centreId)
    .where(sql`lower(name)`, "=", "mận hậu mộc châu xanh")
    .executeTakeFirst();
  if (!team) return;
  const assigned = await trx
    .selectFrom("mentor_assignment")
    .select("id")
    .where("mentor_id", "=", mentor.id)
    .where("team_id", "=", team.id)
    .executeTakeFirst();
  if (assigned) return;
  // From a month before the seed runs to five months after: the demo sessions fall inside.
  const today = DateTime.fromJSDate(now, { zone: CENTRE_TIME_ZONE }).startOf("day");
  await trx
    .insertInto("mentor_assignment")
    .values({
      centre_id: centreId,
      mentor_id: mentor.id,
      team_id: team.id,
      starts_on: today.minus({ months: 1 }).toISODate() ?? "",
      ends_on: today.plus({ months: 5 }).toISODate() ?? "",
      focus: "Chuẩn hóa quy trình sấy mận đạt OCOP 3 sao và chuẩn bị hồ sơ gọi vốn",
      planned_hours: 24,
    })
    .execute();
}
