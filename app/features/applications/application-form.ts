import { z } from "zod";
import { VENTURE_STAGES } from "#db/schema";
import { emailField, parseForm, requiredText, type FieldErrors, type FormResult } from "~/utils/forms";
import { parseLinks } from "./rules";

// The public application form, used to apply and (with the link from the email) to edit.
// Founders come as numbered rows (founderName0, founderEmail0, founderPhone0 …); with
// JavaScript off the page shows a few rows, and fully empty rows are ignored.

export const MAX_FOUNDERS = 5;
export const FOUNDER_ROWS_SHOWN = 3;

const applicationFields = z.object({
  teamName: requiredText(120),
  idea: requiredText(3000),
  problem: requiredText(3000),
  sectorId: z
    .string({ error: "programmes.error.choose" })
    .regex(/^\d{1,9}$/, { error: "programmes.error.choose" })
    .transform(Number),
  place: requiredText(200),
  stage: z.enum(VENTURE_STAGES, { error: "programmes.error.choose" }),
  jobsExpected: z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .regex(/^\d{1,5}$/, { error: "programmes.error.wholeNumber" })
    .transform(Number),
  links: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const parsed = parseLinks(value ?? "");
      if (!parsed.ok) {
        ctx.addIssue({ code: "custom", message: "programmes.error.links" });
        return z.NEVER;
      }
      if (parsed.links.length > 10) {
        ctx.addIssue({ code: "custom", message: "programmes.error.tooManyLinks" });
        return z.NEVER;
      }
      return parsed.links;
    }),
});

export interface Founder {
  name: string;
  email: string;
  phone: string;
}

export type ApplicationForm = z.infer<typeof applicationFields> & { founders: Founder[] };

const founderName = requiredText(120);
const founderEmail = emailField();
const founderPhone = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .regex(/^\+?[\d\s.()-]{8,20}$/, { error: "programmes.error.phone" });

function issueKey(result: { success: false; error: z.ZodError }): FieldErrors[string] {
  return (result.error.issues[0]?.message as FieldErrors[string]) || "form.required";
}

/** The founder rows that were filled in, or the errors beside the fields of the others. */
export function parseFounders(formData: FormData): { founders: Founder[]; errors: FieldErrors } {
  const founders: Founder[] = [];
  const errors: FieldErrors = {};
  for (let row = 0; row < MAX_FOUNDERS; row++) {
    const raw = {
      name: String(formData.get(`founderName${row}`) ?? ""),
      email: String(formData.get(`founderEmail${row}`) ?? ""),
      phone: String(formData.get(`founderPhone${row}`) ?? ""),
    };
    if (!raw.name.trim() && !raw.email.trim() && !raw.phone.trim()) continue;
    const name = founderName.safeParse(raw.name);
    const email = founderEmail.safeParse(raw.email);
    const phone = founderPhone.safeParse(raw.phone);
    if (!name.success) errors[`founderName${row}`] = issueKey(name);
    if (!email.success) errors[`founderEmail${row}`] = issueKey(email);
    if (!phone.success) errors[`founderPhone${row}`] = issueKey(phone);
    if (name.success && email.success && phone.success) {
      founders.push({ name: name.data, email: email.data, phone: phone.data });
    }
  }
  if (founders.length === 0 && Object.keys(errors).length === 0) errors.founderName0 = "programmes.error.noFounder";
  return { founders, errors };
}

/** What was typed, to show it again beside the errors (the file is not sent back). */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string") values[key] = value;
  return values;
}

/** The whole form: its fields and its founder rows, every error reported at once. */
export function parseApplicationForm(formData: FormData): FormResult<ApplicationForm> {
  const fields = parseForm(applicationFields, formData);
  const { founders, errors: founderErrors } = parseFounders(formData);
  if (fields.ok && Object.keys(founderErrors).length === 0) return { ok: true, data: { ...fields.data, founders } };
  return { ok: false, errors: { ...(fields.ok ? {} : fields.errors), ...founderErrors }, values: formValues(formData) };
}
