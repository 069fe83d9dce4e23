import type { Kysely, Transaction } from "kysely";
import type { CalendarFeed, CalendarFeedKind, Database, ResourceKind, Role } from "#db/schema";
import { incubatingTeamOf } from "~/features/bookings/queries.server";
import { isDesk, isStaffRole, mayBook } from "~/features/bookings/rules";
import { listTeamsOfMember } from "~/features/teams/queries.server";
import { appUrl } from "~/utils/env.server";
import { newFeedToken } from "./tokens";

// The feed links a person holds: which they may have, making one, replacing one whose link
// leaked, and revoking one. The feed itself (/calendar/<token>.ics) checks again what the
// owner may see on every request, so a link outlives neither the owner's team nor their role.

type Db = Kysely<Database>;
type Person = { id: string; centre_id: number; role: Role };

export type FeedTarget =
  { kind: "person" } | { kind: "centre" } | { kind: "team"; teamId: string } | { kind: "resource"; resourceId: string };

export type FeedRefusal = { ok: false; status: 403 | 404 };

export interface FeedLinks {
  id: string;
  https: string;
  webcal: string;
}

/** The https address of a feed and the same as webcal://, which opens a calendar app on a phone or a Mac. */
function feedLinks(feed: Pick<CalendarFeed, "id" | "token">, base = appUrl()): FeedLinks {
  const https = `${base}/calendar/${feed.token}.ics`;
  return { id: feed.id, https, webcal: https.replace(/^https?:\/\//, "webcal://") };
}

/**
 * Who may hold a room's feed without being staff: someone who may book it. Desks are left
 * out: their busy times help nobody choose, and a desk's day is the centre's business.
 */
function mayFollowResource(person: { role: Role; inIncubatingTeam: boolean }, resource: RoomLike): boolean {
  if (isStaffRole(person.role)) return true;
  return !isDesk(resource.kind) && mayBook(resource.audience, person);
}

type RoomLike = { kind: ResourceKind; audience: Parameters<typeof mayBook>[0] };

async function resourcesFor(db: Db, person: Person) {
  const rows = await db
    .selectFrom("resource")
    .select(["id", "code", "kind", "audience", "name_vi", "name_en"])
    .where("centre_id", "=", person.centre_id)
    .where("is_active", "=", true)
    .orderBy("code")
    .execute();
  if (isStaffRole(person.role)) return rows;
  const inIncubatingTeam = (await incubatingTeamOf(db, person.id)) !== null;
  return rows.filter((r) => mayFollowResource({ role: person.role, inIncubatingTeam }, r));
}

/** Whether the person may hold a feed of the target: 404 when it does not exist here, 403 when it is not theirs. */
async function checkFeedTarget(db: Db, person: Person, target: FeedTarget): Promise<{ ok: true } | FeedRefusal> {
  const staff = isStaffRole(person.role);
  switch (target.kind) {
    case "person":
      return { ok: true };
    case "centre":
      return staff ? { ok: true } : { ok: false, status: 403 };
    case "team": {
      const team = await db
        .selectFrom("team as t")
        .select((eb) => [
          eb
            .exists(
              eb
                .selectFrom("team_member as m")
                .select("m.user_id")
                .whereRef("m.team_id", "=", "t.id")
                .where("m.user_id", "=", person.id),
            )
            .as("is_member"),
        ])
        .where("t.id", "=", target.teamId)
        .where("t.centre_id", "=", person.centre_id)
        .executeTakeFirst();
      if (!team) return { ok: false, status: 404 };
      return staff || team.is_member ? { ok: true } : { ok: false, status: 403 };
    }
    case "resource": {
      const resource = await db
        .selectFrom("resource")
        .select(["id", "kind", "audience"])
        .where("id", "=", target.resourceId)
        .where("centre_id", "=", person.centre_id)
        .where("is_active", "=", true)
        .executeTakeFirst();
      if (!resource) return { ok: false, status: 404 };
      if (staff) return { ok: true };
      const inIncubatingTeam = (await incubatingTeamOf(db, person.id)) !== null;
      return mayFollowResource({ role: person.role, inIncubatingTeam }, resource)
        ? { ok: true }
        : { ok: false, status: 403 };
    }
  }
}

/** The calendar a feed row shows. */
export function targetOf(feed: Pick<CalendarFeed, "kind" | "team_id" | "resource_id">): FeedTarget {
  if (feed.kind === "team") return { kind: "team", teamId: feed.team_id ?? "" };
  if (feed.kind === "resource") return { kind: "resource", resourceId: feed.resource_id ?? "" };
  return { kind: feed.kind };
}

function columnsOf(target: FeedTarget): { kind: CalendarFeedKind; team_id: string | null; resource_id: string | null } {
  return {
    kind: target.kind,
    team_id: target.kind === "team" ? target.teamId : null,
    resource_id: target.kind === "resource" ? target.resourceId : null,
  };
}

/** The person's live feeds, all kinds. */
async function liveFeedsOf(db: Db, person: Person): Promise<CalendarFeed[]> {
  return db
    .selectFrom("calendar_feed")
    .selectAll()
    .where("owner_id", "=", person.id)
    .where("centre_id", "=", person.centre_id)
    .where("revoked_at", "is", null)
    .execute();
}

/**
 * Gives the person a feed of the target, or the one they already hold: making a link twice
 * (two tabs, a double click) must not revoke the first.
 */
export async function createFeed(
  db: Kysely<Database>,
  person: Person,
  target: FeedTarget,
): Promise<{ ok: true; feed: CalendarFeed } | FeedRefusal> {
  const allowed = await checkFeedTarget(db, person, target);
  if (!allowed.ok) return allowed;
  const columns = columnsOf(target);
  // The live-feed unique index settles two concurrent requests: the second inserts nothing.
  await db
    .insertInto("calendar_feed")
    .values({ centre_id: person.centre_id, owner_id: person.id, token: newFeedToken(), ...columns })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const feed = await db
    .selectFrom("calendar_feed")
    .selectAll()
    .where("owner_id", "=", person.id)
    .where("kind", "=", columns.kind)
    .where("team_id", columns.team_id === null ? "is" : "=", columns.team_id)
    .where("resource_id", columns.resource_id === null ? "is" : "=", columns.resource_id)
    .where("revoked_at", "is", null)
    .executeTakeFirstOrThrow();
  return { ok: true, feed };
}

/** Revokes the person's live feed in the transaction; undefined when it is not theirs or already gone. */
async function revokeOwn(trx: Transaction<Database>, person: Person, feedId: string) {
  return trx
    .updateTable("calendar_feed")
    .set({ revoked_at: new Date() })
    .where("id", "=", feedId)
    .where("owner_id", "=", person.id)
    .where("centre_id", "=", person.centre_id)
    .where("revoked_at", "is", null)
    .returningAll()
    .executeTakeFirst();
}

/**
 * A new link for the same calendar; the old one stops answering the moment this commits.
 * Someone who may no longer hold the feed (left the team, lost a role) gets 403 and keeps
 * the old, already refused, link until they revoke it.
 */
export async function regenerateFeed(
  db: Kysely<Database>,
  person: Person,
  feedId: string,
): Promise<{ ok: true; feed: CalendarFeed } | FeedRefusal> {
  return db
    .transaction()
    .execute(async (trx) => {
      const old = await revokeOwn(trx, person, feedId);
      if (!old) return { ok: false, status: 404 } as const;
      const allowed = await checkFeedTarget(trx, person, targetOf(old));
      if (!allowed.ok) throw new Refused(allowed);
      const feed = await trx
        .insertInto("calendar_feed")
        .values({
          centre_id: old.centre_id,
          owner_id: old.owner_id,
          kind: old.kind,
          team_id: old.team_id,
          resource_id: old.resource_id,
          token: newFeedToken(),
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return { ok: true, feed } as const;
    })
    .catch((error: unknown) => {
      if (error instanceof Refused) return error.refusal;
      throw error;
    });
}

/** Rolls the revocation back when the person may no longer hold the feed. */
class Refused extends Error {
  constructor(readonly refusal: FeedRefusal) {
    super("refused");
  }
}

/** Stops the person's feed for good; 404 when it is not theirs or already revoked. */
export async function revokeFeed(
  db: Kysely<Database>,
  person: Person,
  feedId: string,
): Promise<{ ok: true } | FeedRefusal> {
  const revoked = await db.transaction().execute((trx) => revokeOwn(trx, person, feedId));
  return revoked ? { ok: true } : { ok: false, status: 404 };
}

/** What /calendar shows: each calendar the person may hold, with its live link if any. */
export async function readCalendarPage(db: Kysely<Database>, person: Person) {
  const staff = isStaffRole(person.role);
  const [feeds, teams, resources] = await Promise.all([
    liveFeedsOf(db, person),
    listTeamsOfMember(db, person.id),
    resourcesFor(db, person),
  ]);
  const base = appUrl();
  const find = (kind: CalendarFeedKind, match: (f: CalendarFeed) => boolean = () => true) => {
    const feed = feeds.find((f) => f.kind === kind && match(f));
    return feed ? feedLinks(feed, base) : null;
  };
  return {
    staff,
    person: find("person"),
    teams: teams.map((team) => ({ id: team.id, name: team.name, feed: find("team", (f) => f.team_id === team.id) })),
    centre: staff ? find("centre") : null,
    resources: resources.map((r) => ({
      id: r.id,
      code: r.code,
      name_vi: r.name_vi,
      name_en: r.name_en,
      feed: find("resource", (f) => f.resource_id === r.id),
    })),
  };
}
