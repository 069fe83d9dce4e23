import { z } from "zod";
import { EVENT_AUDIENCES, EVENT_KINDS } from "~/features/reports/rules";
import { requiredText } from "~/utils/forms";
import { MEASURES } from "./measures";

const optionalChoice = <T extends readonly [string, ...string[]]>(
  values: T,
  error: "targets.error.kind" | "targets.error.audience",
) =>
  z
    .string()
    .optional()
    .transform((value) => value ?? "")
    .pipe(z.union([z.literal(""), z.enum(values, { error })]))
    .transform((value) => (value === "" ? null : value));

/** One target of a year's plan, as staff type it. */
export const targetFormSchema = z
  .object({
    key: z
      .string()
      .trim()
      .toLowerCase()
      .optional()
      .transform((value) => value ?? "")
      .pipe(z.union([z.literal(""), z.string().regex(/^[a-z0-9_]{1,60}$/, { error: "targets.error.key" })])),
    labelVi: requiredText(300),
    labelEn: requiredText(300),
    measure: z.enum(MEASURES, { error: "targets.error.measure" }),
    eventKind: optionalChoice(EVENT_KINDS, "targets.error.kind"),
    eventAudience: optionalChoice(EVENT_AUDIENCES, "targets.error.audience"),
    target: z
      .string({ error: "form.required" })
      .trim()
      .min(1, { error: "form.required" })
      .transform((value) => value.replace(",", "."))
      .pipe(
        z
          .string()
          .regex(/^\d{1,12}(\.\d{1,2})?$/, { error: "targets.error.target" })
          .transform((value) => Number(value)),
      ),
    position: z
      .string()
      .trim()
      .optional()
      .transform((value) => value ?? "")
      .pipe(z.union([z.literal(""), z.string().regex(/^\d{1,4}$/, { error: "targets.error.position" })]))
      .transform((value) => (value === "" ? null : Number(value))),
  })
  .transform((input) => {
    // Kind and audience narrow only the "event held" measure.
    const isEvent = input.measure === "event_held";
    const eventKind = isEvent ? input.eventKind : null;
    const eventAudience = isEvent ? input.eventAudience : null;
    const key = input.key || [input.measure, eventKind, eventAudience].filter(Boolean).join("_");
    return { ...input, key, eventKind, eventAudience };
  });
export type TargetInput = z.output<typeof targetFormSchema>;

export const targetIdSchema = z.object({ targetId: z.uuid({ error: "form.required" }) });
