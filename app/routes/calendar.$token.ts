import type { LoaderFunctionArgs } from "@remix-run/node";
import { serveFeed } from "~/features/calendar/serve-feed.server";
import { db } from "~/utils/database.server";

// GET /calendar/<token>.ics — a feed link needs no sign-in: the token is the key (decision 014).
// Remix params cannot carry a static suffix, so the whole segment comes in and ".ics" is checked.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  return serveFeed(db(), request, params.token, { clientIp: context.clientIp });
}
