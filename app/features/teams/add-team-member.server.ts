import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { MessageKey } from "~/i18n/translate";
import { findUserInCentreByEmail } from "~/features/users/queries.server";
import { insertTeamMember } from "./queries.server";

export type AddMemberResult = { ok: true; name: string } | { ok: false; error: MessageKey };

/** Adds an existing founder account, found by its email, to a team of the same centre. */
export async function addTeamMember(
  db: Kysely<Database>,
  input: { centreId: number; teamId: string; email: string },
): Promise<AddMemberResult> {
  const user = await findUserInCentreByEmail(db, input.centreId, input.email);
  if (!user || !user.is_active) return { ok: false, error: "teams.error.noAccount" };
  if (user.role !== "founder") return { ok: false, error: "teams.error.notFounder" };
  const added = await insertTeamMember(db, input.teamId, user.id);
  return added ? { ok: true, name: user.name } : { ok: false, error: "teams.error.alreadyMember" };
}
