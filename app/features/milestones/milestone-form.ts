import { z } from "zod";
import { MILESTONE_STATUSES } from "#db/schema";
import { requiredText } from "~/utils/forms";
import { parseDueDate } from "./rules";

export const MILESTONE_TITLE_MAX = 200;
export const EVIDENCE_MAX = 2000;

/** Adding and editing a milestone: the same fields. */
export const milestoneFormSchema = z.object({
  title: requiredText(MILESTONE_TITLE_MAX),
  dueOn: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .transform((value, ctx) => {
      const date = parseDueDate(value);
      if (date === null) {
        ctx.addIssue({ code: "custom", message: "milestones.error.invalidDate" });
        return z.NEVER;
      }
      return date;
    }),
  status: z.enum(MILESTONE_STATUSES, { error: "milestones.error.invalidStatus" }),
  evidence: z
    .string()
    .trim()
    .max(EVIDENCE_MAX, { error: "form.tooLong" })
    .optional()
    .transform((value) => value ?? ""),
});

export type MilestoneForm = z.infer<typeof milestoneFormSchema>;

export const milestoneIdSchema = z.object({ milestoneId: z.uuid() });
