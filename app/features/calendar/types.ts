// What a calendar shows of a booking, a mentoring session or an event: the one shape every
// feed and every single-event download is serialised from (ics.server.ts).

export type CalendarEventStatus = "CONFIRMED" | "TENTATIVE" | "CANCELLED";

export interface CalendarEvent {
  /** Stable for the life of the item, e.g. "booking-<uuid>@<host>". */
  uid: string;
  /** Grows with every change a calendar should see (the row's `sequence`). */
  sequence: number;
  start: Date;
  end: Date;
  /** Already in the reader's language ("Bận" / "Busy" for a resource feed without names). */
  summary: string;
  description: string;
  /** The room and the centre's address. */
  location: string;
  /** A link back to the item's page in the app. */
  url: string;
  status: CalendarEventStatus;
  created: Date;
  lastModified: Date;
}

export interface CalendarInput {
  /** X-WR-CALNAME, in the reader's language. */
  name: string;
  /** IANA zone every time is written in, with its VTIMEZONE; the centre's zone. */
  zone: string;
  events: CalendarEvent[];
}
