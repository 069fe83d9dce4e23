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

export const RESOURCE_KINDS = ["hot_desk", "fixed_desk", "meeting_room", "event_hall", "phone_booth"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const AMENITIES = [
  "screen",
  "whiteboard",
  "video_kit",
  "air_conditioning",
  "power",
  "locker",
  "sound_system",
] as const;
export type Amenity = (typeof AMENITIES)[number];

export const AUDIENCES = ["everyone", "members", "incubated_teams", "staff"] as const;
export type Audience = (typeof AUDIENCES)[number];

export const CLOSURE_KINDS = ["holiday", "maintenance", "event", "other"] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const BOOKING_STATUSES = ["held", "confirmed", "checked_in", "cancelled", "no_show"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
/** Statuses that occupy the resource (the exclusion constraint's WHERE clause). */
export const ACTIVE_BOOKING_STATUSES = ["held", "confirmed", "checked_in"] as const satisfies readonly BookingStatus[];

export const DAY_PARTS = ["morning", "afternoon", "day"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

export interface FloorTable {
  id: Generated<string>;
  centre_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  plan_width: Generated<number>;
  plan_height: Generated<number>;
}

export interface ResourceTable {
  id: Generated<string>;
  centre_id: number;
  floor_id: string;
  code: string;
  kind: ResourceKind;
  name_vi: string;
  name_en: string;
  capacity: number;
  amenities: ColumnType<Amenity[], Amenity[] | undefined, Amenity[]>;
  audience: Generated<Audience>;
  price_hour_vnd: number | null;
  price_half_day_vnd: number | null;
  price_day_vnd: number | null;
  plan_x: number;
  plan_y: number;
  plan_width: number;
  plan_height: number;
  is_active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface FixedDeskAssignmentTable {
  id: Generated<string>;
  resource_id: string;
  team_id: string;
  starts_on: string;
  ends_on: string;
}

export interface ClosureTable {
  id: Generated<string>;
  centre_id: number;
  resource_id: string | null;
  kind: ClosureKind;
  reason_vi: string;
  reason_en: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface BookingPolicyTable {
  centre_id: number;
  max_days_ahead: Generated<number>;
  max_room_minutes: Generated<number>;
  max_desk_days: Generated<number>;
  free_desk_days_per_person_week: Generated<number>;
  free_desk_days_per_team_week: Generated<number>;
  cancel_deadline_minutes: Generated<number>;
  check_in_opens_minutes: Generated<number>;
  check_in_closes_minutes: Generated<number>;
  /** Local "HH:MM:SS" where a desk's morning ends and afternoon starts. */
  midday: Generated<string>;
  updated_at: DefaultedTimestamp;
}

export interface BookingSeriesTable {
  id: Generated<string>;
  centre_id: number;
  resource_id: string;
  user_id: string;
  weekdays: number[];
  until_on: string | null;
  occurrences: number | null;
  created_at: CreatedAt;
}

export interface BookingTable {
  id: Generated<string>;
  centre_id: number;
  resource_id: string;
  user_id: string | null;
  team_id: string | null;
  booked_by: string | null;
  series_id: string | null;
  purpose: Generated<"booking" | "block">;
  status: BookingStatus;
  day_part: DayPart | null;
  starts_at: Timestamp;
  ends_at: Timestamp;
  attendees: Generated<number>;
  title: string | null;
  price_vnd: Generated<number>;
  checked_in_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  sequence: Generated<number>;
  /** When the day-before reminder was enqueued (sent once). */
  reminder_sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
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
  floor: FloorTable;
  resource: ResourceTable;
  fixed_desk_assignment: FixedDeskAssignmentTable;
  closure: ClosureTable;
  booking_policy: BookingPolicyTable;
  booking_series: BookingSeriesTable;
  booking: BookingTable;
}

export type Centre = Selectable<CentreTable>;
export type NewCentre = Insertable<CentreTable>;
export type User = Selectable<UserTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type Team = Selectable<TeamTable>;
export type OutboxMessage = Selectable<OutboxTable>;
export type Floor = Selectable<FloorTable>;
export type Resource = Selectable<ResourceTable>;
export type Closure = Selectable<ClosureTable>;
export type BookingPolicy = Selectable<BookingPolicyTable>;
export type Booking = Selectable<BookingTable>;
