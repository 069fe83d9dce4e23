import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./rules";

// zod pieces shared by the account forms; messages are dictionary keys (see app/utils/forms.ts).

/** A password being typed to prove who someone is: any length the account may have. */
export function passwordField() {
  return z
    .string({ error: "form.required" })
    .min(1, { error: "form.required" })
    .max(MAX_PASSWORD_LENGTH, { error: "form.tooLong" });
}

/** A password being chosen: at least MIN_PASSWORD_LENGTH characters. */
export function newPasswordField() {
  return z
    .string({ error: "form.required" })
    .min(1, { error: "form.required" })
    .min(MIN_PASSWORD_LENGTH, { error: "auth.password.tooShort" })
    .max(MAX_PASSWORD_LENGTH, { error: "form.tooLong" });
}

/**
 * The check that a new password was typed the same twice, reported beside the
 * confirmation field. It only runs once both fields are otherwise valid, so the reader
 * sees every other mistake in the same answer.
 */
export function passwordsMatch<T extends Record<string, unknown>>(
  password: keyof T & string,
  confirmation: keyof T & string,
): [(value: T) => boolean, { path: PropertyKey[]; error: string; when: (payload: z.core.ParsePayload) => boolean }] {
  return [
    (value) => value[password] === value[confirmation],
    {
      path: [confirmation],
      error: "auth.password.mismatch",
      when: (payload) =>
        !payload.issues.some((issue) => issue.path?.[0] === password || issue.path?.[0] === confirmation),
    },
  ];
}
