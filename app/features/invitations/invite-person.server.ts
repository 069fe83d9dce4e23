import type { Kysely } from "kysely";
import type { Centre, Database, Role } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import { findUserByEmail } from "~/features/auth/queries.server";
import { hashToken, newToken } from "~/features/auth/session.server";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import type { FieldErrors } from "~/utils/forms";
import { composeInvitationEmail } from "./invitation-email";
import { deleteOpenInvitations, insertInvitation } from "./queries.server";
import { invitableRoles, invitationExpiry } from "./rules";

export interface Invitee {
  name: string;
  email: string;
  role: Role;
}

export type InviteResult =
  | { ok: true; link: string }
  | { ok: false; reason: "forbidden-role" }
  | { ok: false; reason: "invalid"; errors: FieldErrors };

/**
 * Invites a mentor, staff member or administrator: stores the hash of a one-time token and
 * queues the email with the link, in one transaction. The caller nudges the outbox after.
 * With an actor, the invitation is recorded in the audit log: a new one as created, one that
 * replaces a link still open for the address as resent (the old link stops working).
 */
export async function invitePerson(
  db: Kysely<Database>,
  input: {
    centre: Pick<Centre, "id" | "name_vi" | "name_en">;
    inviter: { id: string; name: string; role: Role };
    invitee: Invitee;
    appUrl: string;
    now?: Date;
    actor?: AuditActor;
  },
): Promise<InviteResult> {
  const { centre, inviter, invitee } = input;
  if (!invitableRoles(inviter.role).includes(invitee.role)) return { ok: false, reason: "forbidden-role" };
  if (await findUserByEmail(db, invitee.email)) {
    return { ok: false, reason: "invalid", errors: { email: "invitations.error.accountExists" } };
  }
  const now = input.now ?? new Date();
  const token = newToken();
  const expiresAt = invitationExpiry(now);
  const link = `${input.appUrl}/invitations/${token}`;
  const email = composeInvitationEmail({
    name: invitee.name,
    inviterName: inviter.name,
    role: invitee.role,
    centreName: { vi: centre.name_vi, en: centre.name_en },
    link,
    expiresAt,
  });
  await db.transaction().execute(async (trx) => {
    const replaced = await deleteOpenInvitations(trx, centre.id, invitee.email);
    const invitation = await insertInvitation(trx, {
      tokenHash: hashToken(token),
      centreId: centre.id,
      email: invitee.email,
      name: invitee.name,
      role: invitee.role,
      invitedBy: inviter.id,
      expiresAt,
    });
    if (input.actor) {
      const previous = replaced.at(-1);
      await recordAudit(trx, input.actor, {
        action: previous ? "invitation.resend" : "invitation.create",
        entityType: "invitation",
        entityId: invitee.email,
        before: previous ?? null,
        after: invitation,
      });
    }
    await enqueueMessage(trx, { centreId: centre.id, kind: "invitation", to: invitee.email, ...email });
  });
  return { ok: true, link };
}
