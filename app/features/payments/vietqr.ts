// VietQR (NAPAS 247) bank-transfer codes, built locally: an EMVCo merchant-presented payload
// whose tag 38 names the receiving account (GUID A000000727, BIN and account number, service
// QRIBFTTA: a 24/7 inter-bank transfer to an account), with the amount and the transfer message
// (our payment reference) so the person's banking app fills in everything.

/** One EMVCo data object: id, two-digit length, value. */
function tlv(id: string, value: string): string {
  if (value.length > 99) throw new Error(`VietQR field ${id} is longer than 99 characters`);
  return `${id}${String(value.length).padStart(2, "0")}${value}`;
}

/** CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF), as four uppercase hex digits. */
export function crc16(text: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit += 1) {
      crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
    }
  }
  return crc.toString(16).toUpperCase().padStart(4, "0");
}

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN, e.g. 970418 (BIDV). */
  bin: string;
  accountNumber: string;
  /** Whole đồng. */
  amountVnd: number;
  /** The transfer message: letters and digits only, so every bank keeps it intact. */
  reference: string;
}

/** The payload a banking app reads: a dynamic (one payment) VietQR with the amount and message. */
export function vietQrPayload(input: VietQrInput): string {
  if (!/^\d{6}$/.test(input.bin)) throw new Error("VietQR needs a 6-digit BIN");
  if (!/^[0-9A-Za-z]{1,19}$/.test(input.accountNumber)) throw new Error("VietQR account number is invalid");
  if (!Number.isInteger(input.amountVnd) || input.amountVnd <= 0) throw new Error("VietQR amount is invalid");
  if (!/^[0-9A-Za-z]{1,25}$/.test(input.reference)) throw new Error("VietQR reference is invalid");
  const account =
    tlv("00", "A000000727") + tlv("01", tlv("00", input.bin) + tlv("01", input.accountNumber)) + tlv("02", "QRIBFTTA");
  const body =
    tlv("00", "01") +
    tlv("01", "12") +
    tlv("38", account) +
    tlv("53", "704") +
    tlv("54", String(input.amountVnd)) +
    tlv("58", "VN") +
    tlv("62", tlv("08", input.reference)) +
    "6304";
  return body + crc16(body);
}

/** Reads an EMVCo payload's top-level objects (for tests and checks). */
export function parseEmv(payload: string): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at + 4 <= payload.length) {
    const id = payload.slice(at, at + 2);
    const length = Number(payload.slice(at + 2, at + 4));
    if (!Number.isInteger(length) || at + 4 + length > payload.length) throw new Error("Malformed EMVCo payload");
    fields.set(id, payload.slice(at + 4, at + 4 + length));
    at += 4 + length;
  }
  if (at !== payload.length) throw new Error("Malformed EMVCo payload");
  return fields;
}

/** Whether the payload's last four characters are the CRC of everything before them. */
export function hasValidCrc(payload: string): boolean {
  return payload.length > 8 && crc16(payload.slice(0, -4)) === payload.slice(-4);
}
