import type { MessageKey } from "~/i18n/translate";

/** Why a session change was refused: the HTTP status, the message, and the field it belongs beside. */
export interface SessionRefusal {
  ok: false;
  status: 400 | 403 | 404 | 409;
  message: MessageKey;
  params?: Record<string, string | number>;
  field?: string;
}

export function refusal(
  status: SessionRefusal["status"],
  message: MessageKey,
  extra: { field?: string; params?: SessionRefusal["params"] } = {},
): SessionRefusal {
  return { ok: false, status, message, ...extra };
}

/** Thrown inside a transaction to roll it back; caught outside and returned. */
export class Refused extends Error {
  constructor(readonly refusal: SessionRefusal) {
    super(refusal.message);
  }
}

/** Which side's exclusion constraint a 23P01 came from. */
export function overlapMessage(error: unknown): MessageKey {
  const constraint =
    typeof error === "object" && error !== null ? (error as { constraint?: unknown }).constraint : null;
  return constraint === "mentoring_session_team_free" ? "sessions.error.team_busy" : "sessions.error.mentor_busy";
}
