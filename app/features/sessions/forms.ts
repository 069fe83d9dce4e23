import { z } from "zod";
import { requiredText } from "~/utils/forms";
import { SESSION_LENGTHS } from "./rules";

/** The propose form; the date and time are checked against the calendar by the use case. */
export const proposeSchema = z
  .object({
    date: requiredText(20),
    start: requiredText(5),
    minutes: z.coerce
      .number({ error: "sessions.error.invalid_length" })
      .refine((m) => (SESSION_LENGTHS as readonly number[]).includes(m), { error: "sessions.error.invalid_length" }),
    topic: requiredText(200),
    mode: z.enum(["centre", "online"], { error: "sessions.error.mode_required" }),
    resourceId: z.string().trim().optional(),
    onlineUrl: z.string().trim().max(500, { error: "form.tooLong" }).optional(),
    override: z.literal("on").optional(),
  })
  .superRefine((value, ctx) => {
    if (value.mode === "centre" && !value.resourceId)
      ctx.addIssue({ code: "custom", path: ["resourceId"], message: "sessions.error.room_required" });
    if (value.mode === "online") {
      let ok = false;
      try {
        ok = new URL(value.onlineUrl ?? "").protocol === "https:";
      } catch {
        ok = false;
      }
      if (!ok) ctx.addIssue({ code: "custom", path: ["onlineUrl"], message: "sessions.error.online_url" });
    }
  });

export const cancelSchema = z.object({ reason: requiredText(500) });

export const recordSchema = z.object({
  outcome: z.enum(["done", "no_show"], { error: "sessions.error.outcome_required" }),
  notes: z.string().trim().max(5000, { error: "form.tooLong" }).default(""),
  actionItems: z.string().trim().max(5000, { error: "form.tooLong" }).default(""),
});
