import { z } from "zod";
import { TEAM_STATUSES } from "#db/schema";
import { requiredText } from "~/utils/forms";
import { isValidIncubationPeriod, normalizeTeamName } from "./rules";

export const TEAM_NAME_MAX = 120;

const calendarDate = z.iso.date({ error: "teams.error.invalidDate" });

/**
 * The team form, used to create and to edit a team. Dates come from <input type="date">
 * as yyyy-MM-dd; the end date may be left empty.
 */
export const teamFormSchema = z
  .object({
    name: requiredText(TEAM_NAME_MAX).transform(normalizeTeamName),
    status: z.enum(TEAM_STATUSES, { error: "teams.error.invalidStatus" }),
    startsOn: z.string({ error: "form.required" }).trim().min(1, { error: "form.required" }).pipe(calendarDate),
    endsOn: z
      .string()
      .trim()
      .optional()
      .transform((value) => value || null)
      .pipe(calendarDate.nullable()),
  })
  .refine((team) => isValidIncubationPeriod(team.startsOn, team.endsOn), {
    path: ["endsOn"],
    error: "teams.error.endBeforeStart",
  });

export type TeamForm = z.infer<typeof teamFormSchema>;
