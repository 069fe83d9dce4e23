import { TEAM_STATUSES, type Role, type TeamStatus, type VentureStage } from "#db/schema";
import { can } from "~/features/auth/permissions";

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

// ——— Who may see and change a team ———

export interface TeamViewer {
  id: string;
  role: Role;
}

export interface TeamAccess {
  /** The private profile: milestones, support received, members' emails. */
  see: boolean;
  /** The profile, milestones and directory settings. */
  edit: boolean;
  /** Status and incubation dates, and the members. */
  manage: boolean;
  /** The revenue band (docs/decisions/009-team-profiles.md): the team and staff only. */
  seeRevenue: boolean;
}

const NO_ACCESS: TeamAccess = { see: false, edit: false, manage: false, seeRevenue: false };

/**
 * The one place that decides what a signed-in person may do with a team's private pages.
 * Staff see and change every team; a founder sees and edits the teams they belong to; a
 * mentor with an ACTIVE assignment to the team sees its private page but never edits it and
 * never sees the revenue band (docs/decisions/009-team-profiles.md, 012-mentor-assignments.md).
 * `mentorIds` are the mentors of the team's active assignments.
 */
export function teamAccess(
  viewer: TeamViewer | null,
  memberIds: readonly string[],
  mentorIds: readonly string[] = [],
): TeamAccess {
  if (!viewer) return NO_ACCESS;
  if (can(viewer.role, "teams:manage")) return { see: true, edit: true, manage: true, seeRevenue: true };
  if (viewer.role === "founder" && memberIds.includes(viewer.id)) {
    return { see: true, edit: true, manage: false, seeRevenue: true };
  }
  if (viewer.role === "mentor" && mentorIds.includes(viewer.id)) {
    return { see: true, edit: false, manage: false, seeRevenue: false };
  }
  return NO_ACCESS;
}

export function canSeeTeam(
  viewer: TeamViewer | null,
  memberIds: readonly string[],
  mentorIds: readonly string[] = [],
): boolean {
  return teamAccess(viewer, memberIds, mentorIds).see;
}

// ——— Profile values ———

export const SOCIAL_LINKS_MAX = 10;
export const LINK_MAX = 300;

/** An absolute http(s) address; anything else (javascript:, mailto:, bare words) is refused. */
export function isWebLink(value: string): boolean {
  if (value.length > LINK_MAX) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** One link per line; blank lines and surrounding spaces dropped. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

// ——— The public directory ———

/**
 * The fields a team may choose to show in the public directory. Name and status are the
 * entry itself. Revenue, emails and phones are never among them.
 */
export const DIRECTORY_FIELDS = [
  "description",
  "sector",
  "place",
  "stage",
  "period",
  "website",
  "social_links",
  "jobs_created",
  "founders",
] as const;
export type DirectoryField = (typeof DIRECTORY_FIELDS)[number];

export function isDirectoryField(value: unknown): value is DirectoryField {
  return typeof value === "string" && (DIRECTORY_FIELDS as readonly string[]).includes(value);
}

/** Only listed teams that are incubating or have graduated appear in the directory. */
export function isInDirectory(team: { directory_listed: boolean; status: TeamStatus }): boolean {
  return team.directory_listed && (team.status === "incubating" || team.status === "graduated");
}

export interface DirectorySource {
  id: string;
  name: string;
  status: TeamStatus;
  description: string;
  sector: { name_vi: string; name_en: string } | null;
  place: string;
  stage: VentureStage;
  incubation_starts_on: string;
  incubation_ends_on: string | null;
  website: string | null;
  social_links: string[];
  jobs_created: number;
  founders: string[];
  directory_fields: string[];
}

/** A public card: the name and status, plus only the fields the team chose to show. */
export interface DirectoryCard {
  id: string;
  name: string;
  status: TeamStatus;
  description?: string;
  sector?: { name_vi: string; name_en: string };
  place?: string;
  stage?: VentureStage;
  period?: { startsOn: string; endsOn: string | null };
  website?: string;
  social_links?: string[];
  jobs_created?: number;
  founders?: string[];
}

/**
 * Builds the public card field by field from an allow-list, so a column added to the team
 * later cannot reach the directory by accident.
 */
export function directoryCard(team: DirectorySource): DirectoryCard {
  const shown = new Set(team.directory_fields.filter(isDirectoryField));
  const card: DirectoryCard = { id: team.id, name: team.name, status: team.status };
  if (shown.has("description") && team.description) card.description = team.description;
  if (shown.has("sector") && team.sector) card.sector = { name_vi: team.sector.name_vi, name_en: team.sector.name_en };
  if (shown.has("place") && team.place) card.place = team.place;
  if (shown.has("stage")) card.stage = team.stage;
  if (shown.has("period")) card.period = { startsOn: team.incubation_starts_on, endsOn: team.incubation_ends_on };
  if (shown.has("website") && team.website) card.website = team.website;
  if (shown.has("social_links") && team.social_links.length > 0) card.social_links = [...team.social_links];
  if (shown.has("jobs_created")) card.jobs_created = team.jobs_created;
  if (shown.has("founders") && team.founders.length > 0) card.founders = [...team.founders];
  return card;
}
