import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { titleMeta } from "~/features/auth/meta";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { DirectoryCardView } from "~/features/teams/components/directory-card";
import { directoryCards } from "~/features/teams/directory.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";
import { invariantResponse } from "~/utils/http.server";

// Public: a team's card, for anyone, only while the team is listed. An unlisted team's
// card is a 404, whoever asks: private pages are /team and /staff/teams/$teamId.
export async function loader({ params }: LoaderFunctionArgs) {
  const id = z.uuid().safeParse(params.teamId);
  invariantResponse(id.success);
  const centre = await requireCurrentCentre();
  const [card] = await directoryCards(db(), centre.id, id.data);
  invariantResponse(card);
  return { card };
}

export default function TeamCard() {
  const { card } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-4">
      <Link to="/teams" className="text-sm font-medium text-brand-800 underline">
        {t("teams.public.back")}
      </Link>
      <DirectoryCardView card={card} headingLevel={1} linkName={false} />
    </div>
  );
}

export const meta = titleMeta("teams.public.title");
