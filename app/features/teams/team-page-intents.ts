/** The forms a team's page offers to everyone who may edit the team (founders and staff). */
export const TEAM_PAGE_INTENTS = ["profile", "directory", "milestone-add", "milestone-edit"] as const;
export type TeamPageIntent = (typeof TEAM_PAGE_INTENTS)[number];

export function isTeamPageIntent(value: unknown): value is TeamPageIntent {
  return typeof value === "string" && (TEAM_PAGE_INTENTS as readonly string[]).includes(value);
}
