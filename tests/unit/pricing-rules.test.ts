import { describe, expect, it } from "vitest";
import { parsePositiveDong } from "~/features/payments/forms";
import {
  bestPass,
  checkPaymentAmount,
  checkRefundAmount,
  coverBooking,
  type CoverInput,
  type UsablePass,
} from "~/features/payments/rules";

const pass = (over: Partial<UsablePass> = {}): UsablePass => ({
  id: "p1",
  userId: "u1",
  kind: "pack_10",
  status: "active",
  usesLeft: 3,
  validFrom: "2026-12-01",
  validUntil: "2027-02-28",
  ...over,
});

const input = (over: Partial<CoverInput> = {}): CoverInput => ({
  resourceKind: "hot_desk",
  price: 80_000,
  staff: false,
  incubated: false,
  quota: null,
  passes: [],
  userId: "u1",
  date: "2026-12-10",
  ...over,
});

describe("what pays for a booking: quotas, then passes, then money", () => {
  it("uses the free allowance first", () => {
    expect(coverBooking(input({ incubated: true, quota: { fits: true }, passes: [pass()] }))).toEqual({
      ok: true,
      value: { kind: "quota" },
    });
  });

  it("then the person's pass, for hot desks only", () => {
    expect(coverBooking(input({ passes: [pass()] }))).toEqual({ ok: true, value: { kind: "pass", passId: "p1" } });
    expect(coverBooking(input({ resourceKind: "meeting_room", price: 100_000, passes: [pass()] }))).toEqual({
      ok: true,
      value: { kind: "money", amountVnd: 100_000 },
    });
    expect(
      coverBooking(input({ incubated: true, quota: { fits: false, code: "quota_team" }, passes: [pass()] })),
    ).toEqual({ ok: true, value: { kind: "pass", passId: "p1" } });
  });

  it("then money, exactly the resource's price", () => {
    expect(coverBooking(input())).toEqual({ ok: true, value: { kind: "money", amountVnd: 80_000 } });
    expect(coverBooking(input({ incubated: true, quota: { fits: false, code: "quota_person" } }))).toEqual({
      ok: true,
      value: { kind: "money", amountVnd: 80_000 },
    });
  });

  it("refuses beyond the allowance when the desk has no price", () => {
    expect(coverBooking(input({ price: 0, incubated: true, quota: { fits: false, code: "quota_person" } }))).toEqual({
      ok: false,
      code: "quota_person",
    });
  });

  it("is free for staff, for a free resource, and for rooms booked by an incubated team's founders", () => {
    expect(coverBooking(input({ staff: true }))).toEqual({ ok: true, value: { kind: "free" } });
    expect(coverBooking(input({ price: 0 }))).toEqual({ ok: true, value: { kind: "free" } });
    expect(coverBooking(input({ resourceKind: "meeting_room", incubated: true }))).toEqual({
      ok: true,
      value: { kind: "free" },
    });
  });
});

describe("which pass", () => {
  it("never someone else's, a used-up, pending, cancelled or out-of-date one", () => {
    expect(bestPass([pass({ userId: "u2" })], "u1", "2026-12-10")).toBeNull();
    expect(bestPass([pass({ usesLeft: 0 })], "u1", "2026-12-10")).toBeNull();
    expect(bestPass([pass({ status: "pending" })], "u1", "2026-12-10")).toBeNull();
    expect(bestPass([pass({ status: "cancelled" })], "u1", "2026-12-10")).toBeNull();
    expect(bestPass([pass()], "u1", "2027-03-01")).toBeNull();
    expect(bestPass([pass()], "u1", "2026-11-30")).toBeNull();
    expect(coverBooking(input({ passes: [pass({ userId: "u2" })] }))).toEqual({
      ok: true,
      value: { kind: "money", amountVnd: 80_000 },
    });
  });

  it("prefers an unlimited membership, then the pass that ends soonest", () => {
    const soon = pass({ id: "soon", validUntil: "2026-12-31" });
    const later = pass({ id: "later" });
    const monthly = pass({ id: "monthly", kind: "monthly_hot_desk", usesLeft: null, validUntil: "2027-01-05" });
    expect(bestPass([later, soon], "u1", "2026-12-10")?.id).toBe("soon");
    expect(bestPass([later, soon, monthly], "u1", "2026-12-10")?.id).toBe("monthly");
  });
});

describe("amounts", () => {
  it("accepts a payment only for exactly its amount in VND", () => {
    expect(checkPaymentAmount(80_000, 80_000, "vnd").ok).toBe(true);
    expect(checkPaymentAmount(80_000, 80_000, "USD")).toEqual({ ok: false, code: "currency_mismatch" });
    expect(checkPaymentAmount(80_000, 8_000_000, "VND")).toEqual({ ok: false, code: "amount_mismatch" });
  });

  it("keeps refunds within the payment", () => {
    expect(checkRefundAmount(80_000, 0, 80_000)).toEqual({ ok: true, value: { fullyRefunded: true } });
    expect(checkRefundAmount(80_000, 30_000, 10_000)).toEqual({ ok: true, value: { fullyRefunded: false } });
    expect(checkRefundAmount(80_000, 30_000, 50_001)).toEqual({ ok: false, code: "refund_too_large" });
    expect(checkRefundAmount(80_000, 0, 0)).toEqual({ ok: false, code: "invalid_amount" });
    expect(checkRefundAmount(80_000, 0, 1.5)).toEqual({ ok: false, code: "invalid_amount" });
  });

  it("reads staff's prices as whole đồng above 0", () => {
    expect(parsePositiveDong("150000")).toBe(150_000);
    expect(parsePositiveDong("150.000")).toBe(150_000);
    expect(parsePositiveDong(" 1 200 000 ")).toBe(1_200_000);
    for (const bad of ["0", "-5000", "1,5", "12.5k", "", "abc"]) expect(parsePositiveDong(bad)).toBeNull();
  });
});
