// A record of the accessibility audits of one run, kept in a file because test files run in
// their own processes; the global teardown reads it to check that every page was audited in
// both languages.
import { appendFileSync, existsSync, readFileSync } from "node:fs";

export interface AuditRecord {
  /** The page's path with ids replaced, so /teams/12 and /teams/13 count as one page. */
  page: string;
  lang: string;
  /** The test file, by name, that ran the audit. */
  file: string;
}

export const LANGUAGES = ["vi", "en"] as const;

export function pageKey(url: string): string {
  const { pathname } = new URL(url);
  return pathname
    .split("/")
    .map((part) => (/^\d+$/.test(part) || /^[0-9a-f-]{16,}$/i.test(part) ? ":id" : part))
    .join("/");
}

export function appendAudit(file: string, record: AuditRecord): void {
  appendFileSync(file, `${JSON.stringify(record)}\n`);
}

export function readAuditLog(file: string): AuditRecord[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditRecord);
}

/** Pages audited in fewer than both languages, described for a person. */
export function languageCoverageProblems(audits: AuditRecord[]): string[] {
  const byPage = new Map<string, Set<string>>();
  for (const audit of audits) {
    const langs = byPage.get(audit.page) ?? new Set<string>();
    langs.add(audit.lang);
    byPage.set(audit.page, langs);
  }
  const problems: string[] = [];
  for (const [page, langs] of [...byPage].sort(([a], [b]) => a.localeCompare(b))) {
    const missing = LANGUAGES.filter((lang) => !langs.has(lang));
    if (missing.length > 0)
      problems.push(`${page}: audited in ${[...langs].join(", ")}, never in ${missing.join(", ")}`);
  }
  return problems;
}
