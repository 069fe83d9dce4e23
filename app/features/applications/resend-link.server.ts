import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { hashToken, newToken } from "~/features/auth/session.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { composeApplicationEmail } from "./application-email";
import type { ProgrammeForApplying } from "./submit-application.server";

/**
 * Sends the first founder a new follow-and-edit link. The old token is replaced, so a link
 * that leaked stops working. The caller answers the same whether or not an application was
 * found, so the page does not tell who applied.
 */
export async function resendApplicationLink(
  db: Kysely<Database>,
  input: { programme: ProgrammeForApplying; email: string; appUrl: string; locale: Locale },
): Promise<boolean> {
  const { programme } = input;
  return db.transaction().execute(async (trx) => {
    const application = await trx
      .selectFrom("application")
      .select(["id", "team_name"])
      .where("programme_id", "=", programme.id)
      .where("contact_email", "=", input.email.trim().toLowerCase())
      .forUpdate()
      .executeTakeFirst();
    if (!application) return false;
    const founder = await trx
      .selectFrom("application_founder")
      .select(["name", "email"])
      .where("application_id", "=", application.id)
      .orderBy("position")
      .executeTakeFirstOrThrow();
    const token = newToken();
    await trx
      .updateTable("application")
      .set({ edit_token_hash: hashToken(token) })
      .where("id", "=", application.id)
      .execute();
    await enqueueMessage(trx, {
      centreId: programme.centre_id,
      kind: "application-link",
      to: founder.email,
      ...composeApplicationEmail({
        kind: "new-link",
        locale: input.locale,
        founderName: founder.name,
        teamName: application.team_name,
        programme,
        link: `${input.appUrl}/applications/${token}`,
      }),
    });
    return true;
  });
}
