import { db } from "~/utils/database.server";
import { getEnv } from "~/utils/env.server";
import { getCentreBySlug } from "./queries.server";

/** The centre this installation serves (CENTRE_SLUG); a missing row is a set-up error. */
export async function requireCurrentCentre() {
  const slug = getEnv().CENTRE_SLUG;
  const centre = await getCentreBySlug(db(), slug);
  if (!centre) {
    throw new Error(
      `No centre with slug "${slug}" in the database. Load the demo data (npm run db:seed) or create the centre (npm run centre:create).`,
    );
  }
  return centre;
}
