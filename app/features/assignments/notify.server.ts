import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { translator, type MessageKey, type MessageParams } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import { listFounders } from "./queries.server";

/**
 * A message to every active founder of a team, each in their own language (Vietnamese by
 * default), written to the outbox inside the caller's transaction.
 */
export async function messageFounders(
  db: Kysely<Database>,
  input: {
    centreId: number;
    teamId: string;
    kind: string;
    subject: MessageKey;
    text: MessageKey;
    params: (locale: "vi" | "en") => MessageParams;
  },
) {
  const founders = await listFounders(db, [input.teamId]);
  for (const founder of founders) {
    const locale = founder.locale ?? "vi";
    const t = translator(locale);
    const params = { name: founder.name, link: `${appUrl()}/team/mentors`, ...input.params(locale) };
    await enqueueMessage(db, {
      centreId: input.centreId,
      kind: input.kind,
      to: founder.email,
      subject: t(input.subject, params),
      text: t(input.text, params),
    });
  }
  return founders.length;
}
