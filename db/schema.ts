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
  /** The bank account transfers go to (VietQR): NAPAS BIN (6 digits), bank, number, holder. */
  bank_bin: ColumnType<string | null, string | null | undefined, string | null>;
  bank_name: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_number: ColumnType<string | null, string | null | undefined, string | null>;
  bank_account_name: ColumnType<string | null, string | null | undefined, string | null>;
  /** How long a bank transfer may take before the hold is released. */
  transfer_deadline_hours: Generated<number>;
  /** How long a booking waits for a card or desk payment. */
  hold_minutes: Generated<number>;
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
  programme_id: ColumnType<string | null, string | null | undefined, string | null>;
  description: Generated<string>;
  sector_id: ColumnType<number | null, number | null | undefined, number | null>;
  place: Generated<string>;
  stage: Generated<VentureStage>;
  website: ColumnType<string | null, string | null | undefined, string | null>;
  social_links: Generated<string[]>;
  jobs_created: Generated<number>;
  /** Private to the team and staff. */
  revenue_band: ColumnType<RevenueBand | null, RevenueBand | null | undefined, RevenueBand | null>;
  directory_listed: Generated<boolean>;
  /** The profile fields the team shows in the public directory. */
  directory_fields: Generated<string[]>;
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
  /** The team a founder invited at incubation joins on accepting. */
  team_id: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** A held booking is released at this time unless paid. */
  hold_expires_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  payment_id: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export const VENTURE_STAGES = ["idea", "prototype", "early_revenue", "growth"] as const;
export type VentureStage = (typeof VENTURE_STAGES)[number];

export const REVENUE_BANDS = ["none", "under_100m", "100m_500m", "500m_1b", "1b_5b", "over_5b"] as const;
export type RevenueBand = (typeof REVENUE_BANDS)[number];

export const APPLICATION_STATUSES = [
  "submitted",
  "under_review",
  "shortlisted",
  "finalist",
  "winner",
  "not_selected",
  "incubated",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const MILESTONE_STATUSES = ["planned", "in_progress", "done", "dropped"] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

// sector: the centre's list of sectors (applications and teams name one).
export interface SectorTable {
  id: Generated<number>;
  centre_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
}

// programme: a competition edition or an incubation cohort.
export interface ProgrammeTable {
  id: Generated<string>;
  centre_id: number;
  kind: "competition" | "cohort";
  slug: string;
  name_vi: string;
  name_en: string;
  starts_on: ColumnType<string, string, string>;
  ends_on: ColumnType<string, string, string>;
  applications_open_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  applications_close_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  rules_vi: Generated<string>;
  rules_en: Generated<string>;
  /** NULL: the centre's booking policy decides. */
  free_desk_days_per_team_week: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ApplicationTable {
  id: Generated<string>;
  centre_id: number;
  programme_id: string;
  team_name: string;
  idea: string;
  problem: string;
  sector_id: number;
  place: string;
  stage: VentureStage;
  jobs_expected: number;
  links: Generated<string[]>;
  /** The first founder's email, lower-cased. */
  contact_email: string;
  status: Generated<ApplicationStatus>;
  pitch_file_key: string | null;
  pitch_file_name: string | null;
  pitch_file_bytes: number | null;
  edit_token_hash: string;
  team_id: string | null;
  submitted_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface ApplicationFounderTable {
  application_id: string;
  position: number;
  name: string;
  email: string;
  phone: string;
}

export interface ApplicationEventTable {
  id: Generated<string>;
  application_id: string;
  from_status: ApplicationStatus | null;
  to_status: ApplicationStatus;
  by_user_id: string | null;
  note: string | null;
  at: CreatedAt;
}

export interface JudgingRoundTable {
  id: Generated<string>;
  programme_id: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  scoring_closes_at: Timestamp;
  created_at: CreatedAt;
}

export interface RubricCriterionTable {
  id: Generated<string>;
  round_id: string;
  name_vi: string;
  name_en: string;
  /** numeric: read as a string by pg. */
  weight: ColumnType<string, string | number, string | number>;
  min_score: Generated<number>;
  max_score: Generated<number>;
  sort_order: Generated<number>;
}

export interface JudgeAssignmentTable {
  round_id: string;
  judge_id: string;
  application_id: string;
  comment: Generated<string>;
  conflict_declared_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  conflict_note: string | null;
  scored_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface JudgeScoreTable {
  round_id: string;
  judge_id: string;
  application_id: string;
  criterion_id: string;
  score: number;
}

export interface MilestoneTable {
  id: Generated<string>;
  team_id: string;
  title: string;
  due_on: ColumnType<string, string, string>;
  status: Generated<MilestoneStatus>;
  evidence: Generated<string>;
  done_on: ColumnType<string | null, string | null | undefined, string | null>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export const MEETING_MODES = ["centre", "online", "both"] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

export const SESSION_STATUSES = ["proposed", "confirmed", "declined", "cancelled", "done", "no_show"] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
/** Sessions that hold their time for the mentor and the team (the exclusion constraints). */
export const HOLDING_SESSION_STATUSES = [
  "proposed",
  "confirmed",
  "done",
  "no_show",
] as const satisfies readonly SessionStatus[];

type NullableDate = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type LocalDate = ColumnType<string, string, string>;

export interface ExpertiseTagTable {
  id: Generated<number>;
  centre_id: number;
  code: string;
  name_vi: string;
  name_en: string;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
}

export interface MentorProfileTable {
  user_id: string;
  organisation: Generated<string>;
  title: Generated<string>;
  bio: Generated<string>;
  languages: Generated<string[]>;
  meeting_mode: Generated<MeetingMode>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface MentorExpertiseTable {
  user_id: string;
  tag_id: number;
}

/** Weekly office hours, local "HH:MM[:SS]" in the centre's zone. */
export interface OfficeHoursTable {
  id: Generated<number>;
  mentor_id: string;
  weekday: number;
  starts_at: string;
  ends_at: string;
}

export interface MentorAwayTable {
  id: Generated<number>;
  mentor_id: string;
  starts_on: LocalDate;
  ends_on: LocalDate;
  note: Generated<string>;
}

export interface MentorAssignmentTable {
  id: Generated<string>;
  centre_id: number;
  mentor_id: string;
  team_id: string;
  starts_on: LocalDate;
  ends_on: LocalDate;
  focus: Generated<string>;
  /** numeric: read as a string by pg. */
  planned_hours: ColumnType<string, string | number, string | number>;
  status: Generated<"active" | "ended">;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface MentorRequestTable {
  id: Generated<string>;
  centre_id: number;
  team_id: string;
  requested_by: string | null;
  tag_id: number | null;
  note: Generated<string>;
  status: Generated<"open" | "answered" | "declined">;
  answer: Generated<string>;
  assignment_id: string | null;
  answered_by: string | null;
  answered_at: NullableDate;
  created_at: CreatedAt;
}

export interface MentoringSessionTable {
  id: Generated<string>;
  centre_id: number;
  assignment_id: string;
  mentor_id: string;
  team_id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  mode: "centre" | "online";
  resource_id: string | null;
  booking_id: string | null;
  online_url: string | null;
  topic: Generated<string>;
  status: Generated<SessionStatus>;
  proposed_by: string | null;
  proposed_side: "mentor" | "team" | "staff";
  answered_by: string | null;
  answered_at: NullableDate;
  cancelled_by: string | null;
  cancel_reason: string | null;
  notes: Generated<string>;
  action_items: Generated<string>;
  recorded_at: NullableDate;
  sequence: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export const CALENDAR_FEED_KINDS = ["person", "team", "resource", "centre"] as const;
export type CalendarFeedKind = (typeof CALENDAR_FEED_KINDS)[number];

// calendar_feed: an iCal feed link held by one account (owner_id); the token is the secret.
export interface CalendarFeedTable {
  id: Generated<string>;
  centre_id: number;
  kind: CalendarFeedKind;
  owner_id: string;
  /** kind 'team' only. */
  team_id: string | null;
  /** kind 'resource' only. */
  resource_id: string | null;
  token: string;
  created_at: CreatedAt;
  revoked_at: NullableDate;
}

export const PASS_KINDS = ["day_pass", "pack_10", "monthly_hot_desk"] as const;
export type PassKind = (typeof PASS_KINDS)[number];
export const PAYMENT_METHODS = ["card", "bank_transfer", "cash"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_STATUSES = [
  "pending",
  "paid",
  "failed",
  "expired",
  "cancelled",
  "refunded",
  "partially_refunded",
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

// pass_product: what the centre sells besides bookings (prices in đồng).
export interface PassProductTable {
  id: Generated<string>;
  centre_id: number;
  kind: PassKind;
  name_vi: string;
  name_en: string;
  price_vnd: number;
  /** Desk-days covered; NULL = unlimited within its validity. */
  uses: number | null;
  valid_days: number;
  is_active: Generated<boolean>;
  sort_order: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

// pass: one person's pass; pending until paid, then active from valid_from to valid_until.
export interface PassTable {
  id: Generated<string>;
  centre_id: number;
  user_id: string;
  product_id: string;
  kind: PassKind;
  uses_total: number | null;
  uses_left: number | null;
  valid_from: ColumnType<string | null, string | null | undefined, string | null>;
  valid_until: ColumnType<string | null, string | null | undefined, string | null>;
  status: Generated<"pending" | "active" | "cancelled">;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

// pass_use: the desk-day of a booking a pass paid for.
export interface PassUseTable {
  pass_id: string;
  booking_id: string;
  uses: Generated<number>;
  returned_at: NullableDate;
  created_at: CreatedAt;
}

// payment: money owed for one held booking or one pass, in whole đồng.
export interface PaymentTable {
  id: Generated<string>;
  centre_id: number;
  user_id: string | null;
  purpose: "booking" | "pass";
  booking_id: ColumnType<string | null, string | null | undefined, string | null>;
  pass_id: ColumnType<string | null, string | null | undefined, string | null>;
  amount_vnd: number;
  currency: Generated<"VND">;
  method: ColumnType<PaymentMethod | null, PaymentMethod | null | undefined, PaymentMethod | null>;
  status: Generated<PaymentStatus>;
  reference: string;
  stripe_checkout_session_id: ColumnType<string | null, string | null | undefined, string | null>;
  stripe_payment_intent_id: ColumnType<string | null, string | null | undefined, string | null>;
  due_at: Timestamp;
  paid_at: NullableDate;
  recorded_by: ColumnType<string | null, string | null | undefined, string | null>;
  receipt_number: ColumnType<number | null, number | null | undefined, number | null>;
  cancel_reason: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

export interface PaymentItemTable {
  id: Generated<number>;
  payment_id: string;
  description_vi: string;
  description_en: string;
  quantity: Generated<number>;
  unit_price_vnd: number;
  amount_vnd: number;
}

// refund: money going back; pending until staff pay it back (cash, transfer) or Stripe confirms.
export interface RefundTable {
  id: Generated<string>;
  payment_id: string;
  amount_vnd: number;
  status: Generated<"pending" | "succeeded" | "failed">;
  stripe_refund_id: ColumnType<string | null, string | null | undefined, string | null>;
  reason: string;
  created_by: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: CreatedAt;
  completed_at: NullableDate;
  completed_by: ColumnType<string | null, string | null | undefined, string | null>;
}

// stripe_event: webhook events by Stripe's id, so each is processed once.
export interface StripeEventTable {
  id: string;
  type: string;
  payment_id: ColumnType<string | null, string | null | undefined, string | null>;
  received_at: CreatedAt;
  processed_at: NullableDate;
  outcome: ColumnType<string | null, string | null | undefined, string | null>;
}

// audit_log: every change staff or admins make (issue 8), written in the change's transaction.
export interface AuditLogTable {
  /** bigint identity: read as a string by pg. */
  id: ColumnType<string, never, never>;
  centre_id: number;
  actor_id: string | null;
  actor_role: string;
  /** "<entity>.<verb>", e.g. "resource.update". */
  action: string;
  entity_type: string;
  entity_id: string;
  before: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: ColumnType<Record<string, unknown> | null, string | null, string | null>;
  at: CreatedAt;
  ip: string | null;
}

export const EVENT_KINDS = ["training", "workshop", "conference", "competition_round", "networking"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
/** The groups an event is for, and the group each registrant belongs to (the annual report). */
export const EVENT_AUDIENCES = ["founders", "tourism_cooperatives", "mentors", "public"] as const;
export type EventAudience = (typeof EVENT_AUDIENCES)[number];
export const EVENT_REGISTRATION_STATUSES = ["registered", "waitlisted", "cancelled"] as const;
export type EventRegistrationStatus = (typeof EVENT_REGISTRATION_STATUSES)[number];

// event: a training, workshop, conference, competition round or networking event, in a room
// of the centre (booked through the bookings core: booking_id) or at an outside venue.
export interface EventTable {
  id: Generated<string>;
  centre_id: number;
  kind: EventKind;
  title_vi: string;
  title_en: string;
  description_vi: Generated<string>;
  description_en: Generated<string>;
  organiser: Generated<string>;
  starts_at: Timestamp;
  ends_at: Timestamp;
  resource_id: string | null;
  booking_id: string | null;
  venue_text: Generated<string>;
  capacity: number;
  audiences: ColumnType<EventAudience[], EventAudience[], EventAudience[]>;
  counts_as_training: Generated<boolean>;
  programme_id: string | null;
  status: Generated<"scheduled" | "cancelled">;
  cancelled_at: NullableDate;
  /** Calendar SEQUENCE: bumped on every change. */
  sequence: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
}

// event_registration: a member (user_id) or a guest (guest_* fields) registered or waitlisted
// for an event. The token is shown again as the QR code and in a guest's cancel link.
export interface EventRegistrationTable {
  id: Generated<string>;
  event_id: string;
  user_id: string | null;
  guest_name: Generated<string>;
  guest_organisation: Generated<string>;
  guest_email: Generated<string>;
  guest_phone: Generated<string>;
  guest_locale: Generated<Locale>;
  audience: EventAudience;
  status: EventRegistrationStatus;
  /** Waitlist order (identity, taken after the event row is locked). */
  queue_order: ColumnType<string, never, never>;
  token: string;
  attended_at: NullableDate;
  attendance_marked_by: string | null;
  promoted_at: NullableDate;
  sequence: Generated<number>;
  created_at: CreatedAt;
  updated_at: DefaultedTimestamp;
  cancelled_at: NullableDate;
}

// plan_target: a year's target of the centre's plan, measured from the app's data (issue 8).
export interface PlanTargetTable {
  id: Generated<string>;
  centre_id: number;
  year: number;
  key: string;
  label_vi: string;
  label_en: string;
  measure: string;
  event_kind: string | null;
  event_audience: string | null;
  /** numeric: read as a string by pg. */
  target: ColumnType<string, string | number, string | number>;
  position: Generated<number>;
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
  sector: SectorTable;
  programme: ProgrammeTable;
  application: ApplicationTable;
  application_founder: ApplicationFounderTable;
  application_event: ApplicationEventTable;
  judging_round: JudgingRoundTable;
  rubric_criterion: RubricCriterionTable;
  judge_assignment: JudgeAssignmentTable;
  judge_score: JudgeScoreTable;
  milestone: MilestoneTable;
  expertise_tag: ExpertiseTagTable;
  mentor_profile: MentorProfileTable;
  mentor_expertise: MentorExpertiseTable;
  office_hours: OfficeHoursTable;
  mentor_away: MentorAwayTable;
  mentor_assignment: MentorAssignmentTable;
  mentor_request: MentorRequestTable;
  mentoring_session: MentoringSessionTable;
  calendar_feed: CalendarFeedTable;
  pass_product: PassProductTable;
  pass: PassTable;
  pass_use: PassUseTable;
  payment: PaymentTable;
  payment_item: PaymentItemTable;
  refund: RefundTable;
  stripe_event: StripeEventTable;
  event: EventTable;
  event_registration: EventRegistrationTable;
  plan_target: PlanTargetTable;
  audit_log: AuditLogTable;
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
export type Sector = Selectable<SectorTable>;
export type Programme = Selectable<ProgrammeTable>;
export type Application = Selectable<ApplicationTable>;
export type JudgingRound = Selectable<JudgingRoundTable>;
export type RubricCriterion = Selectable<RubricCriterionTable>;
export type Milestone = Selectable<MilestoneTable>;
export type MentorProfile = Selectable<MentorProfileTable>;
export type MentorAssignment = Selectable<MentorAssignmentTable>;
export type MentoringSession = Selectable<MentoringSessionTable>;
export type CalendarFeed = Selectable<CalendarFeedTable>;
export type PassProduct = Selectable<PassProductTable>;
export type Pass = Selectable<PassTable>;
export type Payment = Selectable<PaymentTable>;
export type PaymentItem = Selectable<PaymentItemTable>;
export type Refund = Selectable<RefundTable>;
export type CentreEvent = Selectable<EventTable>;
export type EventRegistration = Selectable<EventRegistrationTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type PlanTarget = Selectable<PlanTargetTable>;
