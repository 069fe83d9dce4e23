import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { recordAudit, type AuditActor } from "~/features/audit/record-audit.server";
import type { BankForm, PassProductForm } from "./forms";

type Db = Kysely<Database>;

/**
 * Saves the centre's pass product of a kind (names, price, terms), creating it the first time;
 * a change by staff is recorded in the audit log in the same transaction.
 */
export async function savePassProduct(
  db: Db,
  centreId: number,
  form: PassProductForm,
  actor?: AuditActor,
): Promise<void> {
  const values = {
    name_vi: form.nameVi,
    name_en: form.nameEn,
    price_vnd: form.price,
    uses: form.uses,
    valid_days: form.validDays,
    is_active: form.active,
  };
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom("pass_product")
      .selectAll()
      .where("centre_id", "=", centreId)
      .where("kind", "=", form.kind)
      .forUpdate()
      .executeTakeFirst();
    const after = await trx
      .insertInto("pass_product")
      .values({ centre_id: centreId, kind: form.kind, ...values })
      .onConflict((oc) => oc.columns(["centre_id", "kind"]).doUpdateSet({ ...values, updated_at: new Date() }))
      .returningAll()
      .executeTakeFirstOrThrow();
    if (actor) {
      await recordAudit(trx, actor, {
        action: before ? "price.update" : "price.create",
        entityType: "pass_product",
        entityId: after.id,
        before,
        after,
      });
    }
  });
}

/** The centre's account for transfers, the transfer deadline and the hold. */
export async function saveBankSettings(db: Db, centreId: number, form: BankForm, actor?: AuditActor): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await readBankSettings(trx, centreId);
    await trx
      .updateTable("centre")
      .set({
        bank_bin: form.bankBin,
        bank_name: form.bankName,
        bank_account_number: form.accountNumber,
        bank_account_name: form.accountName,
        transfer_deadline_hours: form.transferHours,
        hold_minutes: form.holdMinutes,
        updated_at: new Date(),
      })
      .where("id", "=", centreId)
      .execute();
    if (actor) {
      await recordAudit(trx, actor, {
        action: "centre.payment_settings",
        entityType: "centre",
        entityId: String(centreId),
        before,
        after: await readBankSettings(trx, centreId),
      });
    }
  });
}

export async function readBankSettings(db: Db, centreId: number) {
  return db
    .selectFrom("centre")
    .select([
      "bank_bin",
      "bank_name",
      "bank_account_number",
      "bank_account_name",
      "transfer_deadline_hours",
      "hold_minutes",
    ])
    .where("id", "=", centreId)
    .executeTakeFirstOrThrow();
}
