import { describe, expect, it } from 'vitest';
import { flatten, normalize, score, search, type Entry } from './match';

const entry = (group: Entry['group'], id: string, title: string, detail = ''): Entry => ({
  group,
  id,
  title,
  detail,
  screen: group === 'screen' ? 'overview' : 'checklist',
  query: {},
});

const entries: Entry[] = [
  entry('screen', 'overview', 'Overview'),
  entry('screen', 'keys', 'Keys'),
  entry('screen', 'leakscan', 'Leak scan'),
  entry('item', 'KH-03', 'No keys in source code'),
  entry('item', 'KH-01', 'Keys registered with an owner'),
  entry('item', 'KH-30', 'Something else'),
  entry('member', 'Ada', 'Ada Lovelace', 'ada@example.com'),
  entry('key', 'prod-bot', 'prod-bot', 'sk-proj-…abcd'),
  entry('suite', '3', 'Support bot'),
];

describe('normalize', () => {
  it('drops case and separators', () => {
    expect(normalize('KH-03')).toBe('kh03');
    expect(normalize(' Leak scan ')).toBe('leakscan');
  });
});

describe('score', () => {
  it('ranks an exact id over a prefix over a title word over a substring', () => {
    const exact = score('kh-03', entries[3]!);
    const prefix = score('kh-0', entries[3]!);
    const word = score('source', entries[3]!);
    const inside = score('ource', entries[3]!);
    expect(exact).toBeGreaterThan(prefix);
    expect(prefix).toBeGreaterThan(word);
    expect(word).toBeGreaterThan(inside);
    expect(inside).toBeGreaterThan(0);
  });

  it('accepts the id without its separator and in any case', () => {
    expect(score('kh03', entries[3]!)).toBe(score('KH-03', entries[3]!));
  });

  it('searches the detail line and letters in order, and rejects the rest', () => {
    expect(score('example.com', entries[6]!)).toBeGreaterThan(0);
    expect(score('lksc', entries[2]!)).toBeGreaterThan(0);
    expect(score('zzz', entries[2]!)).toBe(0);
  });
});

describe('search', () => {
  it('lists only the screens for an empty query', () => {
    const groups = search('  ', entries);
    expect(groups.map((g) => g.group)).toEqual(['screen']);
    expect(groups[0]!.hits.map((h) => h.entry.id)).toEqual(['overview', 'keys', 'leakscan']);
  });

  it('puts the exact checklist id first, ahead of other groups and near ids', () => {
    const hits = flatten(search('KH-03', entries));
    expect(hits[0]!.entry.id).toBe('KH-03');
    expect(hits.map((h) => h.entry.id)).not.toContain('KH-01');
  });

  it('orders groups by their best hit: a screen name opens the screen', () => {
    const groups = search('keys', entries);
    expect(groups[0]!.group).toBe('screen');
    expect(groups[0]!.hits[0]!.entry.id).toBe('keys');
    // The checklist item mentioning keys is still found, in its own group.
    expect(groups.find((g) => g.group === 'item')?.hits.map((h) => h.entry.id)).toContain('KH-01');
  });

  it('finds a key by its label and a member by e-mail, never by anything else', () => {
    expect(flatten(search('prod', entries))[0]!.entry.group).toBe('key');
    expect(flatten(search('ada@', entries))[0]!.entry.id).toBe('Ada');
  });

  it('caps each group', () => {
    const many = Array.from({ length: 20 }, (_, i) => entry('item', `KH-${i + 10}`, `Item ${i}`));
    expect(search('kh', many, 5)[0]!.hits).toHaveLength(5);
  });
});
