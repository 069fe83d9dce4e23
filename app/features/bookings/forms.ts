import { z } from "zod";

const optionalNumber = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === "" ? null : Number(v)));

/**
 * The when-and-how-many fields of a booking choice, the same in the booking form, its query
 * string (URL contract) and the move form. Malformed values are left to the booking rules,
 * which name what is wrong.
 */
export const choiceFields = {
  date: z.string().trim().default(""),
  part: z.string().trim().optional(),
  start: z.string().trim().optional(),
  minutes: optionalNumber,
  people: optionalNumber,
};
