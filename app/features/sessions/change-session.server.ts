import type { Kysely, Transaction, Updateable } from "kysely";
import type { Database, MentoringSession, MentoringSessionTable } from "#db/schema";
import { recordAudit } from "~/features/audit/record-audit.server";
import type { SessionUser } from "~/features/auth/session.server";
import { isStaffRole } from "~/features/bookings/rules";
import { getCentreZone } from "~/features/bookings/queries.server";
import { tellOtherSide, type SessionChange } from "./notify.server";
import { lockSession, sessionSide } from "./queries.server";
import { refusal, type SessionRefusal } from "./refusal";
import type { Side } from "./rules";

type Ok = { ok: true };

/** The audit log's verb for each change staff make to someone's session. */
const AUDIT_ACTIONS: Record<SessionChange, string> = {
  proposed: "mentoring_session.propose",
  confirmed: "mentoring_session.confirm",
  declined: "mentoring_session.decline",
  cancelled: "mentoring_session.cancel",
  done: "mentoring_session.record_done",
  no_show: "mentoring_session.record_no_show",
};

/** Staff acting on a mentor's and a team's session is recorded; the two sides' own changes are not. */
export async function auditSessionChange(
  trx: Transaction<Database>,
  actor: SessionUser & { ip?: string | null },
  change: SessionChange,
  before: MentoringSession | null,
  after: MentoringSession,
): Promise<void> {
  if (!isStaffRole(actor.role)) return;
  await recordAudit(trx, actor, {
    action: AUDIT_ACTIONS[change],
    entityType: "mentoring_session",
    entityId: after.id,
    before,
    after,
  });
}

/**
 * Runs a change to one session in a transaction, with the session locked. A session that is
 * unknown, or that the person has no side in, is a 404 before `work` runs.
 */
export async function changeSession(
  db: Kysely<Database>,
  actor: SessionUser,
  sessionId: string,
  work: (trx: Transaction<Database>, session: MentoringSession, side: Side) => Promise<Ok | SessionRefusal>,
): Promise<Ok | SessionRefusal> {
  return db.transaction().execute(async (trx) => {
    const session = await lockSession(trx, actor.centre_id, sessionId);
    const side = session ? await sessionSide(trx, actor, session) : null;
    if (!session || !side) return refusal(404, "sessions.error.not_found");
    return work(trx, session, side);
  });
}

/** Saves the session's new state (a new calendar sequence), records staff's change and tells the other side. */
export async function saveAndTell(
  trx: Transaction<Database>,
  actor: SessionUser,
  session: MentoringSession,
  change: SessionChange,
  values: Updateable<MentoringSessionTable>,
  now: Date,
): Promise<Ok> {
  const updated = await trx
    .updateTable("mentoring_session")
    .set((eb) => ({ ...values, sequence: eb("sequence", "+", 1), updated_at: now }))
    .where("id", "=", session.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await auditSessionChange(trx, actor, change, session, updated);
  await tellOtherSide(trx, change, updated, actor, await getCentreZone(trx, actor.centre_id));
  return { ok: true };
}
