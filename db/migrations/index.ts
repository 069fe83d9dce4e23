import type { Migration } from "kysely";
import * as foundation from "./20261125T2200_foundation";
import * as outboxDueIndex from "./20261125T2230_outbox_due_index";
import * as spacesAndBookings from "./20261125T2300_spaces_and_bookings";
import * as bookingReminder from "./20261125T2310_booking_reminder";
import * as incubation from "./20261126T0500_incubation";
import * as bookResourceFunction from "./20261126T0510_book_resource_function";
import * as mentors from "./20261126T0600_mentors";
import * as calendars from "./20261126T0700_calendars";
import * as payments from "./20261126T0710_payments";
import * as events from "./20261126T0720_events";
import * as audit from "./20261126T0730_audit";
import * as targets from "./20261126T0740_targets";

// Migrations are listed here rather than read from the folder at run time, so the same
// list works in the bundled server, in scripts run by tsx and in tests. Names sort in time.
export const migrations: Record<string, Migration> = {
  "20261125T2200_foundation": foundation,
  "20261125T2230_outbox_due_index": outboxDueIndex,
  "20261125T2300_spaces_and_bookings": spacesAndBookings,
  "20261125T2310_booking_reminder": bookingReminder,
  "20261126T0500_incubation": incubation,
  "20261126T0510_book_resource_function": bookResourceFunction,
  "20261126T0600_mentors": mentors,
  "20261126T0700_calendars": calendars,
  "20261126T0710_payments": payments,
  "20261126T0720_events": events,
  "20261126T0730_audit": audit,
  "20261126T0740_targets": targets,
};
