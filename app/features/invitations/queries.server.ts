import type { Kysely } from "kysely";
import type { Database, Role } from "#db/schema";

export async function insertInvitation(
  db: Kysely<Database>,
  invitation: {
    tokenHash: string;
    centreId: number;
    email: string;
    name: string;
    role: Role;
    invitedBy: string;
    expiresAt: Date;
    teamId?: string | null;
  },
) {
  return db
    .insertInto("invitation")
    .values({
      token_hash: invitation.tokenHash,
      centre_id: invitation.centreId,
      email: invitation.email,
      name: invitation.name,
      role: invitation.role,
      invited_by: invitation.invitedBy,
      expires_at: invitation.expiresAt,
      team_id: invitation.teamId ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A new invitation replaces the ones still open for the same address: only the newest link works. */
export async function deleteOpenInvitations(db: Kysely<Database>, centreId: number, email: string) {
  return db
    .deleteFrom("invitation")
    .where("centre_id", "=", centreId)
    .where("email", "=", email)
    .where("accepted_at", "is", null)
    .returningAll()
    .execute();
}

/** Invitations not yet accepted and not expired, newest first, with who sent them. */
export async function listPendingInvitations(db: Kysely<Database>, centreId: number, now: Date) {
  return db
    .selectFrom("invitation")
    .leftJoin("app_user as inviter", "inviter.id", "invitation.invited_by")
    .select([
      "invitation.email",
      "invitation.name",
      "invitation.role",
      "invitation.created_at",
      "invitation.expires_at",
      "inviter.name as inviter_name",
    ])
    .where("invitation.centre_id", "=", centreId)
    .where("invitation.accepted_at", "is", null)
    .where("invitation.expires_at", ">", now)
    .orderBy("invitation.created_at", "desc")
    .execute();
}

/** An invitation by its token's hash, with the inviter's name and the centre's names. */
export async function findInvitation(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("invitation")
    .innerJoin("centre", "centre.id", "invitation.centre_id")
    .leftJoin("app_user as inviter", "inviter.id", "invitation.invited_by")
    .select([
      "invitation.token_hash",
      "invitation.centre_id",
      "invitation.email",
      "invitation.name",
      "invitation.role",
      "invitation.expires_at",
      "invitation.accepted_at",
      "inviter.name as inviter_name",
      "centre.name_vi as centre_name_vi",
      "centre.name_en as centre_name_en",
    ])
    .where("invitation.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** The invitation row, locked until the transaction ends, so one link creates one account. */
export async function lockInvitation(trx: Kysely<Database>, tokenHash: string) {
  return trx.selectFrom("invitation").selectAll().where("token_hash", "=", tokenHash).forUpdate().executeTakeFirst();
}

export async function markInvitationAccepted(trx: Kysely<Database>, tokenHash: string, now: Date) {
  await trx.updateTable("invitation").set({ accepted_at: now }).where("token_hash", "=", tokenHash).execute();
}
