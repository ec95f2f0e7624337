// Pure helpers of the keys screen: grouping, sorting, ages and dates. Kept
// free of Svelte and of the i18n module so they are trivially testable.
import {
  KEY_SEVERITIES,
  type KeyEnvironment,
  type KeyFinding,
  type KeyKind,
  type KeyPlace,
  type KeyRecord,
  type KeySeverity,
  type TeamMember,
} from '../../api/keys';

const DAY_MS = 24 * 60 * 60 * 1000;

/** How long before its rotation date a key counts as "due soon". */
export const DUE_SOON_DAYS = 14;

/** The shortest passphrase a new file vault accepts (keys.MinPassphraseLen). */
export const MIN_PASSPHRASE = 10;

/** Active and rotation-due keys are in use; retired and revoked ones are history. */
export function isCurrent(k: Pick<KeyRecord, 'status'>): boolean {
  return k.status === 'active' || k.status === 'rotation_due';
}

export interface FindingGroup {
  severity: KeySeverity;
  findings: KeyFinding[];
}

/** Findings by severity, most urgent first; empty severities are left out. */
export function groupFindings(findings: readonly KeyFinding[]): FindingGroup[] {
  return KEY_SEVERITIES.map((severity) => ({
    severity,
    findings: findings.filter((f) => f.severity === severity),
  })).filter((g) => g.findings.length > 0);
}

/** The most urgent severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly KeyFinding[]): KeySeverity | null {
  return KEY_SEVERITIES.find((s) => findings.some((f) => f.severity === s)) ?? null;
}

/** The findings that concern a key, by its record id or (else) its label. */
export function findingsForKey(findings: readonly KeyFinding[], k: Pick<KeyRecord, 'id' | 'label'>): KeyFinding[] {
  return findings.filter((f) => (f.key_ids.length > 0 ? f.key_ids.includes(k.id) : f.labels.includes(k.label)));
}

/** The findings about a member that are not about one of their keys (e.g. no key of their own). */
export function findingsForMember(findings: readonly KeyFinding[], name: string): KeyFinding[] {
  return findings.filter((f) => f.key_ids.length === 0 && f.labels.length === 0 && f.members.includes(name));
}

function parseStamp(stamp: string): number | null {
  if (!stamp) return null;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stamp);
  const t = plain
    ? new Date(Number(plain[1]), Number(plain[2]) - 1, Number(plain[3])).getTime()
    : new Date(stamp).getTime();
  return Number.isNaN(t) ? null : t;
}

/** Whole days since an RFC 3339 stamp (0 on the day itself); null if unparsable. */
export function ageDays(stamp: string, now: Date = new Date()): number | null {
  const t = parseStamp(stamp);
  if (t === null) return null;
  return Math.max(0, Math.floor((now.getTime() - t) / DAY_MS));
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** Calendar days from today to a YYYY-MM-DD date: negative once it has passed; null if unparsable. */
export function daysUntil(date: string, now: Date = new Date()): number | null {
  const t = parseStamp(date);
  if (t === null) return null;
  const target = new Date(t);
  return Math.round((startOfDay(target) - startOfDay(now)) / DAY_MS);
}

export type RotationState = 'overdue' | 'soon' | 'ok' | 'none';

/** Where a current key stands against its rotation date. */
export function rotationState(k: Pick<KeyRecord, 'status' | 'rotate_by'>, now: Date = new Date()): RotationState {
  if (!isCurrent(k)) return 'none';
  const days = daysUntil(k.rotate_by, now);
  if (days === null) return 'none';
  if (days <= 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'soon';
  return 'ok';
}

const ENV_ORDER: Record<KeyEnvironment, number> = { prod: 0, staging: 1, dev: 2 };

/** Current keys in the order a member's list shows them: production first, then by label. */
export function sortKeys(keys: readonly KeyRecord[]): KeyRecord[] {
  return [...keys].sort(
    (a, b) => ENV_ORDER[a.environment] - ENV_ORDER[b.environment] || a.label.localeCompare(b.label),
  );
}

/** When a past key left service (rotated or revoked). */
export function endedAt(k: Pick<KeyRecord, 'rotated_at' | 'revoked_at'>): string {
  return k.revoked_at || k.rotated_at;
}

/** Retired and revoked keys, most recently ended first. */
export function pastKeys(keys: readonly KeyRecord[]): KeyRecord[] {
  return keys
    .filter((k) => !isCurrent(k))
    .sort((a, b) => endedAt(b).localeCompare(endedAt(a)) || b.id - a.id);
}

export interface TeamRow {
  member: TeamMember;
  keys: KeyRecord[];
}

/**
 * Each member with their current keys. Members come in the order given (Go
 * sorts them by name); keys whose holder is not a current member (which Go
 * should never leave behind) are left out here and counted by `strayKeys`.
 */
export function teamRows(members: readonly TeamMember[], keys: readonly KeyRecord[]): TeamRow[] {
  const current = keys.filter(isCurrent);
  return members.map((member) => ({
    member,
    keys: sortKeys(current.filter((k) => k.member_id === member.id)),
  }));
}

/** Current keys whose holder is not among the members. */
export function strayKeys(members: readonly TeamMember[], keys: readonly KeyRecord[]): KeyRecord[] {
  const ids = new Set(members.map((m) => m.id));
  return sortKeys(keys.filter((k) => isCurrent(k) && !ids.has(k.member_id)));
}

/** The kind of OpenAI key a pasted value looks like, from its prefix only. */
export function detectKeyKind(value: string): KeyKind | null {
  const v = value.trim().replace(/^["']/, '');
  if (v.startsWith('sk-proj-')) return 'project';
  if (v.startsWith('sk-svcacct-')) return 'service_account';
  if (v.startsWith('sk-admin-')) return 'admin';
  if (v.startsWith('sk-ant-')) return null;
  if (v.startsWith('sk-')) return 'legacy_user';
  return null;
}

/** A label suggestion for a new key, e.g. "alice-dev", not clashing with current labels. */
export function suggestLabel(member: string, env: KeyEnvironment, taken: readonly string[]): string {
  const slug =
    member
      .trim()
      .toLowerCase()
      .replace(/\s+/g, '-')
      .replace(/[^\p{L}\p{N}_-]/gu, '')
      .replace(/-+/g, '-')
      .replace(/^-|-$/g, '') || 'key';
  const used = new Set(taken.map((l) => l.toLowerCase()));
  const base = `${slug}-${env}`;
  if (!used.has(base)) return base;
  for (let i = 2; ; i++) if (!used.has(`${base}-${i}`)) return `${base}-${i}`;
}

export type PassphraseIssue = 'empty' | 'short' | 'mismatch' | null;

/** What is wrong with a new passphrase and its confirmation, if anything. */
export function passphraseIssue(pass: string, confirm: string, min = MIN_PASSPHRASE): PassphraseIssue {
  if (pass === '') return 'empty';
  if ([...pass].length < min) return 'short';
  if (pass !== confirm) return 'mismatch';
  return null;
}

/** How many places have been ticked off, of how many. */
export function placesProgress(places: readonly KeyPlace[]): { done: number; total: number } {
  return { done: places.filter((p) => p.done_at !== '').length, total: places.length };
}

/** Up to two initials for an avatar. */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  if (parts.length === 0) return '?';
  const first = [...(parts[0] ?? '')][0] ?? '';
  const last = parts.length > 1 ? ([...(parts[parts.length - 1] ?? '')][0] ?? '') : '';
  return (first + last).toUpperCase();
}
