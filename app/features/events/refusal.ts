import type { MessageKey } from "~/i18n/translate";

/** Why an event change or a registration was refused: the HTTP status, the message, and its field. */
export interface EventRefusal {
  ok: false;
  status: 400 | 403 | 404 | 409;
  message: MessageKey;
  params?: Record<string, string | number>;
  field?: string;
}

export function refusal(
  status: EventRefusal["status"],
  message: MessageKey,
  extra: { field?: string; params?: EventRefusal["params"] } = {},
): EventRefusal {
  return { ok: false, status, message, ...extra };
}

/** Thrown inside a transaction to roll it back; caught outside and returned. */
export class Refused extends Error {
  constructor(readonly refusal: EventRefusal) {
    super(refusal.message);
  }
}
