import { z } from "zod";
import { calendarDate, optionalText, requiredText } from "~/utils/forms";
import { isValidSlug, parseLocalDateTime } from "./rules";

// The staff forms of programmes and sectors; every message is a dictionary key.

const optionalMoment = (zone: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? "").trim();
      if (!text) return null;
      const instant = parseLocalDateTime(text, zone);
      if (!instant) {
        ctx.addIssue({ code: "custom", message: "programmes.error.dateTime" });
        return z.NEVER;
      }
      return instant;
    });

/** The programme form; typed moments are read on the centre's wall clock (`zone`). */
export function programmeFormSchema(zone: string) {
  return z
    .object({
      kind: z.enum(["competition", "cohort"], { error: "programmes.error.choose" }),
      nameVi: requiredText(200),
      nameEn: requiredText(200),
      slug: requiredText(80)
        .transform((value) => value.toLowerCase())
        .pipe(z.string().refine(isValidSlug, { error: "programmes.error.slug" })),
      startsOn: calendarDate("programmes.error.date"),
      endsOn: calendarDate("programmes.error.date"),
      opensAt: optionalMoment(zone),
      closesAt: optionalMoment(zone),
      rulesVi: optionalText(20_000, "programmes.error.textTooLong"),
      rulesEn: optionalText(20_000, "programmes.error.textTooLong"),
      freeDeskDays: z
        .string()
        .optional()
        .transform((value) => (value ?? "").trim())
        .pipe(z.string().regex(/^(\d{1,3})?$/, { error: "programmes.error.wholeNumber" }))
        .transform((value) => (value === "" ? null : Number(value)))
        .pipe(z.number().max(500, { error: "programmes.error.wholeNumber" }).nullable()),
    })
    .superRefine((form, ctx) => {
      if (form.endsOn < form.startsOn) {
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "programmes.error.endBeforeStart" });
      }
      if ((form.opensAt === null) !== (form.closesAt === null)) {
        const path = form.opensAt === null ? "opensAt" : "closesAt";
        ctx.addIssue({ code: "custom", path: [path], message: "programmes.error.windowBoth" });
      } else if (form.opensAt && form.closesAt && form.closesAt.getTime() <= form.opensAt.getTime()) {
        ctx.addIssue({ code: "custom", path: ["closesAt"], message: "programmes.error.closeBeforeOpen" });
      }
    });
}
export type ProgrammeForm = z.infer<ReturnType<typeof programmeFormSchema>>;

export const sectorFormSchema = z.object({
  nameVi: requiredText(120),
  nameEn: requiredText(120),
  isActive: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});
export type SectorForm = z.infer<typeof sectorFormSchema>;
