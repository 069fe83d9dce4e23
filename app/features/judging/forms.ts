import { z } from "zod";
import { APPLICATION_STATUSES } from "#db/schema";
import { requiredText } from "~/utils/forms";
import { parseWeight } from "./rules";

// The forms of judging; every message is a dictionary key shown beside its field.

const wholeNumber = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .regex(/^-?\d{1,4}$/, { error: "judging.error.wholeNumber" })
  .transform(Number);

const ids = (error: string) =>
  z
    .union([z.string(), z.array(z.string())], { error })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.uuid({ error })).min(1, { error }));

export const roundFormSchema = z.object({
  nameVi: requiredText(120),
  nameEn: requiredText(120),
  // "dd/MM/yyyy HH:mm" in the centre's zone; turned into an instant by the use case.
  scoringClosesAt: requiredText(20),
});
export type RoundForm = z.infer<typeof roundFormSchema>;

export const criterionFormSchema = z
  .object({
    nameVi: requiredText(120),
    nameEn: requiredText(120),
    weight: z
      .string({ error: "form.required" })
      .trim()
      .min(1, { error: "form.required" })
      .transform((value, ctx) => {
        const weight = parseWeight(value);
        if (weight === null) {
          ctx.addIssue({ code: "custom", message: "judging.error.weight" });
          return z.NEVER;
        }
        return weight;
      }),
    minScore: wholeNumber,
    maxScore: wholeNumber,
  })
  .refine((form) => form.maxScore > form.minScore, { path: ["maxScore"], error: "judging.error.range" });
export type CriterionForm = z.infer<typeof criterionFormSchema>;

export const criterionIdSchema = z.object({ criterionId: z.uuid() });

export const assignFormSchema = z.object({
  judgeId: z.uuid({ error: "judging.error.chooseJudge" }),
  applicationIds: ids("judging.error.chooseApplications"),
});

export const unassignFormSchema = z.object({ judgeId: z.uuid(), applicationId: z.uuid() });

export const statusFilterSchema = z.enum(APPLICATION_STATUSES).optional().catch(undefined);

export const conflictFormSchema = z.object({ note: requiredText(1000) });

/** The comment beside a judge's scores; the scores themselves are checked against the rubric. */
export const scoreCommentSchema = z.object({
  comment: z
    .string()
    .trim()
    .max(2000, { error: "judging.error.commentTooLong" })
    .optional()
    .transform((value) => value ?? ""),
});

/** The score fields of the form are named "score-<criterion id>". */
export function submittedScores(form: FormData): Record<string, string> {
  const scores: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith("score-") && typeof value === "string") scores[key.slice("score-".length)] = value;
  }
  return scores;
}
