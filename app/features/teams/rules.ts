import { TEAM_STATUSES, type TeamStatus } from "#db/schema";

// Pure rules of startup teams: no database, no request. Unit-tested in tests/unit/teams-rules.test.ts.

export function isTeamStatus(value: unknown): value is TeamStatus {
  return typeof value === "string" && (TEAM_STATUSES as readonly string[]).includes(value);
}

/**
 * An incubation period may be open-ended; when it has an end, the end is on or after the
 * start (a one-day period is allowed). Dates are calendar days "yyyy-MM-dd", which compare
 * correctly as strings.
 */
export function isValidIncubationPeriod(startsOn: string, endsOn: string | null): boolean {
  return endsOn === null || endsOn >= startsOn;
}

/**
 * A team name as stored: Unicode NFC (Vietnamese typed on different keyboards arrives
 * composed or decomposed) with single spaces.
 */
export function normalizeTeamName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ");
}

/**
 * What makes two team names the same to a reader: letter case does not count, in
 * Vietnamese ("CHÈ" and "chè" are one name). The database's lower() folds only ASCII
 * letters when its locale is C, so this comparison is made here too.
 */
export function sameTeamName(a: string, b: string): boolean {
  return normalizeTeamName(a).toLocaleLowerCase("vi") === normalizeTeamName(b).toLocaleLowerCase("vi");
}
