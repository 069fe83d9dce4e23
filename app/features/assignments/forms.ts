import { z } from "zod";
import { calendarDate, requiredText } from "~/utils/forms";

// The forms of assignments and requests for a mentor: one schema each, messages are dictionary keys.

export const PLANNED_HOURS_MAX = 500;

export const assignFormSchema = z
  .object({
    mentorId: z.uuid({ error: "assignments.error.chooseMentor" }),
    teamId: z.uuid({ error: "assignments.error.chooseTeam" }),
    startsOn: calendarDate("mentors.error.invalidDate"),
    endsOn: calendarDate("mentors.error.invalidDate"),
    focus: requiredText(300),
    plannedHours: z
      .string({ error: "form.required" })
      .trim()
      .min(1, { error: "form.required" })
      .transform((value) => Number(value.replace(",", ".")))
      .pipe(
        z
          .number({ error: "assignments.error.plannedHours" })
          .gt(0, { error: "assignments.error.plannedHours" })
          .max(PLANNED_HOURS_MAX, { error: "assignments.error.plannedHours" })
          .refine((n) => Number.isInteger(n * 2), { error: "assignments.error.plannedHours" }),
      ),
    requestId: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.uuid().optional()),
  })
  .refine((v) => v.startsOn <= v.endsOn, { path: ["endsOn"], error: "mentors.error.endBeforeStart" });
export type AssignForm = z.infer<typeof assignFormSchema>;

export const assignmentIdSchema = z.object({ assignmentId: z.uuid() });

export const requestFormSchema = z.object({
  teamId: z.uuid(),
  tagId: z.coerce
    .number({ error: "assignments.error.chooseTag" })
    .int()
    .positive({ error: "assignments.error.chooseTag" }),
  note: requiredText(1000),
});

export const answerFormSchema = z.object({
  requestId: z.uuid(),
  decision: z.enum(["reply", "decline"], { error: "assignments.error.decision" }),
  answer: requiredText(1000),
});
