// Where the palette's entries come from: the existing facade calls, read when
// the palette opens. A source that fails is named, not hidden; keys appear
// only by label, member and redacted form (the facade never holds a secret).
import {
  items,
  keyFindings,
  listKeys,
  listMembers,
  listModerationSuites,
  listWorkspaces,
  type KeyRecord,
} from '../../api';
import { pick, t } from '../../i18n/index.svelte';
import { SCREENS } from '../router.svelte';
import type { Entry, Group } from './match';

export interface Loaded {
  entries: Entry[];
  /** The groups that couldn't be loaded. */
  failed: Group[];
}

/** The screens, titled in the UI language. */
export function screenEntries(): Entry[] {
  return SCREENS.map((s) => ({ group: 'screen', id: s, title: t(`nav.${s}`), detail: '', screen: s, query: {} }));
}

async function itemEntries(): Promise<Entry[]> {
  const spaces = await listWorkspaces();
  const lists = await Promise.all(spaces.map((w) => items(w.name)));
  const seen = new Map<string, Entry>();
  lists.forEach((list, i) => {
    for (const it of list) {
      const had = seen.get(it.id);
      if (had) {
        had.detail = `${had.detail}, ${spaces[i]!.name}`;
        continue;
      }
      seen.set(it.id, {
        group: 'item',
        id: it.id,
        title: pick(it.title),
        detail: spaces[i]!.name,
        screen: 'checklist',
        query: { item: it.id },
      });
    }
  });
  return [...seen.values()];
}

async function memberEntries(): Promise<Entry[]> {
  return (await listMembers()).map((m) => ({
    group: 'member',
    id: m.name,
    title: m.name,
    detail: [m.email, m.role].filter(Boolean).join(' · '),
    screen: 'keys',
    query: {},
  }));
}

// A rotated key keeps its label, so one label can name several records: the
// palette shows the newest, which is the one the Keys screen opens.
async function keyEntries(): Promise<Entry[]> {
  const newest = new Map<string, KeyRecord>();
  for (const k of await listKeys()) {
    const had = newest.get(k.label);
    if (!had || k.id > had.id) newest.set(k.label, k);
  }
  return [...newest.values()].map((k) => ({
    group: 'key',
    id: k.label,
    title: k.label,
    detail: t('search.keyDetail', { member: k.member, redacted: k.redacted }),
    screen: 'keys',
    query: { key: k.label },
  }));
}

async function findingEntries(): Promise<Entry[]> {
  return (await keyFindings()).map((f): Entry => ({
    group: 'finding',
    id: f.id,
    title: pick(f.title),
    detail: [...f.labels, ...f.members, ...f.checklist].join(' · '),
    screen: 'keys',
    query: f.labels[0] ? { key: f.labels[0] } : ({} as Record<string, string>),
  }));
}

async function suiteEntries(): Promise<Entry[]> {
  return (await listModerationSuites()).map((s) => ({
    group: 'suite',
    id: String(s.id),
    title: s.name,
    detail: t('search.suiteDetail', { count: s.item_count }),
    screen: 'moderation',
    query: { suite: String(s.id) },
  }));
}

/** Everything the palette searches; never rejects. */
export async function loadEntries(): Promise<Loaded> {
  const sources: [Group, () => Promise<Entry[]>][] = [
    ['item', itemEntries],
    ['member', memberEntries],
    ['key', keyEntries],
    ['finding', findingEntries],
    ['suite', suiteEntries],
  ];
  const settled = await Promise.allSettled(sources.map(([, load]) => load()));
  const entries = screenEntries();
  const failed: Group[] = [];
  const ids = new Set(entries.map((e) => `${e.group}:${e.id}`));
  settled.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      // One row per group and id, whatever a source returns.
      for (const e of r.value) {
        const id = `${e.group}:${e.id}`;
        if (!ids.has(id)) entries.push(e);
        ids.add(id);
      }
    } else {
      failed.push(sources[i]![0]);
      console.warn(`search: load ${sources[i]![0]}:`, r.reason);
    }
  });
  return { entries, failed };
}
