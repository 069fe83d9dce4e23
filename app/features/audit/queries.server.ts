import type { Kysely } from "kysely";
import type { Database } from "#db/schema";

export interface AuditFilters {
  actorId?: string;
  entityType?: string;
  /** An action ("resource.update") or its entity part ("resource") to match every verb. */
  action?: string;
  /** Instants: entries at or after start, before end. */
  start?: Date;
  end?: Date;
}

function filtered(db: Kysely<Database>, centreId: number, filters: AuditFilters) {
  let query = db.selectFrom("audit_log").where("audit_log.centre_id", "=", centreId);
  if (filters.actorId) query = query.where("audit_log.actor_id", "=", filters.actorId);
  if (filters.entityType) query = query.where("audit_log.entity_type", "=", filters.entityType);
  if (filters.action) {
    const action = filters.action;
    query = action.includes(".")
      ? query.where("audit_log.action", "=", action)
      : query.where("audit_log.action", "like", `${action}.%`);
  }
  if (filters.start) query = query.where("audit_log.at", ">=", filters.start);
  if (filters.end) query = query.where("audit_log.at", "<", filters.end);
  return query;
}

/** One page of the centre's audit log, newest first, with who made each change. */
export async function listAuditPage(
  db: Kysely<Database>,
  centreId: number,
  filters: AuditFilters,
  page: number,
  pageSize: number,
) {
  const [entries, total] = await Promise.all([
    filtered(db, centreId, filters)
      .leftJoin("app_user", "app_user.id", "audit_log.actor_id")
      .select([
        "audit_log.id",
        "audit_log.at",
        "audit_log.action",
        "audit_log.entity_type",
        "audit_log.entity_id",
        "audit_log.before",
        "audit_log.after",
        "audit_log.actor_role",
        "audit_log.ip",
        "app_user.name as actor_name",
        "app_user.email as actor_email",
      ])
      .orderBy("audit_log.at", "desc")
      .orderBy("audit_log.id", "desc")
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    filtered(db, centreId, filters)
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .executeTakeFirstOrThrow(),
  ]);
  return { entries, total: Number(total.n) };
}

/** The people, the kinds of record and the actions that appear in the log, for the filters' lists. */
export async function auditFilterChoices(db: Kysely<Database>, centreId: number) {
  const [actors, entityTypes, actions] = await Promise.all([
    db
      .selectFrom("app_user")
      .select(["id", "name", "email"])
      .where("id", "in", (eb) =>
        eb
          .selectFrom("audit_log")
          .select("actor_id")
          .where("centre_id", "=", centreId)
          .where("actor_id", "is not", null),
      )
      .orderBy("name")
      .execute(),
    db
      .selectFrom("audit_log")
      .select("entity_type")
      .distinct()
      .where("centre_id", "=", centreId)
      .orderBy("entity_type")
      .execute(),
    db
      .selectFrom("audit_log")
      .select("action")
      .distinct()
      .where("centre_id", "=", centreId)
      .orderBy("action")
      .execute(),
  ]);
  return {
    actors,
    entityTypes: entityTypes.map((row) => row.entity_type),
    actions: actions.map((row) => row.action),
  };
}
