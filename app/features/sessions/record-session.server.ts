import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { getCentreZone } from "~/features/bookings/queries.server";
import { tellOtherSide } from "./notify.server";
import { lockSession, sessionSide } from "./queries.server";
import { refusal, type SessionRefusal } from "./refusal";
import { checkRecord } from "./rules";

export interface SessionRecord {
  outcome: "done" | "no_show";
  notes: string;
  actionItems: string;
}

/** After a confirmed session's end, its mentor records it as done (with notes and action items) or as a no-show. */
export async function recordSession(
  db: Kysely<Database>,
  actor: SessionUser,
  sessionId: string,
  record: SessionRecord,
  now: Date = new Date(),
): Promise<{ ok: true } | SessionRefusal> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, actor.centre_id, sessionId);
    const side = session ? await sessionSide(trx, actor, session) : null;
    if (!session || !side) return refusal(404, "sessions.error.not_found");
    if (side !== "mentor") return refusal(403, "sessions.error.mentor_only");
    const refused = checkRecord(session, now);
    if (refused) return refusal(409, `sessions.error.${refused}`);
    const updated = await trx
      .updateTable("mentoring_session")
      .set((eb) => ({
        status: record.outcome,
        notes: record.notes,
        action_items: record.actionItems,
        recorded_at: now,
        sequence: eb("sequence", "+", 1),
        updated_at: now,
      }))
      .where("id", "=", session.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await tellOtherSide(trx, record.outcome, updated, actor, await getCentreZone(trx, actor.centre_id));
    return { ok: true as const };
  });
}
