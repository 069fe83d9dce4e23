import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { changeSession, saveAndTell } from "./change-session.server";
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
  return changeSession(db, actor, sessionId, async (trx, session, side) => {
    if (side !== "mentor") return refusal(403, "sessions.error.mentor_only");
    const refused = checkRecord(session, now);
    if (refused) return refusal(409, `sessions.error.${refused}`);
    const values = { status: record.outcome, notes: record.notes, action_items: record.actionItems, recorded_at: now };
    return saveAndTell(trx, actor, session, record.outcome, values, now);
  });
}
