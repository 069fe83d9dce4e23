// Mentoring sessions for the session tests: the propose form, times in an open week of the
// centre, and rows written straight into the database for sessions in the past (which no
// form may create).
import type { DateTime } from "luxon";
import type { SessionStatus } from "#db/schema";
import { action as proposeAction } from "~/routes/sessions.new";
import { action as sessionAction, loader as sessionLoader } from "~/routes/sessions.$sessionId";
import { db } from "~/utils/database.server";
import { call, dataOf, statusOf } from "./requests";

/** The propose form, filled in for a centre session on `day` at 09:00 for 60 minutes; override any field. */
export function proposal(day: DateTime, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    date: day.toFormat("dd/MM/yyyy"),
    start: "09:00",
    minutes: "60",
    topic: "Chiến lược gọi vốn hạt giống",
    mode: "centre",
    resourceId: "",
    onlineUrl: "",
    ...overrides,
  };
}

export async function propose(cookie: string | null, assignmentId: string, form: Record<string, string>) {
  const result = await call(proposeAction, `/sessions/new?assignment=${assignmentId}`, { cookie, form });
  const location = result instanceof Response ? result.headers.get("Location") : null;
  const sessionId = /^\/sessions\/([0-9a-f-]{36})/.exec(location ?? "")?.[1] ?? null;
  return {
    status: statusOf(result),
    sessionId,
    errors: result instanceof Response ? {} : (dataOf<{ errors: Record<string, string> }>(result).errors ?? {}),
  };
}

export async function act(cookie: string | null, sessionId: string, form: Record<string, string>) {
  const result = await call(sessionAction, `/sessions/${sessionId}`, { cookie, form, params: { sessionId } });
  return {
    status: statusOf(result),
    errors: result instanceof Response ? {} : (dataOf<{ errors: Record<string, string> }>(result).errors ?? {}),
  };
}

export async function viewSession(cookie: string | null, sessionId: string) {
  const result = await call(sessionLoader, `/sessions/${sessionId}`, { cookie, params: { sessionId } });
  return {
    status: statusOf(result),
    data: result instanceof Response ? null : dataOf<Record<string, unknown>>(result),
  };
}

export async function sessionRow(sessionId: string) {
  return db().selectFrom("mentoring_session").selectAll().where("id", "=", sessionId).executeTakeFirstOrThrow();
}

export async function sessionsOf(assignmentId: string) {
  return db().selectFrom("mentoring_session").selectAll().where("assignment_id", "=", assignmentId).execute();
}

/** A session written straight into the table, e.g. a confirmed one that has already ended. */
export async function insertSession(
  assignment: { id: string; centre_id: number; mentor_id: string; team_id: string },
  period: { start: Date; end: Date },
  status: SessionStatus = "confirmed",
) {
  return db()
    .insertInto("mentoring_session")
    .values({
      centre_id: assignment.centre_id,
      assignment_id: assignment.id,
      mentor_id: assignment.mentor_id,
      team_id: assignment.team_id,
      starts_at: period.start,
      ends_at: period.end,
      mode: "online",
      online_url: "https://meet.example.vn/buoi-gap",
      topic: "Rà soát mô hình kinh doanh",
      status,
      proposed_side: "team",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function messagesTo(email: string, kind?: string) {
  let query = db().selectFrom("outbox").selectAll().where("to_address", "=", email);
  if (kind) query = query.where("kind", "=", kind);
  return query.orderBy("created_at").execute();
}
