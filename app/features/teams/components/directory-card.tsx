import { Link } from "@remix-run/react";
import { cardClass } from "~/components/card";
import type { DirectoryCard } from "../rules";
import { named } from "~/i18n/named";
import { useLocale, useT } from "~/i18n/use-translation";
import { ExternalLink } from "./profile-parts";
import { IncubationPeriod, TeamStatusBadge } from "./team-parts";

/** A team's public card: only what the team chose to show. */
export function DirectoryCardView({
  card,
  headingLevel,
  linkName,
}: {
  card: DirectoryCard;
  headingLevel: 1 | 2;
  linkName: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <article className={cardClass}>
      <div className="flex flex-wrap items-center gap-2">
        <Heading className={headingLevel === 1 ? "text-2xl font-bold" : "text-lg font-semibold"}>
          {linkName ? (
            <Link to={`/teams/${card.id}`} className="text-brand-800 underline">
              {card.name}
            </Link>
          ) : (
            card.name
          )}
        </Heading>
        <TeamStatusBadge status={card.status} />
      </div>
      {card.description ? <p className="mt-2 whitespace-pre-line">{card.description}</p> : null}
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-2">
        {card.sector ? <Item label={t("teams.field.sector")}>{named(card.sector, locale)}</Item> : null}
        {card.place ? <Item label={t("teams.field.place")}>{card.place}</Item> : null}
        {card.stage ? <Item label={t("teams.field.stage")}>{t(`teams.stage.${card.stage}`)}</Item> : null}
        {card.period ? (
          <Item label={t("teams.period")}>
            <IncubationPeriod startsOn={card.period.startsOn} endsOn={card.period.endsOn} />
          </Item>
        ) : null}
        {card.jobs_created !== undefined ? <Item label={t("teams.field.jobsCreated")}>{card.jobs_created}</Item> : null}
        {card.founders ? <Item label={t("teams.directory.field.founders")}>{card.founders.join(", ")}</Item> : null}
        {card.website ? (
          <Item label={t("teams.field.website")}>
            <ExternalLink href={card.website} />
          </Item>
        ) : null}
        {card.social_links ? (
          <Item label={t("teams.field.socialLinks")}>
            <ul>
              {card.social_links.map((link) => (
                <li key={link} className="break-all">
                  <ExternalLink href={link} />
                </li>
              ))}
            </ul>
          </Item>
        ) : null}
      </dl>
    </article>
  );
}

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-stone-700">{label}</dt>
      <dd className="mt-0.5 font-medium">{children}</dd>
    </div>
  );
}
