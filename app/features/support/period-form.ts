import { z } from "zod";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms";

const day = z.iso.date({ error: "support.error.invalidDate" });

/** The period staff pick for support received (query string of a GET form); both or neither. */
export const supportPeriodSchema = z
  .object({ from: day, to: day })
  .refine((period) => period.to >= period.from, { path: ["to"], error: "support.error.endBeforeStart" });

/** Reads ?from=&to= from a URL: null when absent, errors when present but wrong. */
export function parseSupportPeriod(url: URL) {
  const from = url.searchParams.get("from");
  const to = url.searchParams.get("to");
  if (!from && !to) return null;
  const result = supportPeriodSchema.safeParse({ from: from ?? "", to: to ?? "" });
  if (result.success) return { ok: true as const, period: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] === "to" ? "to" : "from";
    errors[field] ??= issue.message as MessageKey;
  }
  return { ok: false as const, errors, values: { from: from ?? "", to: to ?? "" } };
}
