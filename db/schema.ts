import type { ColumnType, Generated, Insertable, Selectable, Updateable } from "kysely";

/** Timestamps are written as Date and read as Date (timestamptz). */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** A timestamp with a database default: optional on insert. */
type DefaultedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const ROLES = ["founder", "mentor", "staff", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["vi", "en"] as const;
export type Locale = (typeof LOCALES)[number];

export const TEAM_STATUSES = ["incubating", "graduated", "left"] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

// centre: the organisation this installation serves. Everything else hangs off it,
// so another province's centre runs the same code with its own row.
export interface CentreTable {
  id: Generated<number>;
  slug: string;
  name_vi: string;
  name_en: string;
  short_name_vi: string;
  short_name_en: string;
  legal_name: string;
  tax_code: string | null;
  address_vi: string;
  address_en: string;
  phone: string | null;
  email: string | null;
  website: string | null;
  time_zone: Generated<string>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

// opening_hours: one row per open weekday (ISO 1 = Monday … 7 = Sunday); a missing
// weekday means the centre is closed that day. Times are local wall-clock "HH:MM".
export interface OpeningHoursTable {
  centre_id: number;
  weekday: number;
  opens_at: string;
  closes_at: string;
}

export interface UserTable {
  id: Generated<string>;
  centre_id: number;
  email: string;
  name: string;
  phone: string | null;
  role: Role;
  password_hash: string | null;
  locale: Locale | null;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface TeamTable {
  id: Generated<string>;
  centre_id: number;
  name: string;
  status: Generated<TeamStatus>;
  incubation_starts_on: ColumnType<string, string, string>;
  incubation_ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface TeamMemberTable {
  team_id: string;
  user_id: string;
  joined_at: CreatedAt;
}

// auth_session: a signed-in browser. Only the SHA-256 of the cookie token is stored,
// so a leaked table cannot be replayed as cookies.
export interface AuthSessionTable {
  id_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  last_seen_at: DefaultedTimestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

export interface InvitationTable {
  token_hash: string;
  centre_id: number;
  email: string;
  name: string;
  role: Role;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
}

// sign_in_throttle: failed sign-ins per key ("email:…" or "ip:…"), shared by all app instances.
export interface SignInThrottleTable {
  key: string;
  failures: number;
  first_failure_at: Timestamp;
  locked_until: Timestamp | null;
}

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "kept"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export interface OutboxTable {
  id: Generated<string>;
  centre_id: number | null;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  next_attempt_at: DefaultedTimestamp;
  sent_at: Timestamp | null;
}

export interface Database {
  centre: CentreTable;
  opening_hours: OpeningHoursTable;
  app_user: UserTable;
  team: TeamTable;
  team_member: TeamMemberTable;
  auth_session: AuthSessionTable;
  password_reset: PasswordResetTable;
  invitation: InvitationTable;
  sign_in_throttle: SignInThrottleTable;
  outbox: OutboxTable;
}

export type Centre = Selectable<CentreTable>;
export type NewCentre = Insertable<CentreTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Team = Selectable<TeamTable>;
export type OutboxMessage = Selectable<OutboxTable>;
