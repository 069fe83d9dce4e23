import type { Kysely } from "kysely";
import type { Database } from "../schema";

// The targets of Sơn La's 2025 plan (Decision 886/QĐ-UBND of 19 April 2025, sections II.2 and
// III), as data staff can change: the app measures each from its own records.
const PLAN_2025: ReadonlyArray<{
  key: string;
  label_vi: string;
  label_en: string;
  measure: string;
  event_kind?: string;
  event_audience?: string;
  target: number;
}> = [
  {
    key: "coworking_in_operation",
    label_vi: "Thành lập 01 khu làm việc chung tại Trung tâm Đổi mới sáng tạo (mục II.2.a, III.3)",
    label_en: "Set up 1 coworking space in the Innovation Centre (II.2.a, III.3)",
    measure: "coworking_in_operation",
    target: 1,
  },
  {
    key: "founders_trained",
    label_vi: "Đào tạo, tập huấn kiến thức khởi nghiệp cho ít nhất 20 nhà sáng lập (mục II.2.b)",
    label_en: "Train at least 20 founders of startup projects (II.2.b)",
    measure: "founders_trained",
    target: 20,
  },
  {
    key: "tourism_course_held",
    label_vi: "01 khóa đào tạo cho doanh nghiệp, hợp tác xã kinh doanh dịch vụ du lịch (mục III.4)",
    label_en: "1 training course for tourism businesses and cooperatives (III.4)",
    measure: "event_held",
    event_kind: "training",
    event_audience: "tourism_cooperatives",
    target: 1,
  },
  {
    key: "mentor_conference_held",
    label_vi: "01 hội nghị tập huấn nâng cao năng lực cho mạng lưới cố vấn khởi nghiệp (mục III.4)",
    label_en: "1 training conference for the province's mentor network (III.4)",
    measure: "event_held",
    event_kind: "conference",
    event_audience: "mentors",
    target: 1,
  },
  {
    key: "competition_held",
    label_vi: "Tổ chức Cuộc thi “Tìm kiếm tài năng khởi nghiệp sáng tạo tỉnh Sơn La lần thứ hai” (mục III.2)",
    label_en: "Hold the 2nd Sơn La Startup Talent Search competition (III.2)",
    measure: "competition_held",
    target: 1,
  },
  {
    key: "summary_conference_held",
    label_vi: "Tổ chức Hội nghị tổng kết Kế hoạch giai đoạn 2017–2025 (mục II.2.c, III.1)",
    label_en: "Hold the summary conference of the 2017–2025 plan (II.2.c, III.1)",
    measure: "event_held",
    event_kind: "conference",
    // The summary conference is the one open to the public; the mentor conference is not.
    event_audience: "public",
    target: 1,
  },
];

/** The 2025 plan's targets for the centre; existing targets (by key) are left as staff set them. */
export async function seedDemoTargets(db: Kysely<Database>, centreId: number): Promise<void> {
  await db
    .insertInto("plan_target")
    .values(
      PLAN_2025.map((t, i) => ({
        centre_id: centreId,
        year: 2025,
        key: t.key,
        label_vi: t.label_vi,
        label_en: t.label_en,
        measure: t.measure,
        event_kind: t.event_kind ?? null,
        event_audience: t.event_audience ?? null,
        target: t.target,
        position: i + 1,
      })),
    )
    .onConflict((oc) => oc.columns(["centre_id", "year", "key"]).doNothing())
    .execute();
}
