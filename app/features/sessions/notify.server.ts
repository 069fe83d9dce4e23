import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { formatDate, formatTime } from "~/i18n/format";
import { translator } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import { sessionParties } from "./queries.server";

export type SessionChange = "proposed" | "confirmed" | "declined" | "cancelled" | "done" | "no_show";

interface DescribedSession {
  id: string;
  centre_id: number;
  mentor_id: string;
  team_id: string;
  starts_at: Date;
  ends_at: Date;
  topic: string;
  cancel_reason?: string | null;
}

/**
 * Tells everyone on the session's two sides but the person who made the change, each in their
 * language (Vietnamese by default), inside the caller's transaction.
 */
export async function tellOtherSide(
  db: Kysely<Database>,
  change: SessionChange,
  session: DescribedSession,
  actor: { id: string; name: string },
  zone: string,
): Promise<void> {
  const people = await sessionParties(db, session.mentor_id, session.team_id);
  for (const person of people) {
    if (person.id === actor.id) continue;
    const t = translator(person.locale ?? "vi");
    const params = {
      name: person.name,
      actor: actor.name,
      topic: session.topic,
      when: `${formatDate(session.starts_at, zone)}, ${formatTime(session.starts_at, zone)}–${formatTime(session.ends_at, zone)}`,
      reason: session.cancel_reason ?? "",
      url: `${appUrl()}/sessions/${session.id}`,
    };
    await enqueueMessage(db, {
      centreId: session.centre_id,
      kind: `session.${change}`,
      to: person.email,
      subject: t(`sessions.email.${change}.subject`, params),
      text: t(`sessions.email.${change}.text`, params),
    });
  }
}
