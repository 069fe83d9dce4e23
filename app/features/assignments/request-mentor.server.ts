import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { findTag } from "~/features/mentors/queries.server";
import type { FieldErrors } from "~/utils/forms";

/**
 * A founder asks for a mentor with an expertise for their team (the caller has checked they
 * are a founder of it). Only the centre's active tags may be asked for.
 */
export async function requestMentor(
  db: Kysely<Database>,
  input: { centreId: number; teamId: string; userId: string; tagId: number; note: string },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const tag = await findTag(db, input.centreId, input.tagId);
  if (!tag?.is_active) return { ok: false, errors: { tagId: "assignments.error.chooseTag" } };
  await db
    .insertInto("mentor_request")
    .values({
      centre_id: input.centreId,
      team_id: input.teamId,
      requested_by: input.userId,
      tag_id: tag.id,
      note: input.note,
    })
    .execute();
  return { ok: true };
}
