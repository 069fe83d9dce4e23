import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { SessionUser } from "~/features/auth/session.server";
import { isWithinOfficeHours } from "~/features/mentors/rules";
import { planBooking } from "~/features/bookings/plan-booking.server";
import { getCentreZone, isExclusionViolation } from "~/features/bookings/queries.server";
import type { MessageKey } from "~/i18n/translate";
import { auditSessionChange } from "./change-session.server";
import { tellOtherSide } from "./notify.server";
import { getAssignment, getOfficeHours, listMeetingRooms, roomIsFree, teamBookingHolder } from "./queries.server";
import { overlapMessage, refusal, type SessionRefusal } from "./refusal";
import { roomChoice, sessionPeriod, sideOf, withinAssignment, type Period } from "./rules";

export interface Proposal {
  assignmentId: string;
  date: string;
  start: string;
  minutes: number;
  topic: string;
  mode: "centre" | "online";
  resourceId?: string | null;
  onlineUrl?: string | null;
  /** Staff only: outside the mentor's office hours. */
  override?: boolean;
}

/** A room for the time: one of the centre's meeting rooms, open, not closed, free (planBooking's preview). */
async function checkRoom(
  db: Kysely<Database>,
  centreId: number,
  teamId: string,
  resourceId: string,
  period: Period,
  zone: string,
  now: Date,
): Promise<SessionRefusal | null> {
  const rooms = await listMeetingRooms(db, centreId);
  if (!rooms.some((r) => r.id === resourceId))
    return refusal(400, "sessions.error.room_required", { field: "resourceId" });
  const holder = await teamBookingHolder(db, teamId);
  if (!holder) return refusal(409, "sessions.error.no_founder");
  const plan = await planBooking(db, holder, roomChoice(resourceId, period, zone), now, { teamId });
  if (!plan.ok) {
    const status = plan.code === "closed" || plan.code === "closed_day" ? 409 : 400;
    return refusal(status, `bookings.error.${plan.code}` as MessageKey, { field: "resourceId", params: plan.params });
  }
  if (!(await roomIsFree(db, resourceId, period)))
    return refusal(409, "sessions.error.room_taken", { field: "resourceId" });
  return null;
}

/**
 * A party of an active assignment (its mentor, a founder of its team) or staff proposes a
 * session. The room is checked but not booked: that happens on confirmation. Overlaps with
 * the mentor's or the team's other sessions are refused by the database's constraints.
 */
export async function proposeSession(
  db: Kysely<Database>,
  actor: SessionUser,
  input: Proposal,
  now: Date = new Date(),
): Promise<{ ok: true; sessionId: string } | SessionRefusal> {
  const assignment = await getAssignment(db, actor.centre_id, input.assignmentId);
  const side = assignment ? sideOf(actor, assignment) : null;
  if (!assignment || !side) return refusal(404, "sessions.error.assignment_not_found");
  if (assignment.status !== "active") return refusal(409, "sessions.error.assignment_ended");

  const zone = await getCentreZone(db, actor.centre_id);
  const when = sessionPeriod(input.date, input.start, input.minutes, zone);
  if (!when.ok)
    return refusal(400, `sessions.error.${when.code}`, { field: when.code === "invalid_date" ? "date" : "start" });
  const { period, day } = when;
  if (period.start.getTime() <= now.getTime()) return refusal(400, "sessions.error.in_past", { field: "date" });
  if (!withinAssignment(assignment, day)) return refusal(400, "sessions.error.outside_assignment", { field: "date" });
  if (!(side === "staff" && input.override)) {
    const { hours, away } = await getOfficeHours(db, assignment.mentor_id);
    if (!isWithinOfficeHours(hours, away, period, zone))
      return refusal(400, "sessions.error.outside_office_hours", { field: "start" });
  }
  if (input.mode === "centre") {
    const room = await checkRoom(db, actor.centre_id, assignment.team_id, input.resourceId ?? "", period, zone, now);
    if (room) return room;
  }

  try {
    const sessionId = await db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto("mentoring_session")
        .values({
          centre_id: actor.centre_id,
          assignment_id: assignment.id,
          mentor_id: assignment.mentor_id,
          team_id: assignment.team_id,
          starts_at: period.start,
          ends_at: period.end,
          mode: input.mode,
          resource_id: input.mode === "centre" ? input.resourceId! : null,
          online_url: input.mode === "online" ? input.onlineUrl! : null,
          topic: input.topic,
          proposed_by: actor.id,
          proposed_side: side,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await auditSessionChange(trx, actor, "proposed", null, row);
      await tellOtherSide(trx, "proposed", row, actor, zone);
      return row.id;
    });
    return { ok: true, sessionId };
  } catch (error) {
    if (isExclusionViolation(error)) return refusal(409, overlapMessage(error), { field: "start" });
    throw error;
  }
}
