import { describe, expect, it } from 'vitest';
import type { PrivacyDiffLine } from '../../api';
import { compareOrder, diffStats, foldDiff, numberLines, unfold, type DiffItem } from './diff';

const same = (text: string): PrivacyDiffLine => ({ op: 'same', text });
const add = (text: string): PrivacyDiffLine => ({ op: 'added', text });
const del = (text: string): PrivacyDiffLine => ({ op: 'removed', text });

const shape = (items: DiffItem[]) =>
  items.map((i) => (i.kind === 'fold' ? `fold(${i.rows.length})` : `${i.op[0]}:${i.text}`));

describe('numberLines', () => {
  it('numbers each side, leaving the other side empty for changes', () => {
    const rows = numberLines([same('a'), del('b'), add('B'), add('C'), same('d')]);
    expect(rows.map((r) => [r.oldNo, r.newNo])).toEqual([
      [1, 1],
      [2, null],
      [null, 2],
      [null, 3],
      [3, 4],
    ]);
  });
});

describe('diffStats', () => {
  it('counts each kind of line', () => {
    expect(diffStats([same('a'), del('b'), add('c'), add('d')])).toEqual({ same: 1, removed: 1, added: 2 });
    expect(diffStats([])).toEqual({ same: 0, removed: 0, added: 0 });
  });
});

describe('foldDiff', () => {
  const ten = (p: string) => Array.from({ length: 10 }, (_, i) => same(`${p}${i}`));

  it('folds long unchanged runs, keeping context around each change', () => {
    const lines = [...ten('a'), add('new'), ...ten('b')];
    expect(shape(foldDiff(lines, 2))).toEqual(['fold(8)', 's:a8', 's:a9', 'a:new', 's:b0', 's:b1', 'fold(8)']);
  });

  it('keeps a short run instead of folding it', () => {
    const lines = [same('x'), same('y'), add('new'), same('z')];
    expect(shape(foldDiff(lines, 1, 4))).toEqual(['s:x', 's:y', 'a:new', 's:z']);
  });

  it('merges the context of nearby changes', () => {
    const lines = [add('1'), same('a'), same('b'), same('c'), del('2')];
    expect(shape(foldDiff(lines, 2))).toEqual(['a:1', 's:a', 's:b', 's:c', 'r:2']);
  });

  it('keeps everything when nothing changed', () => {
    expect(shape(foldDiff(ten('a')))).toHaveLength(10);
    expect(foldDiff([])).toEqual([]);
  });

  it('unfolds the folds asked for', () => {
    const items = foldDiff([...ten('a'), add('new')], 1);
    const fold = items[0];
    expect(fold?.kind).toBe('fold');
    expect(shape(unfold(items, new Set()))).toEqual(['fold(9)', 's:a9', 'a:new']);
    expect(unfold(items, new Set([0]))).toHaveLength(11);
  });
});

describe('compareOrder', () => {
  it('puts the older version first', () => {
    expect(compareOrder({ id: 7 }, { id: 3 })).toEqual([{ id: 3 }, { id: 7 }]);
    expect(compareOrder({ id: 3 }, { id: 7 })).toEqual([{ id: 3 }, { id: 7 }]);
  });
});
