import { z } from "zod";
import { PASS_KINDS } from "#db/schema";

// The staff forms of payments: a pass product's price and terms, the centre's bank account.
// Messages are dictionary keys.

/** Whole đồng above 0; "150.000" and "150 000" are read as 150000; negatives, 0 and decimals refused. */
export function parsePositiveDong(value: string): number | null {
  const compact = value.trim().replace(/[.\s]/g, "");
  if (!/^\d{1,10}$/.test(compact)) return null;
  const amount = Number(compact);
  return amount > 0 && amount <= 2_000_000_000 ? amount : null;
}

const positiveDong = z.string({ error: "form.required" }).transform((value, ctx) => {
  const parsed = parsePositiveDong(value);
  if (parsed === null) {
    ctx.addIssue({ code: "custom", message: "payments.form.positiveInt" });
    return z.NEVER;
  }
  return parsed;
});

const positiveInt = (max: number) =>
  z
    .string({ error: "form.required" })
    .trim()
    .regex(/^\d{1,6}$/, { error: "payments.form.positiveInt" })
    .transform(Number)
    .pipe(z.number().min(1, { error: "payments.form.positiveInt" }).max(max, { error: "payments.form.positiveInt" }));

const name = z
  .string({ error: "form.required" })
  .trim()
  .min(1, { error: "form.required" })
  .max(100, { error: "form.tooLong" });

export const passProductSchema = z.object({
  kind: z.enum(PASS_KINDS, { error: "form.required" }),
  nameVi: name,
  nameEn: name,
  price: positiveDong,
  // Empty: unlimited (the monthly membership).
  uses: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const text = (value ?? "").trim();
      if (text === "") return null;
      if (!/^\d{1,4}$/.test(text) || Number(text) < 1) {
        ctx.addIssue({ code: "custom", message: "payments.form.positiveInt" });
        return z.NEVER;
      }
      return Number(text);
    }),
  validDays: positiveInt(3650),
  active: z
    .string()
    .optional()
    .transform((value) => value === "on"),
});
export type PassProductForm = z.infer<typeof passProductSchema>;

export const bankSchema = z.object({
  bankBin: z
    .string({ error: "form.required" })
    .trim()
    .regex(/^\d{6}$/, { error: "payments.form.bin" }),
  bankName: name,
  accountNumber: z
    .string({ error: "form.required" })
    .trim()
    .regex(/^[0-9A-Za-z]{1,19}$/, { error: "payments.form.account" }),
  accountName: name,
  transferHours: z
    .string({ error: "form.required" })
    .trim()
    .regex(/^\d{1,3}$/, { error: "payments.form.hours" })
    .transform(Number)
    .pipe(z.number().min(1, { error: "payments.form.hours" }).max(168, { error: "payments.form.hours" })),
  holdMinutes: z
    .string({ error: "form.required" })
    .trim()
    .regex(/^\d{1,3}$/, { error: "payments.form.minutes" })
    .transform(Number)
    .pipe(z.number().min(5, { error: "payments.form.minutes" }).max(120, { error: "payments.form.minutes" })),
});
export type BankForm = z.infer<typeof bankSchema>;
