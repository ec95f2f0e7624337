// The command palette's matching and ranking: pure functions over plain
// entries, so the ranking is unit-tested without a browser.
import type { Screen } from '../router.svelte';

/** The palette's result groups, in the order they are listed on a tie. */
export const GROUPS = ['screen', 'item', 'member', 'key', 'finding', 'suite'] as const;
export type Group = (typeof GROUPS)[number];

/** One thing the palette can open. Keys appear only by label and redacted form. */
export interface Entry {
  group: Group;
  /** A stable id within the group: a screen name, a checklist id, a key label… */
  id: string;
  /** What the row shows, in the UI language. */
  title: string;
  /** A second, quieter line (e.g. a key's redacted form); also searched. */
  detail: string;
  screen: Screen;
  query: Record<string, string>;
}

export interface Hit {
  entry: Entry;
  score: number;
}

export interface HitGroup {
  group: Group;
  hits: Hit[];
}

/** Lower case, without the separators people type or leave out ("kh03" finds "KH-03"). */
export function normalize(s: string): string {
  return s.toLowerCase().replace(/[\s\-_./·:]+/g, '');
}

/** True when every character of needle appears in hay, in order. */
function subsequence(needle: string, hay: string): boolean {
  let i = 0;
  for (const c of hay) if (c === needle[i] && ++i === needle.length) return true;
  return needle.length === 0;
}

/**
 * How well the query matches an entry; 0 means not at all. An exact id beats
 * an id prefix, which beats the start of the title, the start of a word in it,
 * anywhere in id/title/detail, and last the letters in order.
 */
export function score(query: string, e: Entry): number {
  const q = normalize(query);
  if (q === '') return 1;
  const id = normalize(e.id);
  const title = normalize(e.title);
  if (id === q) return 100;
  if (title === q) return 95;
  if (id.startsWith(q)) return 80;
  if (title.startsWith(q)) return 70;
  const words = e.title.toLowerCase().split(/[\s\-_/·:,()“”"']+/).map(normalize);
  if (words.some((w) => w.startsWith(q))) return 60;
  if (id.includes(q) || title.includes(q)) return 40;
  if (normalize(e.detail).includes(q)) return 30;
  if (q.length >= 2 && subsequence(q, title)) return 10;
  return 0;
}

/**
 * The matching entries, grouped; the groups ordered by their best hit (then
 * the GROUPS order), each group's hits best first and at most perGroup long.
 * An empty query lists only the screens.
 */
export function search(query: string, entries: readonly Entry[], perGroup = 6): HitGroup[] {
  const empty = normalize(query) === '';
  const byGroup = new Map<Group, Hit[]>();
  for (const entry of entries) {
    if (empty && entry.group !== 'screen') continue;
    const s = score(query, entry);
    if (s <= 0) continue;
    const list = byGroup.get(entry.group) ?? [];
    list.push({ entry, score: s });
    byGroup.set(entry.group, list);
  }
  const groups: HitGroup[] = [];
  for (const group of GROUPS) {
    const hits = byGroup.get(group);
    if (!hits) continue;
    if (!empty) hits.sort((a, b) => b.score - a.score || a.entry.title.localeCompare(b.entry.title));
    groups.push({ group, hits: empty ? hits : hits.slice(0, perGroup) });
  }
  const best = (g: HitGroup) => g.hits[0]?.score ?? 0;
  return groups.sort((a, b) => best(b) - best(a) || GROUPS.indexOf(a.group) - GROUPS.indexOf(b.group));
}

/** The groups' hits in display order, for arrow-key selection. */
export function flatten(groups: readonly HitGroup[]): Hit[] {
  return groups.flatMap((g) => g.hits);
}
