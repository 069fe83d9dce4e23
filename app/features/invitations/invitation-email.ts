import type { Role } from "#db/schema";
import { formatDateTime } from "~/i18n/format";
import { translate } from "~/i18n/translate";

export interface InvitationEmailInput {
  name: string;
  inviterName: string | null;
  role: Role;
  centreName: { vi: string; en: string };
  link: string;
  expiresAt: Date;
}

/**
 * The invitation email. The invitee has no account and so no language yet: the message
 * says everything in Vietnamese first, then in English.
 */
export function composeInvitationEmail(input: InvitationEmailInput): { subject: string; text: string } {
  const expires = formatDateTime(input.expiresAt);
  const [vi, en] = (["vi", "en"] as const).map((locale) => ({
    subject: translate(locale, "invitations.email.subject", { centre: input.centreName[locale] }),
    body: translate(locale, "invitations.email.body", {
      name: input.name,
      inviter: input.inviterName ?? translate(locale, "invitations.email.someone"),
      centre: input.centreName[locale],
      role: translate(locale, `role.${input.role}`),
      link: input.link,
      expires,
    }),
  })) as [{ subject: string; body: string }, { subject: string; body: string }];
  return {
    subject: `${vi.subject} / ${en.subject}`,
    text: `${vi.body}\n\n----------------------------------------\n\n${en.body}\n`,
  };
}
