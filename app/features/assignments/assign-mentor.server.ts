import type { Kysely } from "kysely";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { Database } from "#db/schema";
import { findMentorUser } from "~/features/mentors/queries.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { formatCalendarDate } from "~/i18n/format";
import { translator } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import type { FieldErrors } from "~/utils/forms";
import type { AssignForm } from "./forms";
import { messageFounders } from "./notify.server";
import { findRequest } from "./queries.server";
import { hoursText } from "./rules";

export type AssignResult = { ok: true; assignmentId: string } | { ok: false; errors: FieldErrors };

/**
 * Assigns an active mentor to a team of the centre for a period. When it answers a team's open
 * request, the request is answered and linked in the same transaction. The team's founders and
 * the mentor are told through the outbox. An unknown request is null (404).
 */
export async function assignMentor(
  db: Kysely<Database>,
  input: { centreId: number; staffId: string; form: AssignForm; actor?: AuditActor },
): Promise<AssignResult | null> {
  const { form, centreId } = input;
  return db
    .transaction()
    .execute(async (trx): Promise<AssignResult | null> => {
      const errors: FieldErrors = {};
      const mentor = await findMentorUser(trx, centreId, form.mentorId);
      // A deactivated mentor is not offered, and a forged id is refused the same way.
      if (!mentor || !mentor.is_active) errors.mentorId = "assignments.error.mentorInactive";
      const team = await trx
        .selectFrom("team")
        .select(["id", "name", "status"])
        .where("centre_id", "=", centreId)
        .where("id", "=", form.teamId)
        .executeTakeFirst();
      if (!team || team.status !== "incubating") errors.teamId = "assignments.error.teamNotIncubating";
      let requestId: string | undefined;
      let openRequest: object | undefined;
      if (form.requestId) {
        const request = await findRequest(trx, centreId, form.requestId);
        if (!request) return null;
        openRequest = request;
        if (request.status !== "open") errors._form = "assignments.error.requestAnswered";
        else if (request.team_id !== form.teamId) errors.teamId = "assignments.error.requestTeam";
        requestId = request.id;
      }
      if (Object.keys(errors).length > 0 || !mentor || !team) return { ok: false, errors };

      const assignment = await trx
        .insertInto("mentor_assignment")
        .values({
          centre_id: centreId,
          mentor_id: mentor.id,
          team_id: team.id,
          starts_on: form.startsOn,
          ends_on: form.endsOn,
          focus: form.focus,
          planned_hours: form.plannedHours,
          created_by: input.staffId,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      if (input.actor) {
        await recordAudit(trx, input.actor, {
          action: "mentor_assignment.create",
          entityType: "mentor_assignment",
          entityId: assignment.id,
          after: { ...assignment, mentor_name: mentor.name, team_name: team.name, request_id: requestId ?? null },
        });
      }
      if (requestId) {
        // Only an open request is answered: a second staff member answering at once changes nothing.
        const answered = await trx
          .updateTable("mentor_request")
          .set({
            status: "answered",
            assignment_id: assignment.id,
            answered_by: input.staffId,
            answered_at: new Date(),
          })
          .where("id", "=", requestId)
          .where("status", "=", "open")
          .returningAll()
          .executeTakeFirst();
        if (!answered) throw new RequestAlreadyAnswered();
        if (input.actor) {
          await recordAudit(trx, input.actor, {
            action: "mentor_request.accept",
            entityType: "mentor_request",
            entityId: answered.id,
            before: openRequest,
            after: answered,
          });
        }
      }
      const params = {
        mentor: mentor.name,
        team: team.name,
        from: formatCalendarDate(form.startsOn),
        to: formatCalendarDate(form.endsOn),
        focus: form.focus,
      };
      await messageFounders(trx, {
        centreId,
        teamId: team.id,
        kind: "mentor-assigned",
        subject: "assignments.email.assignedSubject",
        text: "assignments.email.assignedText",
        params: (locale) => ({ ...params, hours: hoursText(form.plannedHours, locale) }),
      });
      // The mentor is told too, in their own language.
      const locale = mentor.locale ?? "vi";
      const t = translator(locale);
      const mentorParams = {
        ...params,
        hours: hoursText(form.plannedHours, locale),
        name: mentor.name,
        link: `${appUrl()}/mentors/teams`,
      };
      await enqueueMessage(trx, {
        centreId,
        kind: "mentor-assigned",
        to: mentor.email,
        subject: t("assignments.email.mentorSubject", mentorParams),
        text: t("assignments.email.mentorText", mentorParams),
      });
      return { ok: true, assignmentId: assignment.id };
    })
    .catch((error: unknown) => {
      if (error instanceof RequestAlreadyAnswered)
        return { ok: false, errors: { _form: "assignments.error.requestAnswered" } };
      throw error;
    });
}

class RequestAlreadyAnswered extends Error {}
