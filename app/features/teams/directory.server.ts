import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { listDirectoryRows, listMemberNames } from "./queries.server";
import { directoryCard, type DirectoryCard } from "./rules";

/** The public directory's cards (or one card), built from an allow-list of fields. */
export async function directoryCards(
  db: Kysely<Database>,
  centreId: number,
  teamId?: string,
): Promise<DirectoryCard[]> {
  const rows = await listDirectoryRows(db, centreId, teamId);
  const wantsFounders = rows.filter((row) => row.directory_fields.includes("founders")).map((row) => row.id);
  const names = await listMemberNames(db, wantsFounders);
  return rows.map((row) =>
    directoryCard({
      ...row,
      sector:
        row.sector_name_vi && row.sector_name_en ? { name_vi: row.sector_name_vi, name_en: row.sector_name_en } : null,
      founders: names.filter((n) => n.team_id === row.id).map((n) => n.name),
    }),
  );
}
