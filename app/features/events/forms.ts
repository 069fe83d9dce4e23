import { z } from "zod";
import { EVENT_AUDIENCES, EVENT_KINDS } from "#db/schema";
import { calendarDate, emailField, optionalText, requiredText } from "~/utils/forms";

/** The staff form for an event; the date and times are checked against the calendar by the use case. */
export const eventSchema = z
  .object({
    kind: z.enum(EVENT_KINDS, { error: "events.error.kind_required" }),
    titleVi: requiredText(200),
    titleEn: requiredText(200),
    descriptionVi: optionalText(5000),
    descriptionEn: optionalText(5000),
    organiser: optionalText(200),
    date: calendarDate("events.error.invalid_date"),
    start: requiredText(5),
    end: requiredText(5),
    resourceId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null),
    venueText: optionalText(300),
    capacity: z.coerce
      .number({ error: "events.error.capacity" })
      .int({ error: "events.error.capacity" })
      .min(1, { error: "events.error.capacity" })
      .max(5000, { error: "events.error.capacity" }),
    audiences: z
      .union([z.enum(EVENT_AUDIENCES), z.array(z.enum(EVENT_AUDIENCES))], { error: "events.error.audiences" })
      .transform((v) => (Array.isArray(v) ? [...new Set(v)] : [v])),
    countsAsTraining: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
    programmeId: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null),
  })
  .superRefine((value, ctx) => {
    if (!value.resourceId && !value.venueText)
      ctx.addIssue({ code: "custom", path: ["resourceId"], message: "events.error.place_required" });
  });
export type EventInput = z.infer<typeof eventSchema>;

export const cancelEventSchema = z.object({ reason: requiredText(500) });

/** A guest's registration: who they are and which group they belong to. */
export const guestSchema = z.object({
  name: requiredText(200),
  organisation: optionalText(200),
  email: emailField(),
  phone: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .regex(/^\+?[0-9 .-]{8,20}$/, { error: "events.error.phone" }),
  audience: z.enum(EVENT_AUDIENCES, { error: "events.error.audience_required" }),
});
export type GuestInput = z.infer<typeof guestSchema>;

export const attendanceSchema = z.object({
  registrationId: z.string().trim().min(1),
  present: z.enum(["yes", "no"]),
});

/** What staff typed, to put back in a refused form, with the checked groups kept as a list. */
export function formValues(form: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") values[key] = value;
  values.audiences = form.getAll("audiences").filter((v): v is string => typeof v === "string");
  return values;
}
