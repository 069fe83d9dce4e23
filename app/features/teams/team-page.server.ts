import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { listMilestones } from "~/features/milestones/queries.server";
import { isOverdue, localToday, milestoneProgress } from "~/features/milestones/rules";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { defaultSupportPeriod, type SupportPeriod } from "~/features/support/rules";
import { supportReceived } from "~/features/support/support-received.server";
import { findTeamProfile, listSectorChoices, type TeamProfileRow } from "./queries.server";
import type { TeamAccess } from "./rules";

/** The profile as a page may show it: the revenue band only when the viewer may see it. */
function visibleProfile(profile: TeamProfileRow, access: TeamAccess) {
  const { revenue_band, ...rest } = profile;
  return access.seeRevenue ? { ...rest, revenue_band } : rest;
}

/**
 * Everything a private team page shows (the founder's /team and the staff page) beside the
 * members, which both pages have already read to decide access: profile, milestones with
 * their overdue flags, progress and support received. The caller has already decided, with
 * teamAccess, that the viewer may see the team.
 */
export async function readTeamPage(
  db: Kysely<Database>,
  input: {
    centreId: number;
    teamId: string;
    access: TeamAccess;
    today: string;
    now: Date;
    zone: string;
    period?: SupportPeriod | null;
    /** The profile when the caller has already read it, so the row is not read twice. */
    profile?: TeamProfileRow;
  },
) {
  const profile = input.profile ?? (await findTeamProfile(db, input.centreId, input.teamId));
  if (!profile) return null;
  const period = input.period ?? defaultSupportPeriod(profile, input.today);
  const [milestones, sectors, support] = await Promise.all([
    listMilestones(db, profile.id),
    input.access.edit ? listSectorChoices(db, input.centreId, profile.sector_id) : Promise.resolve([]),
    supportReceived(db, { teamId: profile.id, period, zone: input.zone, now: input.now }),
  ]);
  return {
    profile: visibleProfile(profile, input.access),
    milestones: milestones.map((m) => ({ ...m, overdue: isOverdue(m, input.today) })),
    progress: milestoneProgress(milestones, input.today),
    support,
    sectors,
  };
}

export type TeamPage = NonNullable<Awaited<ReturnType<typeof readTeamPage>>>;

/** Now, today's local date and the zone, from the centre's own time zone. */
export async function centreClock(now = new Date()) {
  const centre = await requireCurrentCentre();
  return { now, zone: centre.time_zone, today: localToday(now, centre.time_zone) };
}
