import type { Kysely } from "kysely";
import type { Database, Locale } from "#db/schema";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { runOutboxOnce } from "~/features/outbox/worker.server";
import { translator } from "~/i18n/translate";
import { appUrl } from "~/utils/env.server";
import { countPasswordResetsSince, findResetRecipient, insertPasswordReset } from "./queries.server";
import { mayIssuePasswordReset, PASSWORD_RESET_TTL_MINUTES } from "./rules";
import { hashToken, newToken } from "./session.server";

/**
 * Emails a one-time reset link when an active account has this email. The caller answers
 * the same either way, so the form does not tell who has an account. Only the token's hash
 * is stored; the link itself exists only in the email.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  input: { email: string; requestLocale: Locale; now?: Date },
): Promise<void> {
  const now = input.now ?? new Date();
  const recipient = await findResetRecipient(db, input.email);
  if (!recipient) return;

  const queued = await db.transaction().execute(async (trx) => {
    const recent = await countPasswordResetsSince(trx, recipient.id, new Date(now.getTime() - 60 * 60 * 1000));
    if (!mayIssuePasswordReset(recent)) return false;
    const token = newToken();
    await insertPasswordReset(trx, {
      tokenHash: hashToken(token),
      userId: recipient.id,
      expiresAt: new Date(now.getTime() + PASSWORD_RESET_TTL_MINUTES * 60 * 1000),
    });
    const locale = recipient.locale ?? input.requestLocale;
    const t = translator(locale);
    const centre = locale === "vi" ? recipient.centreNameVi : recipient.centreNameEn;
    const link = `${appUrl()}/reset-password?token=${encodeURIComponent(token)}`;
    await enqueueMessage(trx, {
      centreId: recipient.centreId,
      kind: "password-reset",
      to: recipient.email,
      subject: t("auth.resetEmail.subject", { centre }),
      text: t("auth.resetEmail.body", {
        name: recipient.name,
        email: recipient.email,
        link,
        minutes: PASSWORD_RESET_TTL_MINUTES,
        centre,
      }),
    });
    return true;
  });
  // Not awaited: the answer must not wait for (or reveal) the mail server's pace.
  if (queued) void runOutboxOnce();
}
