import type { Kysely } from "kysely";
import type { Database } from "../schema";

/**
 * The demo team's profile, milestones and directory card. Idempotent and gentle: the
 * profile is written only while it is still blank, milestones only while the team has none,
 * so running the seed again never undoes what someone changed in the app.
 */
export async function seedDemoTeamProfile(trx: Kysely<Database>, centreId: number, teamId: string): Promise<void> {
  // The agriculture sector when the centre's list has one (seeded with the programmes).
  const sector = await trx
    .selectFrom("sector")
    .select("id")
    .where("centre_id", "=", centreId)
    .where("name_vi", "ilike", "Nông nghiệp%")
    .orderBy("sort_order")
    .executeTakeFirst();
  await trx
    .updateTable("team")
    .set({
      description:
        "Sấy dẻo và đóng gói mận hậu Mộc Châu, bao tiêu quả cho các hộ trồng mận ở Nà Ka và Vân Hồ; bán qua sàn thương mại điện tử và cửa hàng đặc sản.",
      sector_id: sector?.id ?? null,
      place: "Mộc Châu",
      stage: "early_revenue",
      website: "https://manhaumocchau.example.vn",
      social_links: ["https://facebook.com/manhaumocchauxanh"],
      jobs_created: 6,
      revenue_band: "under_100m",
      directory_listed: true,
      directory_fields: [
        "description",
        "sector",
        "place",
        "stage",
        "website",
        "social_links",
        "jobs_created",
        "founders",
      ],
    })
    .where("id", "=", teamId)
    .where("description", "=", "")
    .execute();

  const existing = await trx.selectFrom("milestone").select("id").where("team_id", "=", teamId).executeTakeFirst();
  if (existing) return;
  await trx
    .insertInto("milestone")
    .values([
      {
        team_id: teamId,
        title: "Công bố tiêu chuẩn chất lượng sản phẩm mận sấy dẻo",
        due_on: "2026-05-31",
        status: "done",
        done_on: "2026-05-20",
        evidence: "Đã nộp hồ sơ công bố tại Sở Y tế.",
        created_by: null,
      },
      {
        team_id: teamId,
        title: "Đạt chứng nhận OCOP 3 sao",
        due_on: "2026-09-30",
        status: "in_progress",
        evidence: "",
        created_by: null,
      },
      {
        team_id: teamId,
        title: "Mở gian hàng trên sàn thương mại điện tử",
        due_on: "2026-12-15",
        status: "planned",
        evidence: "",
        created_by: null,
      },
    ])
    .execute();
}
