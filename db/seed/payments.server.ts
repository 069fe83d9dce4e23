import type { Insertable, Kysely } from "kysely";
import type { Database, PassProductTable } from "../schema";

// The demo centre's passes and the account bank transfers go to (a demo BIDV account).
// Skips what already exists, so seeding twice changes nothing and staff's edits stay.

export const DEMO_BANK = {
  bank_bin: "970418",
  bank_name: "BIDV — Ngân hàng TMCP Đầu tư và Phát triển Việt Nam",
  bank_account_number: "2151000012345",
  bank_account_name: "TRUNG TAM DOI MOI SANG TAO SON LA",
} as const;

const PASSES: ReadonlyArray<Omit<Insertable<PassProductTable>, "centre_id">> = [
  {
    kind: "day_pass",
    name_vi: "Vé ngày",
    name_en: "Day pass",
    price_vnd: 70_000,
    uses: 1,
    valid_days: 30,
    sort_order: 1,
  },
  {
    kind: "pack_10",
    name_vi: "Gói 10 ngày (dùng trong 3 tháng)",
    name_en: "Pack of 10 days (valid 3 months)",
    price_vnd: 600_000,
    uses: 10,
    valid_days: 90,
    sort_order: 2,
  },
  {
    kind: "monthly_hot_desk",
    name_vi: "Thành viên bàn chung theo tháng",
    name_en: "Monthly hot-desk membership",
    price_vnd: 1_200_000,
    uses: null,
    valid_days: 30,
    sort_order: 3,
  },
];

/** A placeholder tax code for the demo's receipts (staff enter the real one). */
export const DEMO_TAX_CODE = "5500000000";

export async function seedDemoPayments(db: Kysely<Database>, centreId: number): Promise<void> {
  await db.updateTable("centre").set(DEMO_BANK).where("id", "=", centreId).where("bank_bin", "is", null).execute();
  await db
    .updateTable("centre")
    .set({ tax_code: DEMO_TAX_CODE })
    .where("id", "=", centreId)
    .where("tax_code", "is", null)
    .execute();
  await db
    .insertInto("pass_product")
    .values(PASSES.map((p) => ({ ...p, centre_id: centreId })))
    .onConflict((oc) => oc.columns(["centre_id", "kind"]).doNothing())
    .execute();
}
