import { drawQrCode } from "~/features/spaces/qr-codes.server";
import { appUrl } from "~/utils/env.server";

/** The staff check-in address a registration's QR code opens (staff sign in to use it). */
export function checkInUrl(eventId: string, token: string, base = appUrl()): string {
  return new URL(`${base}/staff/events/${eventId}/check-in/${encodeURIComponent(token)}`).href;
}

/** The QR code of a registration, drawn on the server as SVG path data. */
export function registrationQr(eventId: string, token: string) {
  const address = checkInUrl(eventId, token);
  return { address, ...drawQrCode(address) };
}
