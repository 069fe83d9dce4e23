import type { AppLoadContext } from "@remix-run/node";
import type { Kysely, Transaction } from "kysely";
import type { Database } from "#db/schema";
import { auditDiff, auditRow } from "./rules";

/** Who made a change: the signed-in staff member or admin (the route passes its user). */
export interface AuditActor {
  id: string;
  role: string;
  centre_id: number;
  /** The client's address as the server sees it (TRUST_PROXY applied), from `auditActor`. */
  ip?: string | null;
}

/**
 * The signed-in user as the author of the changes this request makes: the same user, with
 * the client's address the server read for the request (`context.clientIp`), so every entry
 * a use case records says where the change came from. Routes wrap their user once:
 * `const user = auditActor(context, await requirePermission(request, "…"))`.
 */
export function auditActor<U extends Omit<AuditActor, "ip">>(
  context: Pick<AppLoadContext, "clientIp">,
  user: U,
): U & { ip: string | null } {
  return { ...user, ip: context.clientIp ?? null };
}

export interface AuditChange {
  /** "<entity>.<verb>", e.g. "resource.update", "booking.cancel". */
  action: string;
  entityType: string;
  entityId: string | number;
  /** The row before the change (null when created) and after it (null when deleted). */
  before?: object | null;
  after?: object | null;
}

/**
 * Records a change in the audit log. Call it with the transaction that makes the change, so
 * the entry commits or rolls back with it. An update that changed nothing is not recorded.
 */
export async function recordAudit(
  trx: Transaction<Database> | Kysely<Database>,
  actor: AuditActor,
  change: AuditChange,
): Promise<void> {
  let before = auditRow(change.before);
  const after = auditRow(change.after);
  if (before && after) {
    // An update is read through the fields the new row carries: a use case may have read
    // the old one with more columns (a join) than its UPDATE returns.
    const fields = Object.keys(after);
    before = Object.fromEntries(fields.filter((key) => key in before!).map((key) => [key, before![key]!]));
  }
  if (before && after && auditDiff(before, after).length === 0) return;
  await trx
    .insertInto("audit_log")
    .values({
      centre_id: actor.centre_id,
      actor_id: actor.id,
      actor_role: actor.role,
      action: change.action,
      entity_type: change.entityType,
      entity_id: String(change.entityId),
      before: before ? JSON.stringify(before) : null,
      after: after ? JSON.stringify(after) : null,
      ip: actor.ip ?? null,
    })
    .execute();
}
