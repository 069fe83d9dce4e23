import type { Kysely } from "kysely";
import type { Database } from "#db/schema";
import { isUuid } from "~/features/bookings/queries.server";
import { translator } from "~/i18n/translate";
import { newReference } from "./ledger.server";

// Passes: what is on sale, a person's passes, and buying one (a pending pass with a pending
// payment, paid on the same pay page as a booking; markPaid activates it).

type Db = Kysely<Database>;

export async function listPassProducts(db: Db, centreId: number, onSaleOnly = true) {
  let query = db.selectFrom("pass_product").selectAll().where("centre_id", "=", centreId);
  if (onSaleOnly) query = query.where("is_active", "=", true);
  return query.orderBy("sort_order").orderBy("kind").execute();
}

/** The person's passes, newest first, with their product's names. */
export async function listPassesOf(db: Db, userId: string) {
  return db
    .selectFrom("pass")
    .innerJoin("pass_product", "pass_product.id", "pass.product_id")
    .select([
      "pass.id",
      "pass.kind",
      "pass.status",
      "pass.uses_total",
      "pass.uses_left",
      "pass.valid_from",
      "pass.valid_until",
      "pass.created_at",
      "pass_product.name_vi",
      "pass_product.name_en",
    ])
    .where("pass.user_id", "=", userId)
    .orderBy("pass.created_at", "desc")
    .execute();
}

export type BuyPassResult = { ok: true; paymentId: string } | { ok: false; code: "not_found" };

/**
 * Starts buying a pass: the pass waits as 'pending' with a payment due within the centre's
 * transfer deadline (nothing is held meanwhile, so there is no hurry of minutes).
 */
export async function buyPass(
  db: Db,
  buyer: { id: string; centre_id: number },
  productId: string,
  now: Date = new Date(),
): Promise<BuyPassResult> {
  if (!isUuid(productId)) return { ok: false, code: "not_found" };
  return db.transaction().execute(async (trx): Promise<BuyPassResult> => {
    const product = await trx
      .selectFrom("pass_product")
      .innerJoin("centre", "centre.id", "pass_product.centre_id")
      .select([
        "pass_product.id",
        "pass_product.kind",
        "pass_product.name_vi",
        "pass_product.name_en",
        "pass_product.price_vnd",
        "pass_product.uses",
        "centre.transfer_deadline_hours",
      ])
      .where("pass_product.id", "=", productId)
      .where("pass_product.centre_id", "=", buyer.centre_id)
      .where("pass_product.is_active", "=", true)
      .executeTakeFirst();
    if (!product) return { ok: false, code: "not_found" };
    const pass = await trx
      .insertInto("pass")
      .values({
        centre_id: buyer.centre_id,
        user_id: buyer.id,
        product_id: product.id,
        kind: product.kind,
        uses_total: product.uses,
        uses_left: product.uses,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const payment = await trx
      .insertInto("payment")
      .values({
        centre_id: buyer.centre_id,
        user_id: buyer.id,
        purpose: "pass",
        pass_id: pass.id,
        amount_vnd: product.price_vnd,
        reference: newReference(),
        due_at: new Date(now.getTime() + product.transfer_deadline_hours * 3_600_000),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("payment_item")
      .values({
        payment_id: payment.id,
        description_vi: translator("vi")("payments.item.pass", { name: product.name_vi }),
        description_en: translator("en")("payments.item.pass", { name: product.name_en }),
        quantity: 1,
        unit_price_vnd: product.price_vnd,
        amount_vnd: product.price_vnd,
      })
      .execute();
    return { ok: true, paymentId: payment.id };
  });
}
