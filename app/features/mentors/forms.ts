import { z } from "zod";
import { MEETING_MODES } from "#db/schema";
import { calendarDate, emailField, optionalText, requiredText } from "~/utils/forms";
import { MENTOR_LANGUAGES, minutesOfDay } from "./rules";

// The mentor network's forms: one schema each, messages are dictionary keys.

const list = () =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

const wallClock = () =>
  z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .refine((value) => /^\d{2}:\d{2}$/.test(value) && minutesOfDay(value) !== null, {
      error: "mentors.error.invalidTime",
    });

export const tagFormSchema = z.object({
  nameVi: requiredText(80),
  nameEn: requiredText(80),
});

export const tagIdSchema = z.object({ tagId: z.coerce.number().int().positive() });

export const profileFormSchema = z.object({
  organisation: optionalText(200),
  title: optionalText(120),
  bio: optionalText(2000),
  phone: z
    .string()
    .trim()
    .max(30, { error: "form.tooLong" })
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || /^\+?[0-9 .-]{8,20}$/.test(value), { error: "mentors.error.invalidPhone" }),
  meetingMode: z.enum(MEETING_MODES, { error: "mentors.error.invalidMeetingMode" }),
  languages: list().pipe(
    z
      .array(z.enum(MENTOR_LANGUAGES, { error: "mentors.error.invalidLanguage" }))
      .min(1, { error: "mentors.error.languageRequired" }),
  ),
  tagIds: list().pipe(
    z.array(
      z
        .string()
        .regex(/^\d{1,9}$/, { error: "mentors.error.invalidTag" })
        .transform(Number),
    ),
  ),
});
export type ProfileForm = z.infer<typeof profileFormSchema>;

export const officeHoursFormSchema = z
  .object({
    weekday: z.coerce
      .number({ error: "mentors.error.invalidWeekday" })
      .int({ error: "mentors.error.invalidWeekday" })
      .min(1, { error: "mentors.error.invalidWeekday" })
      .max(7, { error: "mentors.error.invalidWeekday" }),
    startsAt: wallClock(),
    endsAt: wallClock(),
  })
  .refine((v) => (minutesOfDay(v.startsAt) ?? 0) < (minutesOfDay(v.endsAt) ?? 0), {
    path: ["endsAt"],
    error: "mentors.error.endBeforeStart",
  });
export type OfficeHoursForm = z.infer<typeof officeHoursFormSchema>;

export const awayFormSchema = z
  .object({
    startsOn: calendarDate("mentors.error.invalidDate"),
    endsOn: calendarDate("mentors.error.invalidDate"),
    note: optionalText(200),
  })
  .refine((v) => v.startsOn <= v.endsOn, { path: ["endsOn"], error: "mentors.error.endBeforeStart" });
export type AwayForm = z.infer<typeof awayFormSchema>;

export const rowIdSchema = z.object({ rowId: z.coerce.number().int().positive() });

export const inviteMentorSchema = z.object({
  name: requiredText(120),
  email: emailField(),
});

export const mentorIdSchema = z.object({ mentorId: z.uuid() });
