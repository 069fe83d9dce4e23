import { FormField } from "~/components/form-field";
import type { MessageKey } from "~/i18n/translate";
import type { FieldErrors } from "~/utils/forms";

/** A new password and its confirmation, as on sign-up, invitations, reset and account pages. */
export function NewPasswordFields({
  errors,
  names = ["password", "passwordConfirm"],
  labels = ["auth.field.password", "auth.field.passwordConfirm"],
}: {
  errors?: FieldErrors;
  names?: readonly [string, string];
  labels?: readonly [MessageKey, MessageKey];
}) {
  return (
    <>
      <FormField
        name={names[0]}
        label={labels[0]}
        hint="auth.password.hint"
        errors={errors}
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
      />
      <FormField
        name={names[1]}
        label={labels[1]}
        errors={errors}
        type="password"
        autoComplete="new-password"
        required
      />
    </>
  );
}
