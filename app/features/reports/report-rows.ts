import type { MessageKey } from "~/i18n/translate";
import type { ReportList, YearFigures } from "./rules";

// The report's figures in the order the report, the CSV and the spreadsheet show them: one
// definition, so the three cannot disagree.

export type FigureKey = Exclude<keyof YearFigures, "year" | "byAudience">;

export interface FigureRow {
  key: FigureKey;
  label: MessageKey;
  unit: MessageKey;
  /** The list behind the figure, or another page that lists what it counts. */
  list: ReportList | "programmes";
}

export interface ReportSection {
  title: MessageKey;
  rows: FigureRow[];
}

export const REPORT_SECTIONS: ReportSection[] = [
  {
    title: "reports.section.teams",
    rows: [
      { key: "teamsSupported", label: "reports.figure.teamsSupported", unit: "reports.unit.teams", list: "teams" },
      { key: "teamsIncubated", label: "reports.figure.teamsIncubated", unit: "reports.unit.teams", list: "teams" },
      { key: "jobsCreated", label: "reports.figure.jobsCreated", unit: "reports.unit.jobs", list: "teams" },
    ],
  },
  {
    title: "reports.section.training",
    rows: [
      {
        key: "foundersTrained",
        label: "reports.figure.foundersTrained",
        unit: "reports.unit.people",
        list: "founders-trained",
      },
      { key: "eventsHeld", label: "reports.figure.eventsHeld", unit: "reports.unit.events", list: "events" },
      { key: "participants", label: "reports.figure.participants", unit: "reports.unit.attendances", list: "events" },
      {
        key: "competitions",
        label: "reports.figure.competitions",
        unit: "reports.unit.competitions",
        list: "programmes",
      },
    ],
  },
  {
    title: "reports.section.mentoring",
    rows: [
      {
        key: "mentoringSessions",
        label: "reports.figure.mentoringSessions",
        unit: "reports.unit.sessions",
        list: "sessions",
      },
      { key: "mentoringHours", label: "reports.figure.mentoringHours", unit: "reports.unit.hours", list: "sessions" },
    ],
  },
  {
    title: "reports.section.coworking",
    rows: [
      { key: "deskDays", label: "reports.figure.deskDays", unit: "reports.unit.deskDays", list: "bookings" },
      { key: "roomHours", label: "reports.figure.roomHours", unit: "reports.unit.hours", list: "bookings" },
      { key: "inKindValueVnd", label: "reports.figure.inKindValueVnd", unit: "reports.unit.dong", list: "bookings" },
    ],
  },
];

/** The columns of the year-by-year comparison. */
export const COMPARISON_COLUMNS: ReadonlyArray<{ key: FigureKey; label: MessageKey }> = [
  { key: "teamsSupported", label: "reports.short.teamsSupported" },
  { key: "teamsIncubated", label: "reports.short.teamsIncubated" },
  { key: "foundersTrained", label: "reports.short.foundersTrained" },
  { key: "eventsHeld", label: "reports.short.eventsHeld" },
  { key: "participants", label: "reports.short.participants" },
  { key: "mentoringSessions", label: "reports.short.mentoringSessions" },
  { key: "mentoringHours", label: "reports.short.mentoringHours" },
  { key: "deskDays", label: "reports.short.deskDays" },
  { key: "roomHours", label: "reports.short.roomHours" },
  { key: "inKindValueVnd", label: "reports.short.inKindValueVnd" },
  { key: "jobsCreated", label: "reports.short.jobsCreated" },
];

/** The address of a figure's list for a year. */
export function listHref(list: FigureRow["list"], year: number, query: Record<string, string> = {}): string {
  if (list === "programmes") return "/staff/programmes";
  const search = new URLSearchParams({ year: String(year), ...query });
  return `/staff/reports/annual/${list}?${search.toString()}`;
}

/** Roman numerals for the report's numbered sections. */
export function roman(n: number): string {
  return ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"][n - 1] ?? String(n);
}
