import { describe, expect, it } from 'vitest';
import type { LeakFinding } from '../../api';
import {
  addFolder,
  authorName,
  baseName,
  copyLocation,
  countBySeverity,
  fileManagerTarget,
  fillRegistered,
  formatBytes,
  formatCount,
  formatMegabytes,
  formatRate,
  groupBySeverity,
  isAbsolutePath,
  isHistorySkip,
  joinPath,
  locationLabel,
  normalizeFolder,
  parseFolders,
  parseSkipReason,
  removeFolder,
  shellQuote,
  shortCommit,
  splitDuration,
} from './model';
import { evidenceItems } from './evidence';
import { fromSummary } from './state.svelte';

function finding(over: Partial<LeakFinding> = {}): LeakFinding {
  return {
    rule: 'openai-project-key',
    severity: 'high',
    root: '/home/ada/app',
    file: 'src/config.py',
    line: 3,
    column: 14,
    commit: '',
    author: '',
    date: '',
    redacted: 'sk-proj-…abcd',
    fingerprint: 'fp1',
    member: '',
    label: '',
    ...over,
  };
}

describe('grouping by severity', () => {
  it('orders groups critical, high, medium and drops empty ones', () => {
    const fs = [
      finding({ severity: 'medium', file: '.env' }),
      finding({ severity: 'high', file: 'a.py' }),
      finding({ severity: 'critical', file: 'b.py' }),
      finding({ severity: 'high', file: 'c.py' }),
    ];
    const groups = groupBySeverity(fs);
    expect(groups.map((g) => g.severity)).toEqual(['critical', 'high', 'medium']);
    expect(groups[1]?.findings.map((f) => f.file)).toEqual(['a.py', 'c.py']);
    expect(groupBySeverity(fs.filter((f) => f.severity === 'high')).map((g) => g.severity)).toEqual(['high']);
    expect(groupBySeverity([])).toEqual([]);
  });

  it('counts each severity', () => {
    expect(countBySeverity([finding(), finding({ severity: 'medium' }), finding()])).toEqual({
      critical: 0,
      high: 2,
      medium: 1,
    });
  });
});

describe('numbers', () => {
  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(150 * 1024 * 1024)).toBe('150 MB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GB');
    expect(formatBytes(-5)).toBe('0 B');
    expect(formatBytes(Number.NaN)).toBe('0 B');
  });

  it('formats megabytes with one decimal and grouping', () => {
    expect(formatMegabytes(0)).toBe('0.0');
    expect(formatMegabytes(5 * 1024 * 1024 + 100)).toBe('5.0');
    expect(formatMegabytes(2048 * 1024 * 1024)).toBe('2,048.0');
  });

  it('formats counts and rates', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(Number.POSITIVE_INFINITY)).toBe('0');
    expect(formatRate(0)).toBe('0');
    expect(formatRate(3.14159)).toBe('3.1');
    expect(formatRate(4091.6)).toBe('4,092');
    expect(formatRate(-1)).toBe('0');
  });

  it('splits durations', () => {
    expect(splitDuration(0)).toEqual({ kind: 'seconds', seconds: '0.0' });
    expect(splitDuration(0.02)).toEqual({ kind: 'seconds', seconds: '0.1' });
    expect(splitDuration(4.27)).toEqual({ kind: 'seconds', seconds: '4.2' });
    expect(splitDuration(38.9)).toEqual({ kind: 'seconds', seconds: '38' });
    expect(splitDuration(125.5)).toEqual({ kind: 'minutes', minutes: 2, seconds: '05' });
    expect(splitDuration(Number.NaN)).toEqual({ kind: 'seconds', seconds: '0.0' });
  });
});

describe('locations', () => {
  it('reads file:line:col', () => {
    expect(locationLabel(finding())).toBe('src/config.py:3:14');
    expect(locationLabel(finding({ column: 0 }))).toBe('src/config.py:3');
    expect(locationLabel(finding({ line: 0, column: 0 }))).toBe('src/config.py');
  });

  it('copies the full path of a working-tree finding and the repository path of a commit', () => {
    expect(copyLocation(finding())).toBe('/home/ada/app/src/config.py:3:14');
    expect(copyLocation(finding({ commit: 'abc1234def' }))).toBe('src/config.py:3:14');
    expect(copyLocation(finding({ root: 'C:\\Users\\ada\\app' }))).toBe('C:\\Users\\ada\\app\\src\\config.py:3:14');
  });

  it('joins roots and files in the root’s style', () => {
    expect(joinPath('/home/ada/app', 'a/b.txt')).toBe('/home/ada/app/a/b.txt');
    expect(joinPath('/', 'etc/x')).toBe('/etc/x');
    expect(joinPath('C:\\work', 'a/b.txt')).toBe('C:\\work\\a\\b.txt');
    expect(joinPath('/home/ada/app', '.')).toBe('/home/ada/app');
    expect(joinPath('', 'x')).toBe('x');
  });

  it('opens the file, or the scanned folder for a finding in a commit', () => {
    expect(fileManagerTarget(finding())).toBe('/home/ada/app/src/config.py');
    expect(fileManagerTarget(finding({ commit: 'abc' }))).toBe('/home/ada/app');
  });

  it('shortens commits and authors, and names folders', () => {
    expect(shortCommit('0123456789abcdef')).toBe('0123456');
    expect(authorName('Ada Lovelace <ada@example.com>')).toBe('Ada Lovelace');
    expect(authorName('<ada@example.com>')).toBe('ada@example.com');
    expect(authorName('')).toBe('');
    expect(baseName('/home/ada/app/')).toBe('app');
    expect(baseName('C:\\work\\app')).toBe('app');
    expect(baseName('/')).toBe('/');
  });

  it('quotes paths for a shell only when needed', () => {
    expect(shellQuote('/home/ada/app')).toBe('/home/ada/app');
    expect(shellQuote('/home/ada/my app')).toBe("'/home/ada/my app'");
    expect(shellQuote("/home/ada/it's")).toBe("'/home/ada/it'\\''s'");
    expect(shellQuote('C:\\My Work\\app')).toBe('"C:\\My Work\\app"');
  });
});

describe('the folder list', () => {
  it('normalises typed paths', () => {
    expect(normalizeFolder('  /home/ada/app/ ')).toBe('/home/ada/app');
    expect(normalizeFolder('/')).toBe('/');
    expect(normalizeFolder('///')).toBe('/');
    expect(normalizeFolder('C:')).toBe('C:\\');
    expect(normalizeFolder('C:\\work\\')).toBe('C:\\work');
    expect(normalizeFolder('   ')).toBe('');
  });

  it('accepts full paths only', () => {
    for (const p of ['/x', 'C:\\x', 'c:/x', '\\\\server\\share']) expect(isAbsolutePath(p), p).toBe(true);
    for (const p of ['x', './x', '~/x', 'C:x', '']) expect(isAbsolutePath(p), p).toBe(false);
  });

  it('adds without duplicates and removes', () => {
    let list = addFolder([], '/a/');
    list = addFolder(list, '/a');
    list = addFolder(list, '/b');
    list = addFolder(list, '  ');
    expect(list).toEqual(['/a', '/b']);
    expect(removeFolder(list, '/a')).toEqual(['/b']);
  });

  it('reads what localStorage holds, tolerating junk', () => {
    expect(parseFolders(null)).toEqual([]);
    expect(parseFolders('not json')).toEqual([]);
    expect(parseFolders('{"a":1}')).toEqual([]);
    expect(parseFolders('["/a", 3, "/a/", null, "/b"]')).toEqual(['/a', '/b']);
  });
});

describe('skip reasons', () => {
  it('recognises the reasons Go writes', () => {
    expect(parseSkipReason('broken symlink')).toEqual({ kind: 'brokenSymlink' });
    expect(parseSkipReason('symlink to a folder, not followed')).toEqual({ kind: 'symlinkToFolder' });
    expect(parseSkipReason('not readable: permission denied')).toEqual({ kind: 'notReadable', detail: 'permission denied' });
    expect(parseSkipReason('folder not readable: permission denied')).toEqual({
      kind: 'folderNotReadable',
      detail: 'permission denied',
    });
    expect(parseSkipReason('symlink not readable: too many links')).toEqual({
      kind: 'symlinkNotReadable',
      detail: 'too many links',
    });
    expect(parseSkipReason('history not scanned: not a git repository')).toEqual({
      kind: 'history',
      detail: 'not a git repository',
    });
    expect(parseSkipReason('something new')).toEqual({ kind: 'other', detail: 'something new' });
  });

  it('tells history skips apart', () => {
    expect(isHistorySkip({ root: '/a', file: '.', reason: 'history not scanned: no git' })).toBe(true);
    expect(isHistorySkip({ root: '/a', file: 'x', reason: 'broken symlink' })).toBe(false);
  });
});

describe('registered keys', () => {
  const keys = [
    { id: 1, fingerprint: 'FP1', label: 'old', member: 'Ada', status: 'revoked' },
    { id: 2, fingerprint: 'fp1', label: 'prod', member: 'Ada', status: 'active' },
    { id: 3, fingerprint: 'fp1', label: 'newer-revoked', member: 'Bob', status: 'revoked' },
  ];

  it('names critical findings that came without a label, preferring a key in use', () => {
    const out = fillRegistered([finding({ severity: 'critical' }), finding({ fingerprint: 'other' })], keys);
    expect(out[0]).toMatchObject({ label: 'prod', member: 'Ada', severity: 'critical' });
    expect(out[1]).toMatchObject({ label: '', member: '', severity: 'high' });
  });

  it('leaves findings that are already named alone', () => {
    const named = finding({ severity: 'critical', label: 'x', member: 'Y' });
    expect(fillRegistered([named], keys)[0]).toBe(named);
  });
});

describe('saved scans', () => {
  it('show only the row’s folder’s findings', () => {
    const summary = {
      id: 7,
      root: '/a',
      roots: ['/a', '/b'],
      started_at: '2026-03-01T10:00:00Z',
      finished_at: '',
      history: true,
      files: 10,
      bytes: 100,
      commits: 4,
      seconds: 1.5,
      status: 'completed' as const,
      error: '',
      findings: 1,
      clean: false,
    };
    const shown = fromSummary(summary, [finding({ root: '/a' }), finding({ root: '/b' })]);
    expect(shown).toMatchObject({ source: 'saved', id: 7, roots: ['/a'], history: true, files: 10, commits: 4 });
    expect(shown.findings.map((f) => f.root)).toEqual(['/a']);
    expect(shown.skipped).toEqual([]);
  });
});

describe('evidence items', () => {
  const item = (id: string, evidence: string[]) => ({
    id,
    section: 'KH',
    title: { en: id, 'zh-CN': id },
    why: { en: '', 'zh-CN': '' },
    how: { en: [], 'zh-CN': [] },
    applies: { en: '', 'zh-CN': '' },
    applies_if: { all: [], any: [] },
    evidence,
    sources: [],
    since: '',
    changed: '',
  });

  it('lists the items citing leak scans, KH-03 first', () => {
    const items = [item('KH-01', ['key-register']), item('KH-02', ['leak-scan']), item('KH-03', ['leak-scan', 'x'])];
    expect(evidenceItems(items).map((i) => i.id)).toEqual(['KH-03', 'KH-02']);
    expect(evidenceItems([item('KH-09', ['leak-scan'])]).map((i) => i.id)).toEqual(['KH-09']);
    expect(evidenceItems([])).toEqual([]);
  });
});
