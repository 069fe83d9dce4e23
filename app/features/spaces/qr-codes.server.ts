import type { Kysely } from "kysely";
import qrcode from "qrcode-generator";
import type { Database, ResourceKind } from "#db/schema";
import { appUrl } from "~/utils/env.server";

// The QR codes printed on each desk: each opens /check-in/<code> of that desk.

const DESK_KINDS: ResourceKind[] = ["hot_desk", "fixed_desk"];

/** Modules of blank border a scanner needs around the code (the QR "quiet zone"). */
const QUIET_ZONE = 4;

/** The address a desk's QR code opens, absolute so that a phone's camera can follow it. */
export function checkInAddress(resourceCode: string, base = appUrl()): string {
  // new URL() turns a non-ASCII host or path of APP_URL into its ASCII form: the QR code
  // carries bytes, and a phone reads them as an ASCII address.
  return new URL(`${base}/check-in/${encodeURIComponent(resourceCode)}`).href;
}

export interface QrCodeDrawing {
  /** The side of the SVG viewBox, quiet zone included, in modules. */
  size: number;
  /** One SVG path of the dark modules, one rectangle per horizontal run. */
  path: string;
}

/**
 * Draws a QR code of `text` as SVG path data, for the server to render inline: no canvas,
 * no JavaScript in the browser. Error correction M survives a scuffed or bent sticker.
 */
export function drawQrCode(text: string): QrCodeDrawing {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row += 1) {
    let col = 0;
    while (col < count) {
      if (!code.isDark(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < count && code.isDark(row, col)) col += 1;
      const run = col - start;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`);
    }
  }
  return { size: count + 2 * QUIET_ZONE, path: parts.join("") };
}

export interface QrCodeFilter {
  /** Only this floor; null for every floor. */
  floorId: string | null;
  /** Rooms, the hall and booths too; otherwise desks only. */
  withRooms: boolean;
}

function cardQuery(db: Kysely<Database>, centreId: number) {
  return db
    .selectFrom("resource")
    .innerJoin("floor", "floor.id", "resource.floor_id")
    .select([
      "resource.id",
      "resource.code",
      "resource.kind",
      "resource.name_vi",
      "resource.name_en",
      "floor.code as floor_code",
      "floor.name_vi as floor_name_vi",
      "floor.name_en as floor_name_en",
    ])
    .where("resource.centre_id", "=", centreId)
    .orderBy("floor.sort_order")
    .orderBy("floor.code")
    .orderBy("resource.code");
}

type CardRow = Awaited<ReturnType<ReturnType<typeof cardQuery>["execute"]>>[number];

function toCard(row: CardRow) {
  const address = checkInAddress(row.code);
  return { ...row, address, qr: drawQrCode(address) };
}

export type QrCodeCard = ReturnType<typeof toCard>;

/** A card for every active desk (and room, if asked) of the centre, floor by floor. */
export async function listQrCodeCards(db: Kysely<Database>, centreId: number, filter: QrCodeFilter) {
  let query = cardQuery(db, centreId).where("resource.is_active", "=", true);
  if (!filter.withRooms) query = query.where("resource.kind", "in", DESK_KINDS);
  if (filter.floorId) query = query.where("resource.floor_id", "=", filter.floorId);
  return (await query.execute()).map(toCard);
}

/** The card of one resource, active or not (staff may print it before opening the desk). */
export async function findQrCodeCard(db: Kysely<Database>, centreId: number, resourceId: string) {
  const row = await cardQuery(db, centreId).where("resource.id", "=", resourceId).executeTakeFirst();
  return row ? toCard(row) : null;
}
