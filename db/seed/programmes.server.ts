import type { Kysely } from "kysely";
import type { ApplicationStatus, Database, VentureStage } from "../schema";
import { hashToken, newToken } from "~/features/auth/session.server";

// The centre's sectors, the Startup Talent Search competition (the 2nd edition of 2025,
// closed, and the 2026 edition, open until 31/12/2026) and the 2026 incubation cohort,
// with a few applications. Idempotent: existing rows are left as they are.

const SECTORS = [
  { code: "agriculture-food", name_vi: "Nông nghiệp & chế biến thực phẩm", name_en: "Agriculture and food processing" },
  { code: "tourism", name_vi: "Du lịch", name_en: "Tourism" },
  { code: "handicrafts", name_vi: "Thủ công mỹ nghệ", name_en: "Handicrafts" },
  { code: "technology", name_vi: "Công nghệ", name_en: "Technology" },
  { code: "other", name_vi: "Khác", name_en: "Other" },
] as const;

const RULES_VI = `Đối tượng: cá nhân, nhóm từ 18 tuổi (tối đa 5 thành viên), doanh nghiệp khởi nghiệp thành lập không quá 5 năm, có dự án triển khai trên địa bàn tỉnh Sơn La.
Ưu tiên các dự án khai thác thế mạnh của tỉnh, tạo nhiều việc làm và có tiềm năng phát triển nhanh.
Hồ sơ gồm: thông tin nhóm, ý tưởng, vấn đề giải quyết, lĩnh vực, địa bàn, giai đoạn phát triển, số việc làm dự kiến; có thể kèm tài liệu giới thiệu (PDF).
Vòng sơ khảo chấm hồ sơ; các đội vào chung kết thuyết trình trước Ban giám khảo. Các đội đạt giải được xem xét ươm tạo tại Trung tâm.`;

const RULES_EN = `Who may apply: individuals and teams aged 18 or over (up to 5 members), and startups founded no more than 5 years ago, with a project carried out in Sơn La province.
Projects that use the province's strengths, create many jobs and can grow fast are preferred.
An application gives the team, the idea, the problem it solves, the sector, the place, the stage and the jobs expected; a pitch document (PDF) may be attached.
A first round scores the applications; finalists pitch to the jury. Winning teams are considered for incubation at the Centre.`;

interface DemoApplication {
  teamName: string;
  idea: string;
  problem: string;
  sector: (typeof SECTORS)[number]["code"];
  place: string;
  stage: VentureStage;
  jobs: number;
  founder: { name: string; email: string; phone: string };
  history: ApplicationStatus[];
  submittedAt: string;
  linkTeam?: boolean;
}

export async function seedDemoProgrammes(trx: Kysely<Database>, centreId: number, demoTeamId: string): Promise<void> {
  await trx
    .insertInto("sector")
    .values(SECTORS.map((s, i) => ({ centre_id: centreId, ...s, sort_order: (i + 1) * 10 })))
    .onConflict((oc) => oc.columns(["centre_id", "code"]).doNothing())
    .execute();
  const sectors = await trx.selectFrom("sector").select(["id", "code"]).where("centre_id", "=", centreId).execute();
  const sectorId = (code: string) => sectors.find((s) => s.code === code)!.id;

  await trx
    .insertInto("programme")
    .values([
      {
        centre_id: centreId,
        kind: "competition",
        slug: "tim-kiem-tai-nang-2025",
        name_vi: "Cuộc thi Tìm kiếm tài năng khởi nghiệp sáng tạo tỉnh Sơn La lần thứ hai (2025)",
        name_en: "Sơn La Innovative Startup Talent Search, 2nd edition (2025)",
        starts_on: "2025-07-01",
        ends_on: "2025-09-30",
        applications_open_at: new Date("2025-07-01T08:00:00+07:00"),
        applications_close_at: new Date("2025-08-31T17:00:00+07:00"),
        rules_vi: RULES_VI,
        rules_en: RULES_EN,
      },
      {
        centre_id: centreId,
        kind: "competition",
        slug: "tim-kiem-tai-nang-2026",
        name_vi: "Cuộc thi Tìm kiếm tài năng khởi nghiệp sáng tạo tỉnh Sơn La năm 2026",
        name_en: "Sơn La Innovative Startup Talent Search 2026",
        starts_on: "2026-11-01",
        ends_on: "2027-03-31",
        applications_open_at: new Date("2026-11-01T08:00:00+07:00"),
        applications_close_at: new Date("2026-12-31T17:00:00+07:00"),
        rules_vi: RULES_VI,
        rules_en: RULES_EN,
      },
      {
        centre_id: centreId,
        kind: "cohort",
        slug: "uom-tao-2026",
        name_vi: "Khóa ươm tạo năm 2026",
        name_en: "2026 incubation cohort",
        starts_on: "2026-03-01",
        ends_on: "2027-02-28",
        rules_vi: "Các nhóm đạt giải cuộc thi năm 2025 được ươm tạo 12 tháng tại Trung tâm.",
        rules_en: "The winning teams of the 2025 competition are incubated at the Centre for 12 months.",
      },
    ])
    .onConflict((oc) => oc.columns(["centre_id", "slug"]).doNothing())
    .execute();
  const programmes = await trx
    .selectFrom("programme")
    .select(["id", "slug"])
    .where("centre_id", "=", centreId)
    .execute();
  const programmeId = (slug: string) => programmes.find((p) => p.slug === slug)!.id;

  // The demo team came out of the 2025 competition into the 2026 cohort.
  await trx
    .updateTable("team")
    .set({ programme_id: programmeId("uom-tao-2026") })
    .where("id", "=", demoTeamId)
    .where("programme_id", "is", null)
    .execute();

  const applications: Record<string, DemoApplication[]> = {
    "tim-kiem-tai-nang-2025": [
      {
        teamName: "Mận Hậu Mộc Châu Xanh",
        idea: "Sấy dẻo và đóng gói mận hậu Mộc Châu, bao tiêu quả cho hộ trồng mận.",
        problem: "Vào chính vụ, mận tươi bán rẻ và hỏng nhanh; nông dân chịu thiệt.",
        sector: "agriculture-food",
        place: "Mộc Châu",
        stage: "prototype",
        jobs: 8,
        founder: { name: "Quàng Thị Mai", email: "sanglap@demo.sonla.vn", phone: "0987 654 321" },
        history: ["submitted", "under_review", "shortlisted", "finalist", "winner", "incubated"],
        submittedAt: "2025-08-10T09:30:00+07:00",
        linkTeam: true,
      },
      {
        teamName: "Thổ cẩm Mường La",
        idea: "Túi, ví và khăn từ thổ cẩm dệt tay của phụ nữ dân tộc Thái, bán trực tuyến.",
        problem: "Hàng thổ cẩm khó tìm đầu ra ngoài chợ phiên địa phương.",
        sector: "handicrafts",
        place: "Mường La",
        stage: "idea",
        jobs: 15,
        founder: { name: "Lò Thị Xuân", email: "thocam.muongla@example.vn", phone: "0915 220 331" },
        history: ["submitted", "under_review", "shortlisted", "not_selected"],
        submittedAt: "2025-08-20T14:05:00+07:00",
      },
    ],
    "tim-kiem-tai-nang-2026": [
      {
        teamName: "Homestay Tà Xùa",
        idea: "Nền tảng đặt phòng homestay và tour săn mây do người Mông ở Tà Xùa tự vận hành.",
        problem: "Khách khó đặt phòng trực tiếp; các hộ phụ thuộc môi giới và mất phần lớn doanh thu.",
        sector: "tourism",
        place: "Bắc Yên",
        stage: "early_revenue",
        jobs: 10,
        founder: { name: "Mùa A Chứ", email: "homestay.taxua@example.vn", phone: "0936 118 204" },
        history: ["submitted"],
        submittedAt: "2026-11-12T20:15:00+07:00",
      },
      {
        teamName: "Cà phê Arabica Thuận Châu",
        idea: "Rang xay và truy xuất nguồn gốc cà phê Arabica trồng dưới tán rừng bằng mã QR.",
        problem: "Cà phê nhân bán thô với giá thấp, người mua không biết nguồn gốc.",
        sector: "agriculture-food",
        place: "Thuận Châu",
        stage: "prototype",
        jobs: 6,
        founder: { name: "Cà Văn Hùng", email: "caphe.thuanchau@example.vn", phone: "0968 402 775" },
        history: ["submitted", "under_review"],
        submittedAt: "2026-11-05T10:00:00+07:00",
      },
    ],
  };

  // The demo's staff member made the stage moves.
  const mover = await trx
    .selectFrom("app_user")
    .select("id")
    .where("email", "=", "canbo@demo.sonla.vn")
    .executeTakeFirst();
  for (const [slug, list] of Object.entries(applications)) {
    for (const a of list) {
      const inserted = await trx
        .insertInto("application")
        .values({
          centre_id: centreId,
          programme_id: programmeId(slug),
          team_name: a.teamName,
          idea: a.idea,
          problem: a.problem,
          sector_id: sectorId(a.sector),
          place: a.place,
          stage: a.stage,
          jobs_expected: a.jobs,
          contact_email: a.founder.email,
          status: a.history[a.history.length - 1]!,
          // Nobody holds this link: demo applicants follow nothing by email.
          edit_token_hash: hashToken(newToken()),
          team_id: a.linkTeam ? demoTeamId : null,
          submitted_at: new Date(a.submittedAt),
          updated_at: new Date(a.submittedAt),
        })
        .onConflict((oc) => oc.columns(["programme_id", "contact_email"]).doNothing())
        .returning("id")
        .executeTakeFirst();
      if (!inserted) continue;
      await trx
        .insertInto("application_founder")
        .values({ application_id: inserted.id, position: 0, ...a.founder })
        .execute();
      const start = new Date(a.submittedAt).getTime();
      await trx
        .insertInto("application_event")
        .values(
          a.history.map((status, i) => ({
            application_id: inserted.id,
            from_status: i === 0 ? null : a.history[i - 1]!,
            to_status: status,
            by_user_id: i === 0 ? null : (mover?.id ?? null),
            // A week between moves, so the history reads in order.
            at: new Date(start + i * 7 * 86_400_000),
          })),
        )
        .execute();
    }
  }
}
