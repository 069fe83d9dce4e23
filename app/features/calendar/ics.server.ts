import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { DateTime } from "luxon";
import type { CalendarEvent, CalendarInput } from "./types";

// Our own RFC 5545 writer (decision 014): ical-generator folds every line by encoding each
// character separately (~270 ms for 1,000 events); here each line is written once and folded
// once, with a fast path for ASCII lines. Both ical.js and node-ical read the output (tests).

const PRODID = "-//Son La Innovation Centre//Calendar//VI";
const MAX_OCTETS = 75;

/** TEXT values: backslash, semicolon, comma and newlines escaped (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  if (!/[\\;,\n\r]/.test(value)) return value;
  return value.replace(/\r\n?/g, "\n").replace(/[\\;,\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** One content line folded at 75 octets, never inside a UTF-8 character; lines joined by CRLF. */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 octets: short lines need no look.
  if (line.length <= 25) return line;
  let ascii = true;
  for (let i = 0; i < line.length; i++) {
    if (line.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    // Fast path: one octet per character.
    if (line.length <= MAX_OCTETS) return line;
    let out = line.slice(0, MAX_OCTETS);
    // Continuation lines start with a space, which counts towards their 75 octets.
    for (let i = MAX_OCTETS; i < line.length; i += MAX_OCTETS - 1) {
      out += "\r\n " + line.slice(i, i + MAX_OCTETS - 1);
    }
    return out;
  }
  if (Buffer.byteLength(line, "utf8") <= MAX_OCTETS) return line;
  let out = "";
  let start = 0;
  let octets = 0;
  let limit = MAX_OCTETS;
  for (let i = 0; i < line.length;) {
    const code = line.charCodeAt(i);
    // A surrogate pair is one 4-octet character: never split it.
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const width = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    if (octets + width > limit) {
      out += (start === 0 ? "" : "\r\n ") + line.slice(start, i);
      start = i;
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    octets += width;
    i += pair ? 2 : 1;
  }
  return out + (start === 0 ? "" : "\r\n ") + line.slice(start);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const pad4 = (n: number) => String(n).padStart(4, "0");

/** UTC date-time, e.g. 20261126T020000Z. */
export function utcStamp(date: Date): string {
  return (
    pad4(date.getUTCFullYear()) +
    pad2(date.getUTCMonth() + 1) +
    pad2(date.getUTCDate()) +
    "T" +
    pad2(date.getUTCHours()) +
    pad2(date.getUTCMinutes()) +
    pad2(date.getUTCSeconds()) +
    "Z"
  );
}

/**
 * Wall-clock time in the zone, e.g. 20261126T090000 (written with TZID). The zone's offset comes
 * from luxon, never from the process's own zone; it is cached per quarter hour of UTC, since
 * real zones change offset only on quarter-hour boundaries.
 */
export function zoneStamper(zone: string): (date: Date) => string {
  const offsets = new Map<number, number>();
  return (date) => {
    const ms = date.getTime();
    const bucket = Math.floor(ms / 900_000);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      offset = DateTime.fromMillis(ms, { zone }).offset;
      offsets.set(bucket, offset);
    }
    return utcStamp(new Date(ms + offset * 60_000)).slice(0, 15);
  };
}

const vtimezones = new Map<string, string[]>();
function vtimezoneLines(zone: string): string[] {
  let lines = vtimezones.get(zone);
  if (!lines) {
    const block = getVtimezoneComponent(zone);
    if (!block) throw new Error(`No VTIMEZONE for ${zone}`);
    lines = block.split(/\r?\n/).filter((line) => line.length > 0);
    vtimezones.set(zone, lines);
  }
  return lines;
}

/** The lines of one VEVENT, folded, without the trailing CRLF. */
function eventLines(event: CalendarEvent, zone: string, stamp: (d: Date) => string): string {
  const lines = [
    "BEGIN:VEVENT",
    foldLine(`UID:${event.uid}`),
    `SEQUENCE:${event.sequence}`,
    `DTSTAMP:${utcStamp(event.lastModified)}`,
    `CREATED:${utcStamp(event.created)}`,
    `LAST-MODIFIED:${utcStamp(event.lastModified)}`,
    `DTSTART;TZID=${zone}:${stamp(event.start)}`,
    `DTEND;TZID=${zone}:${stamp(event.end)}`,
    foldLine(`SUMMARY:${escapeText(event.summary)}`),
  ];
  if (event.description) lines.push(foldLine(`DESCRIPTION:${escapeText(event.description)}`));
  if (event.location) lines.push(foldLine(`LOCATION:${escapeText(event.location)}`));
  if (event.url) lines.push(foldLine(`URL:${event.url}`));
  lines.push(`STATUS:${event.status}`);
  // A cancelled item no longer takes the reader's time.
  lines.push(event.status === "CANCELLED" ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE");
  lines.push("END:VEVENT");
  return lines.join("\r\n");
}

/** The whole VCALENDAR: a VTIMEZONE for the zone, and every start and end tied to it (TZID). */
export function renderCalendar(input: CalendarInput): string {
  const stamp = zoneStamper(input.zone);
  const head = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${PRODID}`,
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    foldLine(`X-WR-CALNAME:${escapeText(input.name)}`),
    `X-WR-TIMEZONE:${input.zone}`,
    ...vtimezoneLines(input.zone),
  ];
  const parts: string[] = [head.join("\r\n")];
  for (const event of input.events) parts.push(eventLines(event, input.zone, stamp));
  parts.push("END:VCALENDAR\r\n");
  return parts.join("\r\n");
}
