import { z } from "zod";
import { REVENUE_BANDS, VENTURE_STAGES } from "#db/schema";
import { optionalText, requiredText } from "~/utils/forms";
import { TEAM_NAME_MAX } from "./team-form";
import { DIRECTORY_FIELDS, isWebLink, normalizeTeamName, SOCIAL_LINKS_MAX, splitLines } from "./rules";

export const DESCRIPTION_MAX = 1000;
export const PLACE_MAX = 120;
export const JOBS_MAX = 100_000;

/**
 * The team profile a founder (and staff) edits. The name is left out of the staff page's
 * profile form (staff rename a team with status and dates), so it is optional here: absent
 * means unchanged, present but empty is refused.
 */
export const profileFormSchema = z.object({
  name: requiredText(TEAM_NAME_MAX).transform(normalizeTeamName).optional(),
  description: optionalText(DESCRIPTION_MAX),
  sectorId: z
    .string()
    .trim()
    .optional()
    .transform((value) => (value ? Number(value) : null))
    .pipe(
      z
        .number({ error: "teams.error.invalidSector" })
        .int({ error: "teams.error.invalidSector" })
        .positive({ error: "teams.error.invalidSector" })
        .nullable(),
    ),
  place: optionalText(PLACE_MAX),
  stage: z.enum(VENTURE_STAGES, { error: "teams.error.invalidStage" }),
  website: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isWebLink(value), { error: "teams.error.invalidLink" }),
  socialLinks: z
    .string()
    .optional()
    .transform((value) => splitLines(value ?? ""))
    .refine((links) => links.length <= SOCIAL_LINKS_MAX, { error: "teams.error.tooManyLinks" })
    .refine((links) => links.every(isWebLink), { error: "teams.error.invalidLinks" }),
  jobsCreated: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .regex(/^\d+$/, { error: "teams.error.invalidJobs" })
    .transform(Number)
    .pipe(z.number().max(JOBS_MAX, { error: "teams.error.invalidJobs" })),
  revenueBand: z
    .string()
    .optional()
    .transform((value) => value || null)
    .pipe(z.enum(REVENUE_BANDS, { error: "teams.error.invalidRevenue" }).nullable()),
});

export type ProfileForm = z.infer<typeof profileFormSchema>;

/** The directory settings: listed or not, and which fields show (checkboxes, so absent = none). */
export const directoryFormSchema = z.object({
  listed: z
    .string()
    .optional()
    .transform((value) => value === "on" || value === "true"),
  fields: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(z.enum(DIRECTORY_FIELDS, { error: "teams.error.invalidDirectoryField" }))),
});

export type DirectoryForm = z.infer<typeof directoryFormSchema>;
