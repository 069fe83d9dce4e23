import type { ApplicationStatus } from "#db/schema";

// Pure rules of public applications: no database, no request.

/**
 * The stage order. Each stage may move to the next one; any stage not yet decided may also
 * end as not_selected. A winner becomes incubated only through the incubation use case,
 * which creates the team; staff cannot set that stage by hand.
 */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ["under_review", "not_selected"],
  under_review: ["shortlisted", "not_selected"],
  shortlisted: ["finalist", "not_selected"],
  finalist: ["winner", "not_selected"],
  winner: ["incubated"],
  not_selected: [],
  incubated: [],
};

/** The stages staff may move an application to from the list or its page. */
export const STAFF_TARGETS = ["under_review", "shortlisted", "finalist", "winner", "not_selected"] as const;
export type StaffTarget = (typeof STAFF_TARGETS)[number];

export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** The stages an application in `from` can be moved to by staff (incubation excluded). */
export function staffMovesFrom(from: ApplicationStatus): StaffTarget[] {
  return STAFF_TARGETS.filter((to) => canMove(from, to));
}

/** Applicants may change what they sent until the programme's deadline. */
export function isWindowOpen(
  programme: { applications_open_at: Date | null; applications_close_at: Date | null },
  now: Date,
): boolean {
  const { applications_open_at: opens, applications_close_at: closes } = programme;
  if (!opens || !closes) return false;
  return now.getTime() >= opens.getTime() && now.getTime() < closes.getTime();
}

export type WindowState = "not-open" | "open" | "closed";

export function windowState(
  programme: { applications_open_at: Date | null; applications_close_at: Date | null },
  now: Date,
): WindowState {
  const { applications_open_at: opens, applications_close_at: closes } = programme;
  if (!opens || !closes || now.getTime() < opens.getTime()) return "not-open";
  return now.getTime() < closes.getTime() ? "open" : "closed";
}

/** Links typed one per line: blank lines dropped, each must be an http(s) URL. */
export function parseLinks(text: string): { ok: true; links: string[] } | { ok: false } {
  const links: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = line.trim();
    if (!value) continue;
    if (!isHttpUrl(value)) return { ok: false };
    links.push(value);
  }
  return { ok: true, links };
}

export function isHttpUrl(value: string): boolean {
  if (value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

/** A PDF file starts with "%PDF-" whatever its name or declared type says. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** A stored file name safe to put in a Content-Disposition header and on a page. */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? "";
  const cleaned = [...base]
    .filter((char) => char.charCodeAt(0) >= 0x20 && char !== "\u007f" && char !== '"' && char !== "\\")
    .join("")
    .trim()
    .slice(0, 120);
  return cleaned || "pitch.pdf";
}
