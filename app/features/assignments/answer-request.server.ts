import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { FieldErrors } from "~/utils/forms";
import { messageFounders } from "./notify.server";
import { findRequest } from "./queries.server";

/**
 * Staff answer a team's open request with a message (reply) or turn it down (decline); the
 * founders get the message through the outbox. Answering with a mentor goes through
 * assignMentor instead. Null when the request is not the centre's (404). Staff's answer is
 * recorded in the audit log (the request before and after).
 */
export async function answerRequest(
  db: Kysely<Database>,
  input: {
    centreId: number;
    staffId: string;
    requestId: string;
    decision: "reply" | "decline";
    answer: string;
    actor?: AuditActor;
  },
): Promise<{ ok: true } | { ok: false; errors: FieldErrors } | null> {
  return db.transaction().execute(async (trx) => {
    const request = await findRequest(trx, input.centreId, input.requestId);
    if (!request) return null;
    const updated = await trx
      .updateTable("mentor_request")
      .set({
        status: input.decision === "decline" ? "declined" : "answered",
        answer: input.answer,
        answered_by: input.staffId,
        answered_at: new Date(),
      })
      .where("id", "=", request.id)
      .where("status", "=", "open")
      .returningAll()
      .executeTakeFirst();
    if (!updated) {
      return { ok: false as const, errors: { _form: "assignments.error.requestAnswered" as const } };
    }
    if (input.actor) {
      await recordAudit(trx, input.actor, {
        action: input.decision === "decline" ? "mentor_request.decline" : "mentor_request.reply",
        entityType: "mentor_request",
        entityId: updated.id,
        before: request,
        after: updated,
      });
    }
    const team = await trx
      .selectFrom("team")
      .select("name")
      .where("id", "=", request.team_id)
      .executeTakeFirstOrThrow();
    await messageFounders(trx, {
      centreId: input.centreId,
      teamId: request.team_id,
      kind: input.decision === "decline" ? "mentor-request-declined" : "mentor-request-answered",
      subject: input.decision === "decline" ? "assignments.email.declinedSubject" : "assignments.email.repliedSubject",
      text: "assignments.email.answerText",
      params: () => ({ team: team.name, answer: input.answer }),
    });
    return { ok: true as const };
  });
}
