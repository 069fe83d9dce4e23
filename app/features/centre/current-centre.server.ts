import { db } from "~/utils/database.server";
import { getEnv } from "~/utils/env.server";
import { getCentreBySlug } from "./queries.server";

type Centre = NonNullable<Awaited<ReturnType<typeof getCentreBySlug>>>;

// The root loader reads the centre on every page, and nothing in the app changes its row:
// each process keeps it a minute (per database handle, so a test's fresh database is read).
const CACHE_MS = 60_000;
const cache = new WeakMap<object, { centre: Centre; slug: string; until: number }>();

/** The centre this installation serves (CENTRE_SLUG); a missing row is a set-up error. */
export async function requireCurrentCentre() {
  const slug = getEnv().CENTRE_SLUG;
  const database = db();
  const cached = cache.get(database);
  if (cached && cached.slug === slug && cached.until > Date.now()) return cached.centre;
  const centre = await getCentreBySlug(database, slug);
  if (!centre) {
    throw new Error(
      `No centre with slug "${slug}" in the database. Load the demo data (npm run db:seed) or create the centre (npm run centre:create).`,
    );
  }
  cache.set(database, { centre, slug, until: Date.now() + CACHE_MS });
  return centre;
}
