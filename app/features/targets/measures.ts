import type { FigureRow } from "~/features/reports/report-rows";
import type { YearFigures } from "~/features/reports/rules";

// How a target is measured: a fixed list the app knows. Targets themselves (which measures a
// year's plan uses, their labels and values) are data staff set per year.
export const MEASURES = [
  "coworking_in_operation",
  "founders_trained",
  "event_held",
  "competition_held",
  "teams_incubated",
  "teams_supported",
  "participants",
  "mentoring_sessions",
  "mentoring_hours",
  "desk_days",
  "room_hours",
  "in_kind_value_vnd",
  "jobs_created",
] as const;
export type Measure = (typeof MEASURES)[number];

export function isMeasure(value: string): value is Measure {
  return (MEASURES as readonly string[]).includes(value);
}

/**
 * The progress of a measure from the year's figures. `eventsHeld` is the count of held events
 * of the target's kind and audience (only `event_held` uses it).
 */
export function measureValue(measure: Measure, figures: YearFigures, eventsHeld: number): number {
  switch (measure) {
    case "coworking_in_operation":
      // In operation: people used desks or rooms that year.
      return figures.deskDays + figures.roomHours > 0 ? 1 : 0;
    case "founders_trained":
      return figures.foundersTrained;
    case "event_held":
      return eventsHeld;
    case "competition_held":
      return figures.competitions;
    case "teams_incubated":
      return figures.teamsIncubated;
    case "teams_supported":
      return figures.teamsSupported;
    case "participants":
      return figures.participants;
    case "mentoring_sessions":
      return figures.mentoringSessions;
    case "mentoring_hours":
      return figures.mentoringHours;
    case "desk_days":
      return figures.deskDays;
    case "room_hours":
      return figures.roomHours;
    case "in_kind_value_vnd":
      return figures.inKindValueVnd;
    case "jobs_created":
      return figures.jobsCreated;
  }
}

/** The list that shows what a measure counts (the report's traceable lists, or the programmes). */
export function measureList(measure: Measure): FigureRow["list"] {
  switch (measure) {
    case "founders_trained":
      return "founders-trained";
    case "event_held":
    case "participants":
      return "events";
    case "teams_incubated":
    case "teams_supported":
    case "jobs_created":
      return "teams";
    case "mentoring_sessions":
    case "mentoring_hours":
      return "sessions";
    case "coworking_in_operation":
    case "desk_days":
    case "room_hours":
    case "in_kind_value_vnd":
      return "bookings";
    case "competition_held":
      return "programmes";
  }
}

/** Share of the target reached, 0–100 (a target of 0 is reached at once). */
export function progressPercent(value: number, target: number): number {
  if (target <= 0) return 100;
  return Math.min(100, Math.round((value / target) * 100));
}
