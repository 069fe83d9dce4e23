import type { Kysely } from "kysely";
import type { Database } from "../schema";

// Judging of the demo competitions: the 2025 edition's first round, scored by the demo mentor
// and the demo staff member, and the 2026 edition's first round, open, with the demo mentor
// assigned and nothing scored yet. Idempotent: a round found by its name is left as it is.

const RUBRIC = [
  { name_vi: "Tính mới và sáng tạo", name_en: "Novelty and creativity", weight: 3 },
  { name_vi: "Tiềm năng thị trường", name_en: "Market potential", weight: 3 },
  { name_vi: "Năng lực đội ngũ", name_en: "Team capability", weight: 2 },
  { name_vi: "Tác động xã hội và việc làm", name_en: "Social impact and jobs", weight: 2 },
];

interface DemoRound {
  programmeSlug: string;
  name_vi: string;
  name_en: string;
  closesAt: string;
  /** Judge email → applicant email → scores in rubric order (none: assigned, not scored). */
  sheets: Record<string, Record<string, { scores?: number[]; comment?: string }>>;
}

const ROUNDS: DemoRound[] = [
  {
    programmeSlug: "tim-kiem-tai-nang-2025",
    name_vi: "Vòng sơ khảo",
    name_en: "First round",
    closesAt: "2025-09-05T17:00:00+07:00",
    sheets: {
      "covan@demo.sonla.vn": {
        "sanglap@demo.sonla.vn": { scores: [8, 9, 7, 8], comment: "Sản phẩm rõ ràng, đầu ra ổn định nhờ bao tiêu." },
        "thocam.muongla@example.vn": {
          scores: [7, 5, 6, 9],
          comment: "Tác động xã hội tốt, cần kênh bán hàng cụ thể hơn.",
        },
      },
      "canbo@demo.sonla.vn": {
        "sanglap@demo.sonla.vn": { scores: [7, 8, 8, 7], comment: "Nhóm có kinh nghiệm trồng và chế biến." },
        "thocam.muongla@example.vn": { scores: [6, 5, 5, 8], comment: "Ý tưởng còn sớm." },
      },
    },
  },
  {
    programmeSlug: "tim-kiem-tai-nang-2026",
    name_vi: "Vòng sơ khảo",
    name_en: "First round",
    closesAt: "2027-01-15T17:00:00+07:00",
    sheets: {
      "covan@demo.sonla.vn": { "homestay.taxua@example.vn": {}, "caphe.thuanchau@example.vn": {} },
    },
  },
];

export async function seedDemoJudging(trx: Kysely<Database>, centreId: number): Promise<void> {
  for (const demo of ROUNDS) {
    const programme = await trx
      .selectFrom("programme")
      .select("id")
      .where("centre_id", "=", centreId)
      .where("slug", "=", demo.programmeSlug)
      .executeTakeFirst();
    if (!programme) continue;
    const existing = await trx
      .selectFrom("judging_round")
      .select("id")
      .where("programme_id", "=", programme.id)
      .where("name_vi", "=", demo.name_vi)
      .executeTakeFirst();
    if (existing) continue;

    const round = await trx
      .insertInto("judging_round")
      .values({
        programme_id: programme.id,
        name_vi: demo.name_vi,
        name_en: demo.name_en,
        sort_order: 1,
        scoring_closes_at: new Date(demo.closesAt),
      })
      .returning(["id", "scoring_closes_at"])
      .executeTakeFirstOrThrow();
    const criteria = await trx
      .insertInto("rubric_criterion")
      .values(RUBRIC.map((c, i) => ({ ...c, round_id: round.id, min_score: 0, max_score: 10, sort_order: i + 1 })))
      .returning("id")
      .execute();

    for (const [judgeEmail, sheets] of Object.entries(demo.sheets)) {
      const judge = await trx.selectFrom("app_user").select("id").where("email", "=", judgeEmail).executeTakeFirst();
      if (!judge) continue;
      for (const [applicantEmail, sheet] of Object.entries(sheets)) {
        const application = await trx
          .selectFrom("application")
          .select("id")
          .where("programme_id", "=", programme.id)
          .where("contact_email", "=", applicantEmail)
          .executeTakeFirst();
        if (!application) continue;
        const key = { round_id: round.id, judge_id: judge.id, application_id: application.id };
        await trx
          .insertInto("judge_assignment")
          .values({
            ...key,
            comment: sheet.comment ?? "",
            // Scored an hour before the round closed.
            scored_at: sheet.scores ? new Date(round.scoring_closes_at.getTime() - 3_600_000) : null,
          })
          .execute();
        if (sheet.scores) {
          await trx
            .insertInto("judge_score")
            .values(criteria.map((c, i) => ({ ...key, criterion_id: c.id, score: sheet.scores![i]! })))
            .execute();
        }
      }
    }
  }
}
