import { randomUUID } from "node:crypto";
import type { ApplicationStatus } from "#db/schema";
import { hashToken, newToken } from "~/features/auth/session.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { db } from "~/utils/database.server";

// Incubation rows written straight into the test database, so judging (and other) tests do
// not depend on the pages that create them. Every name is unique: files share one database.

const unique = () => randomUUID().slice(0, 8);

/** A sector of the current centre (one per call, unless a code is given and exists). */
export async function createSector(code = `s-${unique()}`) {
  const centre = await requireCurrentCentre();
  await db()
    .insertInto("sector")
    .values({ centre_id: centre.id, code, name_vi: `Lĩnh vực ${code}`, name_en: `Sector ${code}` })
    .onConflict((oc) => oc.columns(["centre_id", "code"]).doNothing())
    .execute();
  return db()
    .selectFrom("sector")
    .selectAll()
    .where("centre_id", "=", centre.id)
    .where("code", "=", code)
    .executeTakeFirstOrThrow();
}

/** A competition of the current centre. */
export async function createProgramme(overrides: { nameVi?: string; nameEn?: string } = {}) {
  const centre = await requireCurrentCentre();
  const slug = `thi-${unique()}`;
  return db()
    .insertInto("programme")
    .values({
      centre_id: centre.id,
      kind: "competition",
      slug,
      name_vi: overrides.nameVi ?? `Cuộc thi ${slug}`,
      name_en: overrides.nameEn ?? `Competition ${slug}`,
      starts_on: "2026-09-01",
      ends_on: "2026-12-31",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** An application to a programme with one founder (whose contact details only staff may read). */
export async function createApplication(
  programmeId: string,
  overrides: { teamName?: string; status?: ApplicationStatus; sectorId?: number; email?: string; phone?: string } = {},
) {
  const centre = await requireCurrentCentre();
  const sectorId = overrides.sectorId ?? (await createSector("test-agri")).id;
  const email = overrides.email ?? `ung-vien-${unique()}@test.example`;
  const application = await db()
    .insertInto("application")
    .values({
      centre_id: centre.id,
      programme_id: programmeId,
      team_name: overrides.teamName ?? `Nhóm ${unique()}`,
      idea: "Sấy mận hậu Mộc Châu bằng năng lượng mặt trời",
      problem: "Nông dân bán mận tươi giá thấp vào chính vụ",
      sector_id: sectorId,
      place: "Mộc Châu",
      stage: "prototype",
      jobs_expected: 12,
      links: ["https://example.org/man-say"],
      contact_email: email,
      status: overrides.status ?? "shortlisted",
      edit_token_hash: hashToken(newToken()),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db()
    .insertInto("application_founder")
    .values({
      application_id: application.id,
      position: 0,
      name: "Lò Thị Sáng Lập",
      email,
      phone: overrides.phone ?? "0912 000 111",
    })
    .execute();
  return application;
}

/** A judging round of a programme whose scoring closes at the given instant (default: in a week). */
export async function createRound(
  programmeId: string,
  options: {
    closesAt?: Date;
    criteria?: Array<{ nameVi: string; nameEn?: string; weight: number; min?: number; max?: number }>;
  } = {},
) {
  const round = await db()
    .insertInto("judging_round")
    .values({
      programme_id: programmeId,
      name_vi: `Vòng sơ khảo ${unique()}`,
      name_en: `First round ${unique()}`,
      scoring_closes_at: options.closesAt ?? new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const criteria = [];
  for (const [index, c] of (options.criteria ?? []).entries()) {
    criteria.push(
      await db()
        .insertInto("rubric_criterion")
        .values({
          round_id: round.id,
          name_vi: c.nameVi,
          name_en: c.nameEn ?? c.nameVi,
          weight: c.weight,
          min_score: c.min ?? 0,
          max_score: c.max ?? 10,
          sort_order: index,
        })
        .returningAll()
        .executeTakeFirstOrThrow(),
    );
  }
  return { round, criteria };
}

/** Assigns judges to applications of a round directly. */
export async function assign(roundId: string, judgeId: string, applicationIds: string[]) {
  await db()
    .insertInto("judge_assignment")
    .values(applicationIds.map((id) => ({ round_id: roundId, judge_id: judgeId, application_id: id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}
