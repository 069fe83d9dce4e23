import { z } from "zod";
import { parseCalendarDate } from "~/features/programmes/rules";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms";

const optionalDay = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "") return null;
    const date = parseCalendarDate(value);
    if (!date) {
      ctx.addIssue({ code: "custom", message: "audit.error.invalidDate" });
      return z.NEVER;
    }
    return date;
  });

/** The audit page's filters (a GET form): every field optional, dates dd/MM/yyyy. */
const auditFilterSchema = z
  .object({
    actor: z.union([z.uuid(), z.literal("")]).catch(""),
    entity: z.string().trim().max(60).catch(""),
    action: z
      .string()
      .trim()
      .max(80)
      .regex(/^[a-z_]*(\.[a-z_]+)?$/, { message: "audit.error.invalidAction" }),
    from: optionalDay,
    to: optionalDay,
    page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  })
  .superRefine((filters, ctx) => {
    if (filters.from && filters.to && filters.to < filters.from) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "audit.error.endBeforeStart" });
    }
  });

/** Reads the filters from the URL: the filters, or the errors beside each field. */
export function parseAuditFilters(url: URL) {
  const raw = {
    actor: url.searchParams.get("actor") ?? "",
    entity: url.searchParams.get("entity") ?? "",
    action: url.searchParams.get("action") ?? "",
    from: url.searchParams.get("from") ?? "",
    to: url.searchParams.get("to") ?? "",
    page: url.searchParams.get("page") ?? "1",
  };
  const result = auditFilterSchema.safeParse(raw);
  if (result.success) return { ok: true as const, filters: result.data, values: raw };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? "from");
    errors[field] ??= issue.message as MessageKey;
  }
  return { ok: false as const, errors, values: raw };
}
