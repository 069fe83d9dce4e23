import { spawnSync } from "node:child_process";
import path from "node:path";

// Parses a calendar with ical.js and with node-ical in a child process whose TZ is set, so the
// parsers run in that process time zone for real. Each returns the VEVENTs' instants.

export interface ParsedEvent {
  uid: string;
  start: number;
  end: number;
  status: string;
  sequence: number;
  summary: string;
  location: string;
}

const SCRIPT = `
import ICAL from "ical.js";
import nodeIcal from "node-ical";
const input = await new Promise((resolve) => { let s = ""; process.stdin.setEncoding("utf8");
  process.stdin.on("data", (c) => (s += c)); process.stdin.on("end", () => resolve(s)); });
const comp = new ICAL.Component(ICAL.parse(input));
for (const tz of comp.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(new ICAL.Timezone(tz));
const icaljs = comp.getAllSubcomponents("vevent").map((v) => {
  const e = new ICAL.Event(v);
  return { uid: e.uid, start: e.startDate.toJSDate().getTime(), end: e.endDate.toJSDate().getTime(),
    status: String(v.getFirstPropertyValue("status")), sequence: Number(v.getFirstPropertyValue("sequence")),
    summary: e.summary, location: e.location ?? "" };
});
const parsed = nodeIcal.sync.parseICS(input);
const nodeical = Object.values(parsed).filter((x) => x.type === "VEVENT").map((e) => ({
  uid: e.uid, start: new Date(e.start).getTime(), end: new Date(e.end).getTime(), status: String(e.status),
  sequence: Number(e.sequence), summary: typeof e.summary === "string" ? e.summary : e.summary?.val,
  location: typeof e.location === "string" ? e.location : (e.location?.val ?? "") }));
process.stdout.write(JSON.stringify({ tz: Intl.DateTimeFormat().resolvedOptions().timeZone, icaljs, nodeical }));
`;

export function parseInZone(ics: string, tz: string): { tz: string; icaljs: ParsedEvent[]; nodeical: ParsedEvent[] } {
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", SCRIPT], {
    input: ics,
    cwd: path.resolve(import.meta.dirname, "../.."),
    env: { ...process.env, TZ: tz },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`parse failed in ${tz}: ${result.stderr}`);
  return JSON.parse(result.stdout) as { tz: string; icaljs: ParsedEvent[]; nodeical: ParsedEvent[] };
}

export const ZONES = ["UTC", "America/New_York"] as const;
