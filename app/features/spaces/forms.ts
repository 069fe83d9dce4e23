import { z } from "zod";
import { AMENITIES, AUDIENCES, CLOSURE_KINDS, RESOURCE_KINDS } from "#db/schema";
import { requiredText } from "~/utils/forms";
import { isWallClock, parseDong } from "./rules";

// The staff forms of spaces; every message is a dictionary key shown beside its field.

const wholeNumber = (min: number, max: number) =>
  z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .regex(/^\d+$/, { error: "spacesAdmin.error.wholeNumber" })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: "spacesAdmin.error.outOfRange" })
        .max(max, { error: "spacesAdmin.error.outOfRange" }),
    );

const price = z
  .string()
  .optional()
  .transform((value, ctx) => {
    const parsed = parseDong(value ?? "");
    if (parsed === "invalid") {
      ctx.addIssue({ code: "custom", message: "spacesAdmin.error.price" });
      return z.NEVER;
    }
    return parsed;
  });

const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on");

const manyOf = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.enum(values, { error })));

export const resourceFormSchema = z.object({
  code: requiredText(20)
    .transform((value) => value.toUpperCase())
    .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9-]*$/, { error: "spacesAdmin.error.code" })),
  kind: z.enum(RESOURCE_KINDS, { error: "spacesAdmin.error.choose" }),
  nameVi: requiredText(120),
  nameEn: requiredText(120),
  capacity: wholeNumber(1, 500),
  amenities: manyOf(AMENITIES, "spacesAdmin.error.choose"),
  audience: z.enum(AUDIENCES, { error: "spacesAdmin.error.choose" }),
  priceHour: price,
  priceHalfDay: price,
  priceDay: price,
  floorId: z.uuid({ error: "spacesAdmin.error.choose" }),
  planX: wholeNumber(0, 100_000),
  planY: wholeNumber(0, 100_000),
  planWidth: wholeNumber(1, 100_000),
  planHeight: wholeNumber(1, 100_000),
  isActive: checkbox,
});
export type ResourceForm = z.infer<typeof resourceFormSchema>;

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** Seven days, each open (with its hours) or closed; a closed day's times are ignored. */
export const openingHoursSchema = z.record(z.string(), z.unknown()).transform((raw, ctx) => {
  const days: Array<{ weekday: number; opensAt: string; closesAt: string }> = [];
  for (const weekday of WEEKDAYS) {
    if (raw[`open${weekday}`] !== "on") continue;
    const opensAt = String(raw[`opens${weekday}`] ?? "").trim();
    const closesAt = String(raw[`closes${weekday}`] ?? "").trim();
    if (!isWallClock(opensAt)) {
      ctx.addIssue({ code: "custom", path: [`opens${weekday}`], message: "spacesAdmin.error.time" });
    } else if (!isWallClock(closesAt)) {
      ctx.addIssue({ code: "custom", path: [`closes${weekday}`], message: "spacesAdmin.error.time" });
    } else if (closesAt <= opensAt) {
      ctx.addIssue({ code: "custom", path: [`closes${weekday}`], message: "spacesAdmin.error.closesBeforeOpens" });
    } else {
      days.push({ weekday, opensAt, closesAt });
    }
  }
  return days;
});

export const policyFormSchema = z.object({
  maxDaysAhead: wholeNumber(1, 365),
  maxRoomMinutes: wholeNumber(30, 24 * 60),
  maxDeskDays: wholeNumber(1, 31),
  freeDeskDaysPerPersonWeek: wholeNumber(0, 7),
  freeDeskDaysPerTeamWeek: wholeNumber(0, 500),
  cancelDeadlineMinutes: wholeNumber(0, 7 * 24 * 60),
  checkInOpensMinutes: wholeNumber(0, 240),
  checkInClosesMinutes: wholeNumber(1, 240),
  midday: z.string({ error: "form.required" }).trim().refine(isWallClock, { error: "spacesAdmin.error.time" }),
});
export type PolicyForm = z.infer<typeof policyFormSchema>;

export const localDateTime = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "spacesAdmin.error.dateTime" });

/** The ids of the bookings in the way that staff were shown (a repeated hidden field). */
export const shownIds = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

export const closureFormSchema = z.object({
  // "centre" closes the whole centre; otherwise the id of the one resource closed.
  scope: z
    .string({ error: "spacesAdmin.error.choose" })
    .refine((value) => value === "centre" || z.uuid().safeParse(value).success, { error: "spacesAdmin.error.choose" }),
  kind: z.enum(CLOSURE_KINDS, { error: "spacesAdmin.error.choose" }),
  reasonVi: requiredText(200),
  reasonEn: requiredText(200),
  startsAt: localDateTime,
  endsAt: localDateTime,
  // Absent on the first submission; "cancel" or "stop" once the held bookings were shown.
  decision: z.enum(["cancel", "stop"]).optional(),
  shown: shownIds,
});
export type ClosureForm = z.infer<typeof closureFormSchema>;

export const blockFormSchema = z.object({
  resourceId: z.uuid({ error: "spacesAdmin.error.choose" }),
  reason: requiredText(200),
  startsAt: localDateTime,
  endsAt: localDateTime,
  // Absent on the first submission; "cancel" or "stop" once the bookings in the way were shown.
  decision: z.enum(["cancel", "stop"]).optional(),
  shown: shownIds,
});

const calendarDate = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .pipe(z.iso.date({ error: "spacesAdmin.error.date" }));

export const fixedDeskFormSchema = z
  .object({
    resourceId: z.uuid({ error: "spacesAdmin.error.choose" }),
    teamId: z.uuid({ error: "spacesAdmin.error.choose" }),
    startsOn: calendarDate,
    endsOn: calendarDate,
  })
  .refine((form) => form.endsOn >= form.startsOn, { path: ["endsOn"], error: "spacesAdmin.error.endBeforeStart" });
export type FixedDeskForm = z.infer<typeof fixedDeskFormSchema>;
