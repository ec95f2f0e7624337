// Pure helpers for filtering, grouping and counting checklist items.
import { STATUSES, type ItemState, type Section, type SectionProgress, type Status, type Text } from '../../api/types';

/** Owner filter value that matches items nobody owns. */
export const UNASSIGNED = '\u0000unassigned';

export interface Filters {
  query: string;
  /** Empty means every status. */
  statuses: Status[];
  section: string;
  owner: string;
  overdue: boolean;
  /** Evidence kind the app can supply, e.g. "key-register". */
  evidenceKind: string;
}

export function emptyFilters(): Filters {
  return { query: '', statuses: [], section: '', owner: '', overdue: false, evidenceKind: '' };
}

export function isFiltered(f: Filters): boolean {
  return (
    f.query.trim() !== '' ||
    f.statuses.length > 0 ||
    f.section !== '' ||
    f.owner !== '' ||
    f.overdue ||
    f.evidenceKind !== ''
  );
}

function textIncludes(t: Text, q: string): boolean {
  return t.en.toLowerCase().includes(q) || t['zh-CN'].toLowerCase().includes(q);
}

/** Whether an item passes the filters. kindsFor gives the catalogue's evidence kinds. */
export function matches(item: ItemState, f: Filters, kindsFor: (id: string) => string[] = () => []): boolean {
  if (f.statuses.length > 0 && !f.statuses.includes(item.status)) return false;
  if (f.section && item.section !== f.section) return false;
  if (f.owner === UNASSIGNED ? item.owner.trim() !== '' : f.owner && item.owner !== f.owner) return false;
  if (f.overdue && !item.overdue) return false;
  if (f.evidenceKind && !kindsFor(item.id).includes(f.evidenceKind)) return false;
  const q = f.query.trim().toLowerCase();
  if (q) {
    const hit =
      item.id.toLowerCase().includes(q) ||
      textIncludes(item.title, q) ||
      item.owner.toLowerCase().includes(q) ||
      item.notes.toLowerCase().includes(q);
    if (!hit) return false;
  }
  return true;
}

export function filterItems(
  items: readonly ItemState[],
  f: Filters,
  kindsFor?: (id: string) => string[],
): ItemState[] {
  return items.filter((i) => matches(i, f, kindsFor));
}

export interface Group {
  section: Section;
  items: ItemState[];
}

/** Groups items by section in the catalogue's order; unknown sections go last. Empty groups are dropped. */
export function groupBySection(items: readonly ItemState[], sections: readonly Section[]): Group[] {
  const groups = new Map<string, Group>();
  for (const s of sections) groups.set(s.id, { section: s, items: [] });
  for (const item of items) {
    let g = groups.get(item.section);
    if (!g) {
      const title = { en: item.section, 'zh-CN': item.section };
      g = { section: { id: item.section, title, summary: { en: '', 'zh-CN': '' } }, items: [] };
      groups.set(item.section, g);
    }
    g.items.push(item);
  }
  return [...groups.values()].filter((g) => g.items.length > 0);
}

/** Done and applicable (not "not applicable") items in a list, for a section header. */
export function sectionCount(items: readonly ItemState[]): { done: number; total: number } {
  const applicableItems = items.filter((i) => i.status !== 'not_applicable');
  return { done: applicableItems.filter((i) => i.status === 'done').length, total: applicableItems.length };
}

/** Distinct, non-empty owners, sorted. */
export function owners(items: readonly ItemState[]): string[] {
  const set = new Set(items.map((i) => i.owner.trim()).filter((o) => o !== ''));
  return [...set].sort((a, b) => a.localeCompare(b));
}

export function countByStatus(items: readonly ItemState[]): Record<Status, number> {
  const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const i of items) counts[i.status] += 1;
  return counts;
}

export function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Items that still count towards completion (everything but not applicable). */
export function applicable(p: SectionProgress): number {
  return Math.max(0, p.total - p.not_applicable);
}

/** The percentage to show: Go's, clamped; 100 when nothing applies but everything is accounted for. */
export function percentOf(p: SectionProgress): number {
  if (applicable(p) === 0) return p.total > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round(p.percent)));
}

/** Today's date as YYYY-MM-DD in local time (for date inputs). */
export function today(now: Date = new Date()): string {
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${m}-${d}`;
}

/** Cheap URL sanity check for evidence links. */
export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value.trim());
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The last path segment of a file path (either separator). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? path;
}
