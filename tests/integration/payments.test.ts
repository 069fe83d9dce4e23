import { describe, expect, it } from "vitest";
import { bookResource } from "~/features/bookings/book-resource.server";
import { cancelBooking } from "~/features/bookings/cancel-booking.server";
import { requireCurrentCentre } from "~/features/centre/current-centre.server";
import { expireDuePayments } from "~/features/payments/expire-payments.server";
import { markPaid, readPayment, recordRefund } from "~/features/payments/ledger.server";
import { readPayView } from "~/features/payments/pay.server";
import { cancelHeldBookings } from "~/features/spaces/cancel-held-bookings.server";
import { listActiveBookingsDuring } from "~/features/spaces/queries.server";
import { hasValidCrc, parseEmv } from "~/features/payments/vietqr";
import { action as newAction } from "~/routes/bookings.new";
import { action as payAction, loader as payLoader } from "~/routes/bookings.$bookingId_.pay";
import { action as accountAction, loader as accountLoader } from "~/routes/account_.payments._index";
import { loader as receiptLoader } from "~/routes/account_.payments.$paymentId.receipt";
import { action as staffAction, loader as staffLoader } from "~/routes/staff.payments";
import { action as pricesAction } from "~/routes/staff.prices";
import { db } from "~/utils/database.server";
import { createIncubatingTeam, createResource, iso, openWeek } from "../setup/bookings";
import { useTestDatabase } from "../setup/database";
import { createUser } from "../setup/factories";
import { call, dataOf, statusOf } from "../setup/requests";

useTestDatabase();

type PayData = {
  pay: {
    id: string;
    amount: number;
    status: string;
    payable: boolean;
    reference: string;
    qr: { size: number; path: string } | null;
    bank: { bin: string; account: string } | null;
    card: boolean;
    items: Array<{ description: string; amount: number }>;
  };
};

const payment = (id: string) => db().selectFrom("payment").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const booking = (id: string) => db().selectFrom("booking").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
const paid = (id: string, amountVnd: number, method: "cash" | "bank_transfer" = "cash", now?: Date) =>
  db()
    .transaction()
    .execute((trx) => markPaid(trx, id, { method, amountVnd, currency: "VND" }, now));

/** A founder outside any incubated team books a priced desk: it is held with a pending payment. */
async function heldDesk(price = 80_000, dayOffset = 1) {
  const desk = await createResource("hot_desk", { price_day_vnd: price });
  const person = await createUser("founder");
  const date = iso((await openWeek()).plus({ days: dayOffset }));
  const result = await bookResource(db(), person.user, { resourceId: desk.id, date, part: "day" });
  if (!result.ok || !result.paymentId) throw new Error(`not held: ${JSON.stringify(result)}`);
  return { desk, person, date, bookingId: result.bookingId, paymentId: result.paymentId };
}

describe("a booking that costs money", () => {
  it("is held for the hold minutes with a pending payment for exactly the price shown", async () => {
    const before = Date.now();
    const { bookingId, paymentId, person } = await heldDesk(80_000);
    const row = await booking(bookingId);
    const pay = await payment(paymentId);
    expect([row.status, row.price_vnd, row.payment_id]).toEqual(["held", 80_000, paymentId]);
    expect([pay.status, pay.amount_vnd, pay.currency, pay.method, pay.user_id]).toEqual([
      "pending",
      80_000,
      "VND",
      null,
      person.user.id,
    ]);
    const minutes = (pay.due_at.getTime() - before) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15.1);
    expect(row.hold_expires_at?.getTime()).toBe(pay.due_at.getTime());
    // No confirmation until it is paid.
    const messages = await db()
      .selectFrom("outbox")
      .select("kind")
      .where("to_address", "=", person.user.email)
      .execute();
    expect(messages).toEqual([]);

    const page = dataOf<PayData>(
      await call(payLoader, `/bookings/${bookingId}/pay`, { cookie: person.cookie, params: { bookingId } }),
    );
    expect(page.pay).toMatchObject({ amount: 80_000, status: "pending", payable: true, card: false });
    expect(page.pay.items).toEqual([expect.objectContaining({ amount: 80_000 })]);
    expect(page.pay.items[0]!.description).toContain("Cả ngày");
    expect(page.pay.qr).not.toBeNull();
    expect(page.pay.bank).toMatchObject({ bin: "970418" });
  });

  it("takes the slot from everyone else while held", async () => {
    const { desk, date } = await heldDesk();
    const other = await createUser("founder");
    const second = await bookResource(db(), other.user, { resourceId: desk.id, date, part: "morning" });
    expect(second).toMatchObject({ ok: false, code: "taken" });
  });

  it("is not the person's to see for anyone else: the pay page is 404", async () => {
    const { bookingId } = await heldDesk();
    const stranger = await createUser("founder");
    expect(
      statusOf(await call(payLoader, `/bookings/${bookingId}/pay`, { cookie: stranger.cookie, params: { bookingId } })),
    ).toBe(404);
  });
});

describe("bank transfer", () => {
  it("shows a VietQR code for the amount and reference, keeps the hold until the transfer deadline, and staff confirm it once", async () => {
    const { bookingId, paymentId, person } = await heldDesk(80_000, 2);
    const payload = (await readPayView(db(), person.user, paymentId))!.qr!;
    expect(hasValidCrc(payload)).toBe(true);
    const fields = parseEmv(payload);
    expect(fields.get("54")).toBe("80000");
    expect(fields.get("53")).toBe("704");
    expect(parseEmv(fields.get("62")!).get("08")).toBe((await payment(paymentId)).reference);

    const chose = await call(payAction, `/bookings/${bookingId}/pay`, {
      cookie: person.cookie,
      params: { bookingId },
      form: { intent: "transfer", paymentId },
    });
    expect(statusOf(chose)).toBe(302);
    const pending = await payment(paymentId);
    const row = await booking(bookingId);
    expect(pending.method).toBe("bank_transfer");
    // 24 hours, or until the booking starts when sooner.
    const expected = Math.min(Date.now() + 24 * 3_600_000, row.starts_at.getTime());
    expect(Math.abs(pending.due_at.getTime() - expected)).toBeLessThan(60_000);
    expect(row.hold_expires_at?.getTime()).toBe(pending.due_at.getTime());

    const staff = await createUser("staff");
    const listed = dataOf<{ pending: Array<{ id: string; reference: string }> }>(
      await call(staffLoader, "/staff/payments", { cookie: staff.cookie }),
    );
    expect(listed.pending.map((p) => p.id)).toContain(paymentId);

    // The wrong amount is refused and nothing changes.
    const wrong = await call(staffAction, "/staff/payments", {
      cookie: staff.cookie,
      form: { intent: "transfer", paymentId, amount: "70000" },
    });
    expect(statusOf(wrong)).toBe(400);
    expect(dataOf<{ error: string }>(wrong).error).toBe("amount_mismatch");
    expect((await payment(paymentId)).status).toBe("pending");

    const received = await call(staffAction, "/staff/payments", {
      cookie: staff.cookie,
      form: { intent: "transfer", paymentId, amount: "80000" },
    });
    expect(statusOf(received)).toBe(302);
    const done = await payment(paymentId);
    expect([done.status, done.method, done.recorded_by]).toEqual(["paid", "bank_transfer", staff.user.id]);
    expect(done.receipt_number).toBeGreaterThan(0);
    expect((await booking(bookingId)).status).toBe("confirmed");
    const confirmations = await db()
      .selectFrom("outbox")
      .select("kind")
      .where("to_address", "=", person.user.email)
      .where("kind", "=", "booking.confirmed")
      .execute();
    expect(confirmations).toHaveLength(1);

    // Marking it received twice records it once.
    const again = await call(staffAction, "/staff/payments", {
      cookie: staff.cookie,
      form: { intent: "cash", paymentId, amount: "80000" },
    });
    expect(statusOf(again)).toBe(409);
    expect(dataOf<{ error: string }>(again).error).toBe("not_pending");
    expect((await payment(paymentId)).method).toBe("bank_transfer");
  });

  it("refuses a founder on the staff page", async () => {
    const founder = await createUser("founder");
    expect(statusOf(await call(staffLoader, "/staff/payments", { cookie: founder.cookie }))).toBe(403);
  });
});

describe("refusals of the ledger", () => {
  it("refuses another currency or amount, and changes nothing", async () => {
    const { paymentId, bookingId } = await heldDesk(80_000);
    const other = await db()
      .transaction()
      .execute((trx) => markPaid(trx, paymentId, { method: "card", amountVnd: 80_000, currency: "usd" }));
    expect(other).toEqual({ ok: false, code: "currency_mismatch" });
    expect(await paid(paymentId, 79_999)).toEqual({ ok: false, code: "amount_mismatch" });
    expect((await payment(paymentId)).status).toBe("pending");
    expect((await booking(bookingId)).status).toBe("held");
  });

  it("refuses paying an expired hold (nothing charged); the job releases it and the slot is free again", async () => {
    const { paymentId, bookingId, desk, date } = await heldDesk(80_000);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await paid(paymentId, 80_000, "cash", later)).toEqual({ ok: false, code: "expired" });
    expect((await payment(paymentId)).status).toBe("pending");

    expect(await expireDuePayments(db(), later)).toBeGreaterThanOrEqual(1);
    expect((await payment(paymentId)).status).toBe("expired");
    const released = await booking(bookingId);
    expect([released.status, released.cancel_reason]).toEqual(["cancelled", "payment_expired"]);
    expect(await paid(paymentId, 80_000)).toEqual({ ok: false, code: "not_pending" });

    const other = await createUser("founder");
    const again = await bookResource(db(), other.user, { resourceId: desk.id, date, part: "day" }, later);
    expect(again.ok).toBe(true);
  });

  it("lets a new booking take a slot whose hold has lapsed before the job ran", async () => {
    const { paymentId, bookingId, desk, date } = await heldDesk(80_000);
    const later = new Date(Date.now() + 16 * 60_000);
    const other = await createUser("founder");
    const taken = await bookResource(db(), other.user, { resourceId: desk.id, date, part: "day" }, later);
    expect(taken.ok).toBe(true);
    expect((await booking(bookingId)).status).toBe("cancelled");
    expect((await payment(paymentId)).status).toBe("expired");
  });

  it("refuses a refund larger than the payment, or of a payment never paid", async () => {
    const { paymentId } = await heldDesk(80_000);
    const refund = (amountVnd: number) =>
      db()
        .transaction()
        .execute((trx) => recordRefund(trx, paymentId, { amountVnd, reason: "test", by: null }));
    expect(await refund(10_000)).toEqual({ ok: false, code: "not_paid" });
    expect((await paid(paymentId, 80_000)).ok).toBe(true);
    expect(await refund(80_001)).toEqual({ ok: false, code: "refund_too_large" });
    expect(await refund(0)).toEqual({ ok: false, code: "invalid_amount" });
    expect((await refund(30_000)).ok).toBe(true);
    expect((await payment(paymentId)).status).toBe("partially_refunded");
    expect(await refund(50_001)).toEqual({ ok: false, code: "refund_too_large" });
    expect((await refund(50_000)).ok).toBe(true);
    expect((await payment(paymentId)).status).toBe("refunded");
    expect((await readPayment(db(), paymentId))!.refunds).toHaveLength(2);
  });
});

describe("cancelling a paid booking within the policy", () => {
  it("records a refund staff pay back, shown on the staff page", async () => {
    const { paymentId, bookingId, person } = await heldDesk(80_000, 3);
    expect((await paid(paymentId, 80_000)).ok).toBe(true);
    const cancelled = await cancelBooking(db(), person.user, bookingId);
    expect(cancelled.ok).toBe(true);
    expect((await payment(paymentId)).status).toBe("refunded");
    const staff = await createUser("staff");
    const page = dataOf<{ refunds: Array<{ id: string; amount_vnd: number; reference: string }> }>(
      await call(staffLoader, "/staff/payments", { cookie: staff.cookie }),
    );
    const reference = (await payment(paymentId)).reference;
    const refund = page.refunds.find((r) => r.reference === reference);
    expect(refund?.amount_vnd).toBe(80_000);
    const done = await call(staffAction, "/staff/payments", {
      cookie: staff.cookie,
      form: { intent: "refundPaid", refundId: refund!.id },
    });
    expect(statusOf(done)).toBe(302);
    const row = await db().selectFrom("refund").selectAll().where("id", "=", refund!.id).executeTakeFirstOrThrow();
    expect([row.status, row.completed_by]).toEqual(["succeeded", staff.user.id]);
  });

  it("a closure over a paid booking cancels and refunds it, whatever the deadline", async () => {
    const { paymentId, bookingId, desk } = await heldDesk(80_000, 4);
    expect((await paid(paymentId, 80_000)).ok).toBe(true);
    const centre = await requireCurrentCentre();
    const staff = await createUser("staff");
    const row = await booking(bookingId);
    const held = await listActiveBookingsDuring(
      db(),
      { centreId: centre.id, resourceId: desk.id },
      row.starts_at,
      row.ends_at,
    );
    expect(held.map((b) => b.id)).toEqual([bookingId]);
    await db()
      .transaction()
      .execute((trx) =>
        cancelHeldBookings(trx, {
          centreId: centre.id,
          zone: centre.time_zone,
          actor: staff.user,
          held,
          reason: { vi: "Sửa chữa", en: "Repairs" },
          cause: "block",
        }),
      );
    expect((await booking(bookingId)).status).toBe("cancelled");
    expect((await payment(paymentId)).status).toBe("refunded");
    const refund = await db()
      .selectFrom("refund")
      .selectAll()
      .where("payment_id", "=", paymentId)
      .executeTakeFirstOrThrow();
    expect([refund.amount_vnd, refund.status]).toEqual([80_000, "pending"]);
  });

  it("cancelling a held booking ends its payment without a refund", async () => {
    const { paymentId, bookingId, person } = await heldDesk(80_000, 3);
    expect((await cancelBooking(db(), person.user, bookingId)).ok).toBe(true);
    expect((await payment(paymentId)).status).toBe("cancelled");
    expect(await db().selectFrom("refund").select("id").where("payment_id", "=", paymentId).execute()).toEqual([]);
  });
});

describe("passes", () => {
  it("are bought from the account page, active once paid, used before money, and a use comes back on cancel", async () => {
    const person = await createUser("founder");
    const centre = await requireCurrentCentre();
    const product = await db()
      .selectFrom("pass_product")
      .selectAll()
      .where("centre_id", "=", centre.id)
      .where("kind", "=", "pack_10")
      .executeTakeFirstOrThrow();
    const bought = await call(accountAction, "/account/payments", {
      cookie: person.cookie,
      form: { productId: product.id },
    });
    expect(statusOf(bought)).toBe(302);
    const paymentId = (bought as Response).headers.get("Location")!.split("/").pop()!;
    const pending = await payment(paymentId);
    expect([pending.purpose, pending.amount_vnd, pending.status]).toEqual(["pass", product.price_vnd, "pending"]);

    const desk = await createResource("hot_desk", { price_day_vnd: 80_000 });
    const date = iso((await openWeek()).plus({ days: 1 }));
    // Not paid yet: the desk costs money.
    const planned = await bookResource(db(), person.user, { resourceId: desk.id, date, part: "day" });
    expect(planned.ok && planned.paymentId).toBeTruthy();
    await cancelBooking(db(), person.user, (planned as { bookingId: string }).bookingId);

    expect((await paid(paymentId, product.price_vnd)).ok).toBe(true);
    const pass = await db().selectFrom("pass").selectAll().where("id", "=", pending.pass_id!).executeTakeFirstOrThrow();
    expect([pass.status, pass.uses_left, pass.uses_total]).toEqual(["active", 10, 10]);
    expect(pass.valid_from).not.toBeNull();

    const covered = await bookResource(db(), person.user, { resourceId: desk.id, date, part: "day" });
    expect(covered).toMatchObject({ ok: true, paymentId: null });
    const bookingId = (covered as { bookingId: string }).bookingId;
    expect((await booking(bookingId)).status).toBe("confirmed");
    const left = async () =>
      (await db().selectFrom("pass").select("uses_left").where("id", "=", pass.id).executeTakeFirstOrThrow()).uses_left;
    expect(await left()).toBe(9);

    const page = dataOf<{ passes: Array<{ id: string; uses_left: number }> }>(
      await call(accountLoader, "/account/payments", { cookie: person.cookie }),
    );
    expect(page.passes.find((p) => p.id === pass.id)?.uses_left).toBe(9);

    expect((await cancelBooking(db(), person.user, bookingId)).ok).toBe(true);
    expect(await left()).toBe(10);
  });

  it("cannot be used by someone else: the write refuses another person's pass", async () => {
    const owner = await createUser("founder");
    const centre = await requireCurrentCentre();
    const product = await db()
      .selectFrom("pass_product")
      .selectAll()
      .where("centre_id", "=", centre.id)
      .where("kind", "=", "day_pass")
      .executeTakeFirstOrThrow();
    const bought = await call(accountAction, "/account/payments", {
      cookie: owner.cookie,
      form: { productId: product.id },
    });
    const paymentId = (bought as Response).headers.get("Location")!.split("/").pop()!;
    expect((await paid(paymentId, product.price_vnd)).ok).toBe(true);
    const passId = (await payment(paymentId)).pass_id!;

    const thief = await createUser("founder");
    const desk = await createResource("hot_desk", { price_day_vnd: 80_000 });
    const date = iso((await openWeek()).plus({ days: 2 }));
    const { planBooking } = await import("~/features/bookings/plan-booking.server");
    const { writeBooking } = await import("~/features/bookings/write-booking.server");
    const planned = await planBooking(db(), thief.user, { resourceId: desk.id, date, part: "day" }, new Date());
    if (!planned.ok) throw new Error("plan refused");
    // The thief's own plan asks for money; a tampered one naming the owner's pass is refused.
    expect(planned.plan.coverage).toEqual({ kind: "money", amountVnd: 80_000 });
    const forged = { ...planned.plan, coverage: { kind: "pass" as const, passId }, price: 0 };
    const written = await writeBooking(db(), forged, {
      centreId: centre.id,
      userId: thief.user.id,
      bookedBy: thief.user.id,
    });
    expect(written).toMatchObject({ ok: false, code: "pass_unusable" });
    expect(await db().selectFrom("booking").select("id").where("resource_id", "=", desk.id).execute()).toEqual([]);
    const pass = await db().selectFrom("pass").select("uses_left").where("id", "=", passId).executeTakeFirstOrThrow();
    expect(pass.uses_left).toBe(1);
  });
});

describe("incubated teams", () => {
  it("book free within the allowance; beyond it a priced desk costs money and a free one is refused", async () => {
    const person = await createUser("founder");
    await createIncubatingTeam(person.user.id);
    const centre = await requireCurrentCentre();
    const policy = await db()
      .selectFrom("booking_policy")
      .select("free_desk_days_per_person_week")
      .where("centre_id", "=", centre.id)
      .executeTakeFirstOrThrow();
    await db()
      .updateTable("booking_policy")
      .set({ free_desk_days_per_person_week: 1 })
      .where("centre_id", "=", centre.id)
      .execute();
    try {
      const priced = await createResource("hot_desk", { price_day_vnd: 80_000 });
      const free = await createResource("hot_desk", { price_day_vnd: 0 });
      const monday = await openWeek(9);
      const first = await bookResource(db(), person.user, { resourceId: priced.id, date: iso(monday), part: "day" });
      expect(first).toMatchObject({ ok: true, paymentId: null });
      const second = await bookResource(db(), person.user, {
        resourceId: priced.id,
        date: iso(monday.plus({ days: 1 })),
        part: "day",
      });
      expect(second.ok && second.paymentId).toBeTruthy();
      const third = await bookResource(db(), person.user, {
        resourceId: free.id,
        date: iso(monday.plus({ days: 2 })),
        part: "day",
      });
      expect(third).toMatchObject({ ok: false, code: "quota_person" });
      // Rooms are free for an incubated team's founders.
      const room = await createResource("meeting_room", { price_hour_vnd: 100_000 });
      const roomBooking = await bookResource(db(), person.user, {
        resourceId: room.id,
        date: iso(monday.plus({ days: 2 })),
        start: "09:00",
        minutes: 60,
        people: 2,
      });
      expect(roomBooking).toMatchObject({ ok: true, paymentId: null });
    } finally {
      await db()
        .updateTable("booking_policy")
        .set({ free_desk_days_per_person_week: policy.free_desk_days_per_person_week })
        .where("centre_id", "=", centre.id)
        .execute();
    }
  });
});

describe("receipts", () => {
  it("show the centre's legal name and tax code, the buyer, items and amounts; to the payer and staff only", async () => {
    const { paymentId, person } = await heldDesk(80_000);
    const params = { paymentId };
    const before = dataOf<{ receipt: unknown }>(
      await call(receiptLoader, `/account/payments/${paymentId}/receipt`, { cookie: person.cookie, params }),
    );
    expect(before.receipt).toBeNull();
    expect((await paid(paymentId, 80_000)).ok).toBe(true);
    const centre = await requireCurrentCentre();
    const page = dataOf<{
      receipt: {
        number: string;
        centre: { legalName: string; taxCode: string | null };
        buyer: { name: string };
        total: number;
        items: unknown[];
      };
    }>(await call(receiptLoader, `/account/payments/${paymentId}/receipt`, { cookie: person.cookie, params }));
    expect(page.receipt.centre.legalName).toBe(centre.legal_name);
    expect(page.receipt.centre.taxCode).toBe(centre.tax_code);
    expect(page.receipt.buyer.name).toBe(person.user.name);
    expect(page.receipt.total).toBe(80_000);
    expect(page.receipt.items).toHaveLength(1);
    expect(page.receipt.number).toMatch(/^\d{6}$/);

    const stranger = await createUser("founder");
    expect(
      statusOf(
        await call(receiptLoader, `/account/payments/${paymentId}/receipt`, { cookie: stranger.cookie, params }),
      ),
    ).toBe(404);
    const staff = await createUser("staff");
    expect(
      statusOf(await call(receiptLoader, `/account/payments/${paymentId}/receipt`, { cookie: staff.cookie, params })),
    ).toBe(200);
  });
});

describe("staff prices", () => {
  it("refuse negative, zero and non-integer prices beside the field, and change nothing", async () => {
    const staff = await createUser("staff");
    const centre = await requireCurrentCentre();
    const before = await db()
      .selectFrom("pass_product")
      .select("price_vnd")
      .where("centre_id", "=", centre.id)
      .where("kind", "=", "day_pass")
      .executeTakeFirstOrThrow();
    for (const price of ["-1000", "0", "1,5", "abc"]) {
      const result = await call(pricesAction, "/staff/prices", {
        cookie: staff.cookie,
        form: {
          form: "pass-day_pass",
          kind: "day_pass",
          nameVi: "Vé ngày",
          nameEn: "Day pass",
          price,
          uses: "1",
          validDays: "30",
          active: "on",
        },
      });
      expect(statusOf(result)).toBe(400);
      expect(dataOf<{ errors: Record<string, string> }>(result).errors.price).toBe("payments.form.positiveInt");
    }
    const after = await db()
      .selectFrom("pass_product")
      .select("price_vnd")
      .where("centre_id", "=", centre.id)
      .where("kind", "=", "day_pass")
      .executeTakeFirstOrThrow();
    expect(after.price_vnd).toBe(before.price_vnd);

    const badBank = await call(pricesAction, "/staff/prices", {
      cookie: staff.cookie,
      form: {
        form: "bank",
        bankBin: "97041",
        bankName: "BIDV",
        accountNumber: "12 34",
        accountName: "X",
        transferHours: "0",
        holdMinutes: "15",
      },
    });
    expect(statusOf(badBank)).toBe(400);
    expect(dataOf<{ errors: Record<string, string> }>(badBank).errors).toMatchObject({
      bankBin: "payments.form.bin",
      accountNumber: "payments.form.account",
      transferHours: "payments.form.hours",
    });
  });
});

describe("the booking form", () => {
  it("shows the amount that is then charged, and sends the person to pay", async () => {
    const room = await createResource("meeting_room", { price_hour_vnd: 100_000 });
    const person = await createUser("founder");
    const date = iso((await openWeek()).plus({ days: 2 }));
    const response = (await call(newAction, "/bookings/new", {
      cookie: person.cookie,
      form: { resource: room.id, date, start: "14:00", minutes: "90", people: "2" },
    })) as Response;
    const location = response.headers.get("Location")!;
    expect(location).toMatch(/\/pay$/);
    const bookingId = location.split("/")[2]!;
    const row = await booking(bookingId);
    expect((await payment(row.payment_id!)).amount_vnd).toBe(150_000);
  });
});
