// Pure rules of the audit log: no database, no request.
import { audit } from "~/i18n/messages/audit";
import type { MessageKey } from "~/i18n/translate";

/** Columns never copied into the log: secrets, and bookkeeping that changes on every write. */
const LEFT_OUT = new Set(["password_hash", "edit_token_hash", "token_hash", "id_hash", "updated_at", "sequence"]);

export type AuditValue = string | number | boolean | null | AuditValue[] | { [key: string]: AuditValue };
export type AuditRow = Record<string, AuditValue>;

function toValue(value: unknown): AuditValue {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toValue);
  if (typeof value === "object") {
    const out: Record<string, AuditValue> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toValue(inner);
    return out;
  }
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** A row as the log keeps it: JSON values, instants as ISO strings, secrets left out. */
export function auditRow(row: object | null | undefined): AuditRow | null {
  if (!row) return null;
  const out: AuditRow = {};
  for (const [key, value] of Object.entries(row)) {
    if (!LEFT_OUT.has(key)) out[key] = toValue(value);
  }
  return out;
}

export interface FieldChange {
  field: string;
  before: AuditValue | undefined;
  after: AuditValue | undefined;
}

/** The fields that differ between two rows, in the order they first appear (a created row: every field). */
export function auditDiff(before: AuditRow | null, after: AuditRow | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const old = before ? before[field] : undefined;
    const now = after ? after[field] : undefined;
    if (JSON.stringify(old) !== JSON.stringify(now)) changes.push({ field, before: old, after: now });
  }
  return changes;
}

/** How a value reads in the diff: text as itself, nothing as "—", lists joined. */
export function showValue(value: AuditValue | undefined): string {
  if (value === undefined || value === null || value === "") return "—";
  if (Array.isArray(value)) return value.length === 0 ? "—" : value.map(showValue).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

const LABELS = new Set<string>(Object.keys(audit.vi));

/** The dictionary key naming a kind of record ("resource" → "Chỗ ngồi, phòng"), or null when it has none. */
export function entityLabelKey(entityType: string): MessageKey | null {
  const key = `audit.entity.${entityType}`;
  return LABELS.has(key) ? (key as MessageKey) : null;
}

/** The dictionary key naming an action ("resource.update" → "Sửa chỗ ngồi, phòng"), or null when it has none. */
export function actionLabelKey(action: string): MessageKey | null {
  const key = `audit.action.${action}`;
  return LABELS.has(key) ? (key as MessageKey) : null;
}
