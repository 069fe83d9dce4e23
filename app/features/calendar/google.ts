import type { CalendarEvent } from "./types";

// Links that open a calendar's "new event" form already filled in with one booking or
// session. They carry a copy, not a subscription: later changes reach a calendar only
// through the .ics feeds.

type LinkedEvent = Pick<CalendarEvent, "summary" | "description" | "location" | "url" | "start" | "end">;

/** Browsers and Google refuse very long addresses; the description is the part that can give way. */
const MAX_DETAILS = 1000;

/** 2026-12-01T02:00:00.000Z → 20261201T020000Z (UTC, the form Google's `dates` expects). */
export function googleInstant(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z")
    .replace(/[-:]/g, "");
}

function details(event: LinkedEvent): string {
  const text = event.description.trim();
  const room = MAX_DETAILS - event.url.length - 2;
  const body = text.length > room ? `${text.slice(0, Math.max(0, room - 1)).trimEnd()}…` : text;
  return body ? `${body}\n\n${event.url}` : event.url;
}

/** "Add to Google Calendar": the event's instants in UTC, shown in the centre's zone. */
export function googleCalendarUrl(event: LinkedEvent, zone: string): string {
  const params = new URLSearchParams({
    action: "TEMPLATE",
    text: event.summary,
    dates: `${googleInstant(event.start)}/${googleInstant(event.end)}`,
    details: details(event),
    location: event.location,
    ctz: zone,
  });
  return `https://calendar.google.com/calendar/render?${params.toString()}`;
}

/** The same for Outlook.com (personal Microsoft accounts). */
export function outlookCalendarUrl(event: LinkedEvent): string {
  const params = new URLSearchParams({
    path: "/calendar/action/compose",
    rru: "addevent",
    subject: event.summary,
    startdt: event.start.toISOString(),
    enddt: event.end.toISOString(),
    body: details(event),
    location: event.location,
  });
  return `https://outlook.live.com/calendar/0/deeplink/compose?${params.toString()}`;
}

/** The three ways a page offers to put one event in a calendar. */
export function eventCalendarLinks(event: LinkedEvent, zone: string, downloadPath: string) {
  return { download: downloadPath, google: googleCalendarUrl(event, zone), outlook: outlookCalendarUrl(event) };
}
