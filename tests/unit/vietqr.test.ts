import { describe, expect, it } from "vitest";
import { crc16, hasValidCrc, parseEmv, vietQrPayload } from "~/features/payments/vietqr";

// Known-good VietQR payloads from an independent implementation (giautm/emvqr-go's tests).
const KNOWN = [
  "00020101021262110807tien le38560010A0000007270126000697041501121133666688880208QRIBFTTA5303704540460005802VN63046893",
  "00020101021138560010A0000007270126000697041501121133666688880208QRIBFTTA54057000153037045802VN6304ED54",
];

describe("VietQR", () => {
  it("computes CRC-16/CCITT-FALSE: the catalogue check value and known payloads", () => {
    expect(crc16("123456789")).toBe("29B1");
    for (const payload of KNOWN) {
      expect(crc16(payload.slice(0, -4))).toBe(payload.slice(-4));
      expect(hasValidCrc(payload)).toBe(true);
    }
    expect(hasValidCrc(KNOWN[0]!.replace("tien le", "tienxle"))).toBe(false);
  });

  it("builds the same account block as the known payload, with amount, message and a valid CRC", () => {
    const payload = vietQrPayload({
      bin: "970415",
      accountNumber: "113366668888",
      amountVnd: 6000,
      reference: "SLAB12CD34",
    });
    expect(payload).toBe(
      "00020101021238560010A0000007270126000697041501121133666688880208QRIBFTTA5303704540460005802VN" +
        "62140810SLAB12CD34" +
        "6304" +
        crc16(payload.slice(0, -4)),
    );
    const fields = parseEmv(payload);
    // The account block is byte for byte the known payload's.
    expect(fields.get("38")).toBe(parseEmv(KNOWN[1]!).get("38"));
    expect(fields.get("01")).toBe("12");
    expect(fields.get("53")).toBe("704");
    expect(fields.get("54")).toBe("6000");
    expect(fields.get("58")).toBe("VN");
    expect(parseEmv(fields.get("62")!).get("08")).toBe("SLAB12CD34");
    expect(hasValidCrc(payload)).toBe(true);
  });

  it("refuses what a bank could not read: a bad BIN, account, amount or reference", () => {
    const good = { bin: "970418", accountNumber: "1234567890", amountVnd: 150_000, reference: "SLX" };
    expect(() => vietQrPayload({ ...good, bin: "97041" })).toThrow();
    expect(() => vietQrPayload({ ...good, accountNumber: "12 34" })).toThrow();
    expect(() => vietQrPayload({ ...good, amountVnd: 0 })).toThrow();
    expect(() => vietQrPayload({ ...good, amountVnd: 1.5 })).toThrow();
    expect(() => vietQrPayload({ ...good, reference: "có dấu" })).toThrow();
  });
});
