import { describe, expect, it } from 'vitest';
import * as d from './decode';

describe('decoders', () => {
  it('take the attached evidence, not the catalogue kinds, for an ItemState', () => {
    const s = d.itemState({
      id: 'UP-01',
      section: 'usage',
      title: { en: 'T', 'zh-CN': '标' },
      how: { en: ['a'], 'zh-CN': null },
      status: 'done',
      evidence: [{ id: 3, kind: 'url', ref: 'https://x.test', label: 'X', added_at: '2026-01-01T00:00:00Z' }],
      sources: null,
      overdue: true,
    });
    expect(s.status).toBe('done');
    expect(s.how).toEqual({ en: ['a'], 'zh-CN': [] });
    expect(s.sources).toEqual([]);
    expect(s.evidence).toHaveLength(1);
    expect(s.evidence[0]).toMatchObject({ id: 3, kind: 'url', label: 'X' });
    expect(s.overdue).toBe(true);
    expect(s.owner).toBe('');
  });

  it('reads a source as title and section in both languages, with date and address', () => {
    const s = d.itemState({
      sources: [{ title: { en: 'GDPR', 'zh-CN': '欧盟《通用数据保护条例》' }, section: { en: 'Art. 13' }, effective: '2018-05-25', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' }],
    });
    expect(s.sources).toEqual([
      { title: { en: 'GDPR', 'zh-CN': '欧盟《通用数据保护条例》' }, section: { en: 'Art. 13', 'zh-CN': '' }, effective: '2018-05-25', url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj' },
    ]);
  });

  it('ignores catalogue evidence kinds if they ever reach an ItemState', () => {
    expect(d.itemState({ evidence: ['leak-scan'] }).evidence).toEqual([]);
  });

  it('falls back to "todo" for an unknown status', () => {
    expect(d.itemState({ status: 'weird' }).status).toBe('todo');
    expect(d.status('at_risk')).toBe('at_risk');
  });

  it('keeps a missing profile as null and fills a partial one', () => {
    expect(d.workspace({ name: 'a', profile: null }).profile).toBeNull();
    const p = d.workspace({ name: 'a', profile: { eu: true } }).profile;
    expect(p?.eu).toBe(true);
    expect(p?.china).toBe(false);
  });

  it('reads catalogue items with their evidence kinds', () => {
    const c = d.catalogue({
      version: '1.0',
      items: [{ id: 'K-1', evidence: ['key-register'], applies_if: { all: ['eu'] } }],
      sections: null,
    });
    expect(c.sections).toEqual([]);
    expect(c.items[0]?.evidence).toEqual(['key-register']);
    expect(c.items[0]?.applies_if).toEqual({ all: ['eu'], any: [] });
  });

  it('reads a startup error from AppInfo', () => {
    expect(d.appInfo({ version: '1' }).startup_error).toBeNull();
    expect(d.appInfo({ startup_error: { code: 'data_dir', message: 'Read-only' } }).startup_error).toEqual({
      code: 'data_dir',
      message: 'Read-only',
    });
  });
});
