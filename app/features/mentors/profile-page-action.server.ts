import { data } from "@remix-run/node";
import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { MessageKey } from "~/i18n/translate";
import { parseForm, typedValues, type FieldErrors } from "~/utils/forms";
import { invariantResponse } from "~/utils/http.server";
import { awayFormSchema, officeHoursFormSchema, profileFormSchema, rowIdSchema } from "./forms";
import {
  ensureMentorProfile,
  listMentorTagIds,
  listOfficeHours,
  listTags,
  replaceMentorExpertise,
  updateMentorProfile,
} from "./queries.server";
import { overlappingWindows } from "./rules";

export const PROFILE_INTENTS = ["profile", "hours-add", "hours-remove", "away-add", "away-remove"] as const;
export type ProfileIntent = (typeof PROFILE_INTENTS)[number];

export function isProfileIntent(value: unknown): value is ProfileIntent {
  return typeof value === "string" && (PROFILE_INTENTS as readonly string[]).includes(value);
}

export interface ProfilePageResult {
  intent: ProfileIntent;
  status: 200 | 400;
  errors?: FieldErrors;
  values?: Record<string, string>;
  notice?: MessageKey;
}

/**
 * The profile page's action (the mentor's own page and the staff page) once the route has decided
 * who may edit which mentor: reads the posted form and answers with its result and status.
 */
export async function profilePageAction(
  db: Kysely<Database>,
  request: Request,
  target: { centreId: number; mentorId: string; actor?: AuditActor },
) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (!isProfileIntent(intent)) throw new Response("Unknown action", { status: 400 });
  const result = await submitProfilePageForm(db, { intent, form, ...target });
  return data(result, { status: result.status });
}

/** What the audit log keeps of a mentor's profile: the profile's fields, the phone and the tags. */
async function profileSnapshot(db: Kysely<Database>, mentorId: string) {
  const row = await db
    .selectFrom("mentor_profile")
    .innerJoin("app_user", "app_user.id", "mentor_profile.user_id")
    .select([
      "mentor_profile.organisation",
      "mentor_profile.title",
      "mentor_profile.bio",
      "mentor_profile.languages",
      "mentor_profile.meeting_mode",
      "app_user.phone",
    ])
    .where("mentor_profile.user_id", "=", mentorId)
    .executeTakeFirst();
  return row ? { ...row, tag_ids: (await listMentorTagIds(db, mentorId)).sort((a, b) => a - b) } : null;
}

/**
 * Handles one of the mentor profile page's forms (the mentor's own, or staff editing any) for
 * a mentor the caller has already allowed the person to edit. Bad input: 400, nothing changed.
 * A row id that is not this mentor's is a 404. With an actor (staff editing a mentor's profile)
 * each change is recorded in the audit log under the mentor's profile; a mentor's own are not.
 */
export async function submitProfilePageForm(
  db: Kysely<Database>,
  input: { intent: ProfileIntent; form: FormData; centreId: number; mentorId: string; actor?: AuditActor },
): Promise<ProfilePageResult> {
  const { intent, form, mentorId, actor } = input;
  const audit = (
    trx: Kysely<Database>,
    action: string,
    before: object | null | undefined,
    after: object | null | undefined,
  ) =>
    actor
      ? recordAudit(trx, actor, { action, entityType: "mentor_profile", entityId: mentorId, before, after })
      : undefined;
  const refuse = (errors: FieldErrors, values: Record<string, string>): ProfilePageResult => ({
    intent,
    status: 400,
    errors,
    values,
  });
  await ensureMentorProfile(db, mentorId);

  if (intent === "profile") {
    const parsed = parseForm(profileFormSchema, form);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    // Only the centre's active tags may be chosen; a tag already held but since retired stays.
    const offered = new Set((await listTags(db, input.centreId)).map((t) => t.id));
    const held = new Set(await listMentorTagIds(db, mentorId));
    const tagIds = [...new Set(parsed.data.tagIds)];
    if (tagIds.some((id) => !offered.has(id) && !held.has(id))) {
      return refuse({ tagIds: "mentors.error.invalidTag" }, typedValues(form));
    }
    await db.transaction().execute(async (trx) => {
      const before = actor ? await profileSnapshot(trx, mentorId) : null;
      await updateMentorProfile(trx, mentorId, parsed.data);
      await replaceMentorExpertise(trx, mentorId, tagIds);
      if (actor) await audit(trx, "mentor_profile.update", before, await profileSnapshot(trx, mentorId));
    });
    return { intent, status: 200, notice: "mentors.profile.saved" };
  }

  if (intent === "hours-add") {
    const parsed = parseForm(officeHoursFormSchema, form);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    const window = { weekday: parsed.data.weekday, starts_at: parsed.data.startsAt, ends_at: parsed.data.endsAt };
    return db.transaction().execute(async (trx) => {
      // Two people adding windows at once must not both pass the overlap check.
      await trx.selectFrom("mentor_profile").select("user_id").where("user_id", "=", mentorId).forUpdate().execute();
      const existing = await listOfficeHours(trx, mentorId);
      if (overlappingWindows([...existing, window])) {
        return refuse({ startsAt: "mentors.error.hoursOverlap" }, typedValues(form));
      }
      const added = await trx
        .insertInto("office_hours")
        .values({ mentor_id: mentorId, ...window })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, "mentor_profile.add_hours", null, added);
      return { intent, status: 200 as const, notice: "mentors.hours.added" as const };
    });
  }

  if (intent === "away-add") {
    const parsed = parseForm(awayFormSchema, form);
    if (!parsed.ok) return refuse(parsed.errors, parsed.values);
    await db.transaction().execute(async (trx) => {
      const added = await trx
        .insertInto("mentor_away")
        .values({
          mentor_id: mentorId,
          starts_on: parsed.data.startsOn,
          ends_on: parsed.data.endsOn,
          note: parsed.data.note,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await audit(trx, "mentor_profile.add_away", null, added);
    });
    return { intent, status: 200, notice: "mentors.away.added" };
  }

  // Removing a window or days away: the row must be this mentor's.
  const parsed = parseForm(rowIdSchema, form);
  invariantResponse(parsed.ok);
  const table = intent === "hours-remove" ? "office_hours" : "mentor_away";
  const removed = await db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom(table)
      .where("id", "=", parsed.data.rowId)
      .where("mentor_id", "=", mentorId)
      .returningAll()
      .executeTakeFirst();
    if (row)
      await audit(
        trx,
        intent === "hours-remove" ? "mentor_profile.remove_hours" : "mentor_profile.remove_away",
        row,
        null,
      );
    return row;
  });
  invariantResponse(removed);
  return { intent, status: 200, notice: intent === "hours-remove" ? "mentors.hours.removed" : "mentors.away.removed" };
}
