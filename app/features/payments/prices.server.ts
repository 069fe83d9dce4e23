import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import type { BankForm, PassProductForm } from "./forms";

type Db = Kysely<Database>;

/** Saves the centre's pass product of a kind (names, price, terms), creating it the first time. */
export async function savePassProduct(db: Db, centreId: number, form: PassProductForm): Promise<void> {
  const values = {
    name_vi: form.nameVi,
    name_en: form.nameEn,
    price_vnd: form.price,
    uses: form.uses,
    valid_days: form.validDays,
    is_active: form.active,
  };
  await db
    .insertInto("pass_product")
    .values({ centre_id: centreId, kind: form.kind, ...values })
    .onConflict((oc) => oc.columns(["centre_id", "kind"]).doUpdateSet({ ...values, updated_at: new Date() }))
    .execute();
}

/** The centre's account for transfers, the transfer deadline and the hold. */
export async function saveBankSettings(db: Db, centreId: number, form: BankForm): Promise<void> {
  await db
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
