import type { Locale } from "#db/schema";
import { formatDateTime } from "~/i18n/format";
import { named } from "~/i18n/named";
import { translator } from "~/i18n/translate";

/**
 * The email with the applicant's follow-and-edit link: on submitting ("received"), or a new
 * link asked for on the resend page ("new-link"). Written in the language the form was
 * filled in: the applicant has no account, so no other language is known.
 */
export function composeApplicationEmail(input: {
  kind: "received" | "new-link";
  locale: Locale;
  founderName: string;
  teamName: string;
  programme: { name_vi: string; name_en: string; applications_close_at: Date | null };
  link: string;
}): { subject: string; text: string } {
  const t = translator(input.locale);
  const programme = named(input.programme, input.locale);
  const params = {
    name: input.founderName,
    team: input.teamName,
    programme,
    link: input.link,
    deadline: input.programme.applications_close_at ? formatDateTime(input.programme.applications_close_at) : "",
  };
  return input.kind === "received"
    ? { subject: t("programmes.email.subject", params), text: t("programmes.email.body", params) }
    : { subject: t("programmes.email.linkSubject", params), text: t("programmes.email.linkBody", params) };
}
