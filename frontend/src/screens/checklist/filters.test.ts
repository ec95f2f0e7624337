import { describe, expect, it } from 'vitest';
import type { ItemState, Section, SectionProgress } from '../../api/types';
import { itemState } from '../../api/decode';
import {
  applicable,
  baseName,
  countByStatus,
  emptyFilters,
  filterItems,
  groupBySection,
  isFiltered,
  isHttpUrl,
  owners,
  percentOf,
  sectionCount,
  today,
  toggle,
  UNASSIGNED,
} from './filters';

function item(over: Partial<ItemState> & { id: string }): ItemState {
  return { ...itemState({}), section: 'a', ...over };
}

const items: ItemState[] = [
  item({ id: 'A-1', title: { en: 'Tell users about AI', 'zh-CN': '告知用户' }, status: 'done', owner: 'Alice' }),
  item({ id: 'A-2', title: { en: 'Label news', 'zh-CN': '标注新闻' }, status: 'not_applicable' }),
  item({ id: 'B-1', section: 'b', title: { en: 'Rotate keys', 'zh-CN': '轮换密钥' }, status: 'todo', owner: 'Bob', overdue: true }),
  item({ id: 'B-2', section: 'b', title: { en: 'Set limits', 'zh-CN': '设置上限' }, status: 'at_risk', notes: 'budget pending' }),
  item({ id: 'X-1', section: 'x', title: { en: 'Orphan', 'zh-CN': '孤立' } }),
];
const sections: Section[] = [
  { id: 'b', title: { en: 'B', 'zh-CN': '乙' }, summary: { en: '', 'zh-CN': '' } },
  { id: 'a', title: { en: 'A', 'zh-CN': '甲' }, summary: { en: '', 'zh-CN': '' } },
];
const ids = (list: ItemState[]) => list.map((i) => i.id);

describe('filterItems', () => {
  it('returns everything without filters', () => {
    expect(filterItems(items, emptyFilters())).toHaveLength(items.length);
    expect(isFiltered(emptyFilters())).toBe(false);
  });

  it('filters by any of several statuses', () => {
    const f = { ...emptyFilters(), statuses: ['done' as const, 'at_risk' as const] };
    expect(ids(filterItems(items, f))).toEqual(['A-1', 'B-2']);
    expect(isFiltered(f)).toBe(true);
  });

  it('filters by section, owner, unassigned and overdue', () => {
    expect(ids(filterItems(items, { ...emptyFilters(), section: 'b' }))).toEqual(['B-1', 'B-2']);
    expect(ids(filterItems(items, { ...emptyFilters(), owner: 'Bob' }))).toEqual(['B-1']);
    expect(ids(filterItems(items, { ...emptyFilters(), owner: UNASSIGNED }))).toEqual(['A-2', 'B-2', 'X-1']);
    expect(ids(filterItems(items, { ...emptyFilters(), overdue: true }))).toEqual(['B-1']);
  });

  it('searches ids, titles in both languages, owners and notes, ignoring case', () => {
    const q = (query: string) => ids(filterItems(items, { ...emptyFilters(), query }));
    expect(q('b-1')).toEqual(['B-1']);
    expect(q('ROTATE')).toEqual(['B-1']);
    expect(q('新闻')).toEqual(['A-2']);
    expect(q('alice')).toEqual(['A-1']);
    expect(q('budget')).toEqual(['B-2']);
    expect(q('   ')).toHaveLength(items.length);
    expect(q('nothing like this')).toEqual([]);
  });

  it('filters by the evidence kinds the catalogue lists', () => {
    const kinds = (id: string) => (id === 'B-1' ? ['key-register'] : []);
    expect(ids(filterItems(items, { ...emptyFilters(), evidenceKind: 'key-register' }, kinds))).toEqual(['B-1']);
  });
});

describe('grouping and counting', () => {
  it('groups by section in catalogue order, unknown sections last, empty ones dropped', () => {
    const groups = groupBySection(items, [...sections, { id: 'empty', title: { en: 'E', 'zh-CN': 'E' }, summary: { en: '', 'zh-CN': '' } }]);
    expect(groups.map((g) => g.section.id)).toEqual(['b', 'a', 'x']);
    expect(groups[2]?.section.title.en).toBe('x');
  });

  it('lists distinct owners, sorted', () => {
    expect(owners([...items, item({ id: 'Z', owner: ' Alice ' })])).toEqual(['Alice', 'Bob']);
  });

  it('counts statuses', () => {
    expect(countByStatus(items)).toEqual({ todo: 2, in_progress: 0, done: 1, at_risk: 1, not_applicable: 1 });
  });

  it('counts a section without its not-applicable items', () => {
    expect(sectionCount(items.filter((i) => i.section === 'a'))).toEqual({ done: 1, total: 1 });
  });

  it('toggles values in a list', () => {
    expect(toggle(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggle(['a', 'b'], 'a')).toEqual(['b']);
  });
});

describe('progress formatting', () => {
  const p = (over: Partial<SectionProgress>): SectionProgress => ({
    section: 's',
    title: { en: '', 'zh-CN': '' },
    total: 10,
    done: 0,
    in_progress: 0,
    todo: 0,
    at_risk: 0,
    not_applicable: 0,
    percent: 0,
    ...over,
  });

  it('excludes not-applicable items', () => {
    expect(applicable(p({ total: 10, not_applicable: 4 }))).toBe(6);
  });

  it('clamps and rounds Go’s percentage', () => {
    expect(percentOf(p({ percent: 42.4 }))).toBe(42);
    expect(percentOf(p({ percent: 140 }))).toBe(100);
    expect(percentOf(p({ percent: -3 }))).toBe(0);
  });

  it('shows a section where nothing applies as complete, and an empty one as 0', () => {
    expect(percentOf(p({ total: 3, not_applicable: 3 }))).toBe(100);
    expect(percentOf(p({ total: 0 }))).toBe(0);
  });
});

describe('small helpers', () => {
  it('formats today for date inputs', () => {
    expect(today(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('accepts only http(s) URLs', () => {
    expect(isHttpUrl('https://example.com/a')).toBe(true);
    expect(isHttpUrl(' http://x.test ')).toBe(true);
    expect(isHttpUrl('ftp://x.test')).toBe(false);
    expect(isHttpUrl('example.com')).toBe(false);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
  });

  it('takes the file name from either kind of path', () => {
    expect(baseName('/home/a/dpa.pdf')).toBe('dpa.pdf');
    expect(baseName('C:\\Users\\a\\dpa.pdf')).toBe('dpa.pdf');
  });
});
