import { DateTime } from "luxon";
import { recordAudit } from "~/features/audit/record-audit.server";
import type { Kysely } from "kysely";
import type { Centre, Database } from "#db/schema";
import { findUserByEmail } from "~/features/auth/queries.server";
import { hashToken, newToken } from "~/features/auth/session.server";
import { composeInvitationEmail } from "~/features/invitations/invitation-email";
import { deleteOpenInvitations, insertInvitation } from "~/features/invitations/queries.server";
import { invitationExpiry } from "~/features/invitations/rules";
import { enqueueMessage } from "~/features/outbox/enqueue.server";
import { hasTeamNamed, isNameTaken } from "~/features/teams/save-team.server";
import { canMove } from "./rules";

export type IncubateResult =
  | { ok: true; teamId: string; linked: number; invited: number }
  | { ok: false; reason: "not-found" | "not-winner" | "team-name-taken" };

/**
 * The incubation period: a cohort's own dates; for a competition's winner, twelve months
 * from today (in the centre's zone).
 */
export function incubationPeriod(
  programme: { kind: "competition" | "cohort"; starts_on: string; ends_on: string },
  now: Date,
  zone: string,
): { startsOn: string; endsOn: string } {
  if (programme.kind === "cohort") return { startsOn: programme.starts_on, endsOn: programme.ends_on };
  const today = DateTime.fromJSDate(now).setZone(zone).startOf("day");
  return { startsOn: today.toISODate()!, endsOn: today.plus({ months: 12 }).minus({ days: 1 }).toISODate()! };
}

/**
 * A winning application becomes an incubated team, in one transaction: the team is created
 * from the application (its programme gives the team's desk quota), founders who already
 * have an account join it, the others are invited as founders of that team (they join on
 * accepting), and the application moves to incubated with its event and team. The caller
 * nudges the outbox after the commit.
 */
export async function incubateApplication(
  db: Kysely<Database>,
  input: {
    staff: { id: string; name: string; centre_id: number; role: string };
    centre: Pick<Centre, "id" | "name_vi" | "name_en" | "time_zone">;
    programmeId: string;
    applicationId: string;
    appUrl: string;
    now?: Date;
  },
): Promise<IncubateResult> {
  const now = input.now ?? new Date();
  try {
    return await db.transaction().execute(async (trx): Promise<IncubateResult> => {
      const application = await trx
        .selectFrom("application")
        .selectAll()
        .where("centre_id", "=", input.centre.id)
        .where("programme_id", "=", input.programmeId)
        .where("id", "=", input.applicationId)
        .forUpdate()
        .executeTakeFirst();
      if (!application) return { ok: false, reason: "not-found" };
      if (!canMove(application.status, "incubated")) return { ok: false, reason: "not-winner" };
      if (await hasTeamNamed(trx, input.centre.id, application.team_name))
        return { ok: false, reason: "team-name-taken" };
      const programme = await trx
        .selectFrom("programme")
        .select(["kind", "starts_on", "ends_on"])
        .where("id", "=", application.programme_id)
        .executeTakeFirstOrThrow();
      const period = incubationPeriod(programme, now, input.centre.time_zone);

      const team = await trx
        .insertInto("team")
        .values({
          centre_id: input.centre.id,
          name: application.team_name,
          status: "incubating",
          incubation_starts_on: period.startsOn,
          incubation_ends_on: period.endsOn,
          programme_id: application.programme_id,
          description: application.idea.slice(0, 1000),
          sector_id: application.sector_id,
          place: application.place,
          stage: application.stage,
        })
        .returning("id")
        .executeTakeFirstOrThrow();

      const founders = await trx
        .selectFrom("application_founder")
        .select(["name", "email"])
        .where("application_id", "=", application.id)
        .orderBy("position")
        .execute();
      let linked = 0;
      let invited = 0;
      const seen = new Set<string>();
      for (const founder of founders) {
        const email = founder.email.trim().toLowerCase();
        if (seen.has(email)) continue;
        seen.add(email);
        const account = await findUserByEmail(trx, email);
        if (account) {
          await trx
            .insertInto("team_member")
            .values({ team_id: team.id, user_id: account.id })
            .onConflict((oc) => oc.columns(["team_id", "user_id"]).doNothing())
            .execute();
          linked++;
          continue;
        }
        const token = newToken();
        const expiresAt = invitationExpiry(now);
        const link = `${input.appUrl}/invitations/${token}`;
        await deleteOpenInvitations(trx, input.centre.id, email);
        await insertInvitation(trx, {
          tokenHash: hashToken(token),
          centreId: input.centre.id,
          email,
          name: founder.name,
          role: "founder",
          invitedBy: input.staff.id,
          expiresAt,
          teamId: team.id,
        });
        const message = composeInvitationEmail({
          name: founder.name,
          inviterName: input.staff.name,
          role: "founder",
          centreName: { vi: input.centre.name_vi, en: input.centre.name_en },
          link,
          expiresAt,
        });
        await enqueueMessage(trx, { centreId: input.centre.id, kind: "invitation", to: email, ...message });
        invited++;
      }

      await trx
        .updateTable("application")
        .set({ status: "incubated", team_id: team.id, updated_at: now })
        .where("id", "=", application.id)
        .execute();
      await trx
        .insertInto("application_event")
        .values({
          application_id: application.id,
          from_status: application.status,
          to_status: "incubated",
          by_user_id: input.staff.id,
          at: now,
        })
        .execute();
      await recordAudit(trx, input.staff, {
        action: "application.incubate",
        entityType: "application",
        entityId: application.id,
        before: { team_name: application.team_name, status: application.status, team_id: application.team_id },
        after: { team_name: application.team_name, status: "incubated", team_id: team.id },
      });
      return { ok: true, teamId: team.id, linked, invited };
    });
  } catch (error) {
    // Another team took the name at the same moment: the unique index decided.
    if (isNameTaken(error)) return { ok: false, reason: "team-name-taken" };
    throw error;
  }
}
