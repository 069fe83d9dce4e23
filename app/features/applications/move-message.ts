import type { ApplicationStatus } from "#db/schema";
import type { Translate } from "~/i18n/translate";

/** The message naming the applications that could not move, in the reader's language. */
export function refusedMoveMessage(
  t: Translate,
  to: ApplicationStatus,
  refused: ReadonlyArray<{ teamName: string; from: ApplicationStatus }>,
): string {
  return t("programmes.error.moveRefused", {
    stage: t(`programmes.status.${to}`),
    teams: refused.map((r) => `“${r.teamName}” (${t(`programmes.status.${r.from}`)})`).join(", "),
  });
}
