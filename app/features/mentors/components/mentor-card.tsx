import { formatWallClock } from "~/i18n/format";
import { named } from "~/i18n/named";
import type { MessageKey } from "~/i18n/translate";
import { useLocale, useT } from "~/i18n/use-translation";

export interface MentorCardData {
  email: string;
  phone: string | null;
  organisation: string;
  title: string;
  bio: string;
  languages: string[];
  meeting_mode: string;
  tags: ReadonlyArray<{ name_vi: string; name_en: string }>;
  hours: ReadonlyArray<{ weekday: number; starts_at: string; ends_at: string }>;
}

/** A mentor's profile and contact details, for the founders of a team they coach. */
export function MentorCard({ mentor }: { mentor: MentorCardData }) {
  const t = useT();
  const locale = useLocale();
  return (
    <dl className="grid gap-2 text-sm sm:grid-cols-2">
      {mentor.title || mentor.organisation ? (
        <div className="sm:col-span-2">
          <dt className="sr-only">{t("mentors.field.organisation")}</dt>
          <dd>{[mentor.title, mentor.organisation].filter(Boolean).join(" · ")}</dd>
        </div>
      ) : null}
      <div>
        <dt className="text-stone-700">{t("mentors.field.email")}</dt>
        <dd>
          <a href={`mailto:${mentor.email}`} className="text-brand-800 underline">
            {mentor.email}
          </a>
        </dd>
      </div>
      <div>
        <dt className="text-stone-700">{t("mentors.field.phone")}</dt>
        <dd>
          {mentor.phone ? (
            <a href={`tel:${mentor.phone.replace(/\s/g, "")}`} className="text-brand-800 underline">
              {mentor.phone}
            </a>
          ) : (
            "—"
          )}
        </dd>
      </div>
      <div>
        <dt className="text-stone-700">{t("mentors.field.expertise")}</dt>
        <dd>{mentor.tags.map((tag) => named(tag, locale)).join(", ") || "—"}</dd>
      </div>
      <div>
        <dt className="text-stone-700">{t("mentors.field.languages")}</dt>
        <dd>
          {mentor.languages.map((code) => t(`mentors.language.${code}` as MessageKey)).join(", ")} ·{" "}
          {t(`mentors.mode.${mentor.meeting_mode}` as MessageKey)}
        </dd>
      </div>
      <div className="sm:col-span-2">
        <dt className="text-stone-700">{t("mentors.hours.title")}</dt>
        <dd>
          {mentor.hours.length === 0
            ? t("mentors.hours.none")
            : mentor.hours
                .map(
                  (w) =>
                    `${t(`mentors.weekday.${w.weekday}` as MessageKey)} ${formatWallClock(w.starts_at)}–${formatWallClock(w.ends_at)}`,
                )
                .join("; ")}
        </dd>
      </div>
      {mentor.bio ? (
        <div className="sm:col-span-2">
          <dt className="text-stone-700">{t("mentors.field.bio")}</dt>
          <dd className="whitespace-pre-line">{mentor.bio}</dd>
        </div>
      ) : null}
    </dl>
  );
}
