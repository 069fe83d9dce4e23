import { z } from "zod";
import { parseCalendarDate } from "~/features/programmes/rules";
import type { MessageKey } from "~/i18n/translate";

/** Field name → dictionary key of the message shown beside that field. */
export type FieldErrors = Partial<Record<string, MessageKey>>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors; values: Record<string, string> };

/**
 * Parses a submitted form with a zod schema whose messages are dictionary keys, so the
 * same schema serves both languages. The first issue of each field wins.
 */
export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.infer<S>> {
  const values = typedValues(formData);
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "_form");
    errors[field] ??= (issue.message as MessageKey) || "form.required";
  }
  return { ok: false, errors, values };
}

/**
 * What a person typed, to put back in a refused form: text fields only, passwords never;
 * a repeated field keeps its last value.
 */
export function typedValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !/password/i.test(key)) values[key] = value;
  }
  return values;
}

/** A trimmed required string; the message is a dictionary key. */
export function requiredText(max = 200) {
  return z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .max(max, { error: "form.tooLong" });
}

export function emailField() {
  return z
    .string({ error: "form.required" })
    .trim()
    .toLowerCase()
    .min(1, { error: "form.required" })
    .max(254, { error: "form.tooLong" })
    .pipe(z.email({ error: "form.invalidEmail" }));
}

/** A trimmed optional string, "" when absent or empty. */
export function optionalText(max: number, tooLong: MessageKey = "form.tooLong") {
  return z
    .string()
    .trim()
    .max(max, { error: tooLong })
    .optional()
    .transform((value) => value ?? "");
}

/**
 * A required calendar date typed dd/MM/yyyy (or yyyy-MM-dd from a date input), as yyyy-MM-dd;
 * `invalid` is the dictionary key shown when it is not a real date.
 */
export function calendarDate(invalid: MessageKey) {
  return z
    .string({ error: "form.required" })
    .trim()
    .min(1, { error: "form.required" })
    .transform((value, ctx) => {
      const date = parseCalendarDate(value);
      if (!date) {
        ctx.addIssue({ code: "custom", message: invalid });
        return z.NEVER;
      }
      return date;
    });
}
