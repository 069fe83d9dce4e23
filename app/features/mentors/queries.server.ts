import { sql, type Kysely } from "kysely";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { Database, MeetingMode } from "#db/schema";

// ——— Expertise tags ———

/** The centre's tags in their order; only active ones unless `all`. */
export async function listTags(db: Kysely<Database>, centreId: number, options: { all?: boolean } = {}) {
  let query = db
    .selectFrom("expertise_tag")
    .select(["id", "code", "name_vi", "name_en", "is_active", "sort_order"])
    .where("centre_id", "=", centreId);
  if (!options.all) query = query.where("is_active", "=", true);
  return query.orderBy("sort_order").orderBy("name_vi").execute();
}

export async function findTag(db: Kysely<Database>, centreId: number, tagId: number) {
  return db
    .selectFrom("expertise_tag")
    .selectAll()
    .where("centre_id", "=", centreId)
    .where("id", "=", tagId)
    .executeTakeFirst();
}

export async function insertTag(
  db: Kysely<Database>,
  centreId: number,
  tag: { code: string; nameVi: string; nameEn: string },
) {
  const last = await db
    .selectFrom("expertise_tag")
    .select((eb) => eb.fn.max("sort_order").as("max"))
    .where("centre_id", "=", centreId)
    .executeTakeFirst();
  return db
    .insertInto("expertise_tag")
    .values({
      centre_id: centreId,
      code: tag.code,
      name_vi: tag.nameVi,
      name_en: tag.nameEn,
      sort_order: Number(last?.max ?? 0) + 10,
    })
    .onConflict((oc) => oc.columns(["centre_id", "code"]).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function updateTag(
  db: Kysely<Database>,
  centreId: number,
  tagId: number,
  values: { name_vi?: string; name_en?: string; is_active?: boolean },
) {
  return db
    .updateTable("expertise_tag")
    .set(values)
    .where("centre_id", "=", centreId)
    .where("id", "=", tagId)
    .returningAll()
    .executeTakeFirst();
}

/** Whether another tag of the centre already has this name (either language), ignoring case. */
export async function tagNameTaken(db: Kysely<Database>, centreId: number, name: string, exceptId?: number) {
  let query = db
    .selectFrom("expertise_tag")
    .select("id")
    .where("centre_id", "=", centreId)
    .where((eb) =>
      eb.or([eb(sql`lower(name_vi)`, "=", name.toLowerCase()), eb(sql`lower(name_en)`, "=", name.toLowerCase())]),
    );
  if (exceptId !== undefined) query = query.where("id", "!=", exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

// ——— Mentor profiles ———

/** Every mentor has a profile row: created empty the first time one is needed. */
export async function ensureMentorProfile(db: Kysely<Database>, userId: string) {
  await db
    .insertInto("mentor_profile")
    .values({ user_id: userId })
    .onConflict((oc) => oc.column("user_id").doNothing())
    .execute();
}

/** A mentor account of the centre (active or not), or undefined. */
export async function findMentorUser(db: Kysely<Database>, centreId: number, userId: string) {
  return db
    .selectFrom("app_user")
    .select(["id", "name", "email", "phone", "locale", "is_active", "centre_id"])
    .where("centre_id", "=", centreId)
    .where("id", "=", userId)
    .where("role", "=", "mentor")
    .executeTakeFirst();
}

/** A mentor's whole profile: account, profile, expertise, office hours and days away. */
export async function readMentorProfile(db: Kysely<Database>, centreId: number, userId: string) {
  const user = await findMentorUser(db, centreId, userId);
  if (!user) return null;
  const [row, tags, hours, away] = await Promise.all([
    db
      .selectFrom("mentor_profile")
      .select(["organisation", "title", "bio", "languages", "meeting_mode"])
      .where("user_id", "=", userId)
      .executeTakeFirst(),
    db
      .selectFrom("mentor_expertise")
      .innerJoin("expertise_tag", "expertise_tag.id", "mentor_expertise.tag_id")
      .select(["expertise_tag.id", "expertise_tag.name_vi", "expertise_tag.name_en", "expertise_tag.is_active"])
      .where("mentor_expertise.user_id", "=", userId)
      .orderBy("expertise_tag.sort_order")
      .execute(),
    listOfficeHours(db, userId),
    listDaysAway(db, userId),
  ]);
  // A mentor whose profile row is not made yet reads as the table's defaults.
  const profile = row ?? { organisation: "", title: "", bio: "", languages: ["vi"], meeting_mode: "both" as const };
  return { user, profile, tags, hours, away };
}

/**
 * What a team's founders see of each of its current mentors (contact, profile, expertise and
 * office hours), read for all of them at once. A user who is no longer a mentor is left out.
 */
export async function readMentorCards(db: Kysely<Database>, centreId: number, mentorIds: readonly string[]) {
  if (mentorIds.length === 0) return new Map<string, never>();
  const ids = [...mentorIds];
  const [users, tags, hours] = await Promise.all([
    db
      .selectFrom("app_user")
      .leftJoin("mentor_profile", "mentor_profile.user_id", "app_user.id")
      .select([
        "app_user.id",
        "app_user.email",
        "app_user.phone",
        "mentor_profile.organisation",
        "mentor_profile.title",
        "mentor_profile.bio",
        "mentor_profile.languages",
        "mentor_profile.meeting_mode",
      ])
      .where("app_user.centre_id", "=", centreId)
      .where("app_user.id", "in", ids)
      .where("app_user.role", "=", "mentor")
      .execute(),
    db
      .selectFrom("mentor_expertise")
      .innerJoin("expertise_tag", "expertise_tag.id", "mentor_expertise.tag_id")
      .select(["mentor_expertise.user_id", "expertise_tag.name_vi", "expertise_tag.name_en"])
      .where("mentor_expertise.user_id", "in", ids)
      .orderBy("expertise_tag.sort_order")
      .execute(),
    db
      .selectFrom("office_hours")
      .select(["mentor_id", "weekday", "starts_at", "ends_at"])
      .where("mentor_id", "in", ids)
      .orderBy("weekday")
      .orderBy("starts_at")
      .execute(),
  ]);
  return new Map(
    users.map((u) => [
      u.id,
      {
        email: u.email,
        phone: u.phone,
        // A mentor whose profile row is not made yet reads as the table's defaults.
        organisation: u.organisation ?? "",
        title: u.title ?? "",
        bio: u.bio ?? "",
        languages: u.languages ?? ["vi"],
        meeting_mode: u.meeting_mode ?? ("both" as const),
        tags: tags.filter((t) => t.user_id === u.id).map(({ name_vi, name_en }) => ({ name_vi, name_en })),
        hours: hours
          .filter((h) => h.mentor_id === u.id)
          .map(({ weekday, starts_at, ends_at }) => ({ weekday, starts_at, ends_at })),
      },
    ]),
  );
}

export async function listMentorTagIds(db: Kysely<Database>, userId: string): Promise<number[]> {
  const rows = await db.selectFrom("mentor_expertise").select("tag_id").where("user_id", "=", userId).execute();
  return rows.map((r) => r.tag_id);
}

export async function listOfficeHours(db: Kysely<Database>, mentorId: string) {
  return db
    .selectFrom("office_hours")
    .select(["id", "weekday", "starts_at", "ends_at"])
    .where("mentor_id", "=", mentorId)
    .orderBy("weekday")
    .orderBy("starts_at")
    .execute();
}

export async function listDaysAway(db: Kysely<Database>, mentorId: string) {
  return db
    .selectFrom("mentor_away")
    .select(["id", "starts_on", "ends_on", "note"])
    .where("mentor_id", "=", mentorId)
    .orderBy("starts_on")
    .execute();
}

export async function updateMentorProfile(
  db: Kysely<Database>,
  userId: string,
  values: {
    organisation: string;
    title: string;
    bio: string;
    languages: string[];
    meetingMode: MeetingMode;
    phone: string | null;
  },
) {
  await db
    .updateTable("mentor_profile")
    .set({
      organisation: values.organisation,
      title: values.title,
      bio: values.bio,
      languages: values.languages,
      meeting_mode: values.meetingMode,
      updated_at: new Date(),
    })
    .where("user_id", "=", userId)
    .execute();
  await db
    .updateTable("app_user")
    .set({ phone: values.phone, updated_at: new Date() })
    .where("id", "=", userId)
    .execute();
}

export async function replaceMentorExpertise(db: Kysely<Database>, userId: string, tagIds: readonly number[]) {
  await db.deleteFrom("mentor_expertise").where("user_id", "=", userId).execute();
  if (tagIds.length > 0) {
    await db
      .insertInto("mentor_expertise")
      .values(tagIds.map((tag_id) => ({ user_id: userId, tag_id })))
      .execute();
  }
}

export async function setUserActive(
  db: Kysely<Database>,
  centreId: number,
  userId: string,
  isActive: boolean,
  actor?: AuditActor,
) {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("app_user")
      .select(["id", "name", "email", "role", "is_active"])
      .where("centre_id", "=", centreId)
      .where("id", "=", userId)
      .where("role", "=", "mentor")
      .forUpdate()
      .executeTakeFirst();
    if (!before) return false;
    await trx
      .updateTable("app_user")
      .set({ is_active: isActive, updated_at: new Date() })
      .where("id", "=", userId)
      .execute();
    if (actor) {
      await recordAudit(trx, actor, {
        action: isActive ? "user.reactivate" : "user.deactivate",
        entityType: "app_user",
        entityId: userId,
        before,
        after: { ...before, is_active: isActive },
      });
    }
    return true;
  });
}

// ——— The network ———

/**
 * Every mentor of the centre with organisation, expertise and their assignments' load: how
 * many are active, their planned hours and the hours delivered in 'done' sessions.
 */
export async function listNetwork(db: Kysely<Database>, centreId: number) {
  const mentors = await db
    .selectFrom("app_user")
    .leftJoin("mentor_profile", "mentor_profile.user_id", "app_user.id")
    .select([
      "app_user.id",
      "app_user.name",
      "app_user.email",
      "app_user.is_active",
      "mentor_profile.organisation",
      "mentor_profile.title",
      "mentor_profile.meeting_mode",
    ])
    .where("app_user.centre_id", "=", centreId)
    .where("app_user.role", "=", "mentor")
    .orderBy("app_user.name")
    .execute();
  if (mentors.length === 0) return [];
  const ids = mentors.map((m) => m.id);
  const [tags, load] = await Promise.all([
    db
      .selectFrom("mentor_expertise")
      .innerJoin("expertise_tag", "expertise_tag.id", "mentor_expertise.tag_id")
      .select(["mentor_expertise.user_id", "expertise_tag.id", "expertise_tag.name_vi", "expertise_tag.name_en"])
      .where("mentor_expertise.user_id", "in", ids)
      .orderBy("expertise_tag.sort_order")
      .execute(),
    db
      .selectFrom("mentor_assignment as a")
      .select((eb) => [
        "a.mentor_id",
        eb.fn.count<string>("a.id").as("active"),
        eb.fn.sum<string>("a.planned_hours").as("planned"),
        sql<string[]>`array_agg(t.name order by lower(t.name))`.as("teams"),
        eb
          .selectFrom("mentoring_session as s")
          .innerJoin("mentor_assignment as a2", "a2.id", "s.assignment_id")
          .select(sql<string>`coalesce(sum(extract(epoch from (s.ends_at - s.starts_at))) / 3600, 0)`.as("h"))
          .whereRef("a2.mentor_id", "=", "a.mentor_id")
          .where("a2.status", "=", "active")
          .where("s.status", "=", "done")
          .as("delivered"),
      ])
      .innerJoin("team as t", "t.id", "a.team_id")
      .where("a.mentor_id", "in", ids)
      .where("a.status", "=", "active")
      .groupBy("a.mentor_id")
      .execute(),
  ]);
  return mentors.map((m) => {
    const l = load.find((row) => row.mentor_id === m.id);
    return {
      ...m,
      organisation: m.organisation ?? "",
      title: m.title ?? "",
      tags: tags.filter((t) => t.user_id === m.id).map(({ id, name_vi, name_en }) => ({ id, name_vi, name_en })),
      activeAssignments: Number(l?.active ?? 0),
      teams: l?.teams ?? [],
      plannedHours: Number(l?.planned ?? 0),
      deliveredHours: Number(l?.delivered ?? 0),
    };
  });
}

/** Active mentor accounts, offered for new assignments. */
export async function listAssignableMentors(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("app_user")
    .select(["id", "name"])
    .where("centre_id", "=", centreId)
    .where("role", "=", "mentor")
    .where("is_active", "=", true)
    .orderBy("name")
    .execute();
}
