import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { titleMeta } from "~/features/auth/meta";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { DirectoryCardView } from "~/features/teams/components/directory-card";
import { directoryCards } from "~/features/teams/directory.server";
import { useT } from "~/i18n/use-translation";
import { db } from "~/utils/database.server";

// Public: anyone may read the directory, which holds only what each team opted to show.
export async function loader(_: LoaderFunctionArgs) {
  const centre = await requireCurrentCentre();
  return { teams: await directoryCards(db(), centre.id) };
}

export default function TeamDirectory() {
  const { teams } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("teams.public.title")}</h1>
        <p className="mt-1 max-w-2xl text-stone-700">{t("teams.public.intro")}</p>
      </div>
      {teams.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-stone-700 shadow-sm ring-1 ring-stone-200">
          {t("teams.public.empty")}
        </p>
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {teams.map((card) => (
            <li key={card.id}>
              <DirectoryCardView card={card} headingLevel={2} linkName />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const meta = titleMeta("teams.public.title");
