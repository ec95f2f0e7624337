// The leak scan part of the API facade (src/api/leakscan.ts): decoding what Go
// sends, errors, and the progress subscription.
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../api/wailsjs/go/gui/LeakScan', () => ({
  ScanFolders: vi.fn(),
  CancelScan: vi.fn(),
  LastScans: vi.fn(),
  ScanFindings: vi.fn(),
  CheckFolder: vi.fn(),
}));
vi.mock('../../api/wailsjs/go/main/App', () => ({ PickFolder: vi.fn() }));
vi.mock('../../api/wailsjs/go/gui/Data', () => ({ OpenInFileManager: vi.fn() }));
vi.mock('../../api/wailsjs/runtime/runtime', () => ({ BrowserOpenURL: vi.fn(), EventsOn: vi.fn() }));

import * as Scans from '../../api/wailsjs/go/gui/LeakScan';
import * as Dialogs from '../../api/wailsjs/go/main/App';
import * as Data from '../../api/wailsjs/go/gui/Data';

const App = { ...Scans, ...Dialogs, ...Data };
import * as Runtime from '../../api/wailsjs/runtime/runtime';
import * as api from '../../api';

const mocked = <T extends (...args: never[]) => unknown>(fn: T) => vi.mocked(fn);

beforeEach(() => vi.clearAllMocks());

const goFinding = {
  rule: 'openai-project-key',
  severity: 'critical',
  root: '/home/ada/app',
  file: 'src/config.py',
  line: 3,
  column: 14,
  redacted: 'sk-proj-…abcd',
  fingerprint: 'fp1',
  member: 'Ada',
  label: 'prod',
};

describe('scanFolders', () => {
  it('passes the request and decodes the result, defaulting Go’s nulls and omitted fields', async () => {
    mocked(App.ScanFolders).mockResolvedValue({
      roots: ['/home/ada/app'],
      history: true,
      started_at: '2026-03-01T10:00:00Z',
      finished_at: '0001-01-01T00:00:00Z',
      status: 'completed',
      findings: [goFinding, { ...goFinding, severity: 'urgent', commit: 'abc', author: 'Ada <a@x>', date: '2026-02-01T00:00:00Z' }],
      skipped: null,
      stats: { files: 12, bytes: 3400, commits: 5, seconds: 0.25, binary_files: 1, suppressed: 2 },
    } as never);
    const req = { paths: ['/home/ada/app'], history: true, respect_gitignore: false };
    const res = await api.scanFolders(req);
    expect(App.ScanFolders).toHaveBeenCalledWith(req);
    expect(res.status).toBe('completed');
    expect(res.error).toBe('');
    expect(res.finished_at).toBe('');
    expect(res.skipped).toEqual([]);
    expect(res.stats).toEqual({ files: 12, bytes: 3400, commits: 5, seconds: 0.25, binary_files: 1, suppressed: 2 });
    expect(res.findings[0]).toEqual({ ...goFinding, severity: 'critical', commit: '', author: '', date: '' });
    // An unknown severity still shows, among the keys.
    expect(res.findings[1]).toMatchObject({ severity: 'high', commit: 'abc', author: 'Ada <a@x>' });
  });

  it('decodes a cancelled result with what was found so far', async () => {
    mocked(App.ScanFolders).mockResolvedValue({ status: 'cancelled', error: 'context canceled', findings: [goFinding] } as never);
    const res = await api.scanFolders({ paths: ['/x'], history: false, respect_gitignore: true });
    expect(res).toMatchObject({ status: 'cancelled', error: 'context canceled', roots: [], history: false });
    expect(res.findings).toHaveLength(1);
    expect(res.stats.files).toBe(0);
  });

  it('treats a result without a status as failed', async () => {
    mocked(App.ScanFolders).mockResolvedValue({} as never);
    expect((await api.scanFolders({ paths: [], history: false, respect_gitignore: false })).status).toBe('failed');
  });

  it('rejects with the AppError Go sent', async () => {
    mocked(App.ScanFolders).mockRejectedValue({ code: 'leak_root_missing', message: 'Cannot scan /nope.' });
    await expect(api.scanFolders({ paths: ['/nope'], history: false, respect_gitignore: false })).rejects.toEqual({
      code: 'leak_root_missing',
      message: 'Cannot scan /nope.',
    });
  });
});

describe('saved scans', () => {
  it('decodes LastScans, never calling an unfinished scan clean', async () => {
    mocked(App.LastScans).mockResolvedValue([
      { id: 3, root: '/a', roots: ['/a', '/b'], status: 'completed', findings: 0, clean: true, history: false },
      { id: 4, root: '/b', roots: null, status: 'cancelled', findings: 0, clean: true },
      { id: 5, root: '/c', status: 'weird', findings: 2, clean: false, files: 'x' },
    ] as never);
    const rows = await api.lastScans();
    expect(rows.map((r) => [r.id, r.status, r.clean])).toEqual([
      [3, 'completed', true],
      [4, 'cancelled', false],
      [5, 'failed', false],
    ]);
    expect(rows[1]?.roots).toEqual([]);
    expect(rows[2]?.files).toBe(0);
    expect(rows[0]?.error).toBe('');
  });

  it('decodes null lists as empty', async () => {
    mocked(App.LastScans).mockResolvedValue(null as never);
    mocked(App.ScanFindings).mockResolvedValue(null as never);
    expect(await api.lastScans()).toEqual([]);
    expect(await api.scanFindings(9)).toEqual([]);
    expect(App.ScanFindings).toHaveBeenCalledWith(9);
  });
});

describe('folders', () => {
  it('resolves the picked folder, or "" when cancelled', async () => {
    mocked(App.PickFolder).mockResolvedValue('/home/ada/app');
    expect(await api.pickFolder()).toBe('/home/ada/app');
    mocked(App.PickFolder).mockResolvedValue('');
    expect(await api.pickFolder()).toBe('');
  });

  it('checks a folder when it is added: its path, or Go’s error naming a missing one', async () => {
    mocked(App.CheckFolder).mockResolvedValue('/home/ada/app');
    expect(await api.checkFolder('/home/ada/app')).toBe('/home/ada/app');
    expect(App.CheckFolder).toHaveBeenCalledWith('/home/ada/app');
    mocked(App.CheckFolder).mockRejectedValue({ code: 'leak_root_missing', message: 'Cannot scan /gone: it does not exist or cannot be read.' });
    await expect(api.checkFolder('/gone')).rejects.toEqual({
      code: 'leak_root_missing',
      message: 'Cannot scan /gone: it does not exist or cannot be read.',
    });
  });

  it('opens the file manager and cancels', async () => {
    mocked(App.OpenInFileManager).mockResolvedValue(undefined);
    mocked(App.CancelScan).mockResolvedValue(undefined);
    await api.openInFileManager('/home/ada/app/src/config.py');
    await api.cancelScan();
    expect(App.OpenInFileManager).toHaveBeenCalledWith('/home/ada/app/src/config.py');
    expect(App.CancelScan).toHaveBeenCalledOnce();
  });
});

describe('onScanProgress', () => {
  it('subscribes to the progress event, decodes reports and unsubscribes', () => {
    const off = vi.fn();
    let handler: ((...data: unknown[]) => void) | undefined;
    mocked(Runtime.EventsOn).mockImplementation((name: string, cb: (...data: unknown[]) => void) => {
      expect(name).toBe('leakscan:progress');
      handler = cb;
      return off;
    });
    const seen: api.LeakScanProgress[] = [];
    const stop = api.onScanProgress((p) => seen.push(p));
    handler?.({ files: 10, bytes: 2048, commits: 0, files_per_second: 99.5, seconds: 0.1 });
    handler?.(null);
    expect(seen).toEqual([
      { files: 10, bytes: 2048, commits: 0, files_per_second: 99.5, seconds: 0.1, done: false },
      { files: 0, bytes: 0, commits: 0, files_per_second: 0, seconds: 0, done: false },
    ]);
    stop();
    stop();
    expect(off).toHaveBeenCalledOnce();
  });

  it('is harmless without the Wails runtime', () => {
    mocked(Runtime.EventsOn).mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'EventsOnMultiple')");
    });
    const stop = api.onScanProgress(() => {});
    expect(() => stop()).not.toThrow();
  });
});

describe('errors from the Wails runtime', () => {
  it('turns an Error carrying the JSON error back into the AppError', async () => {
    mocked(App.LastScans).mockRejectedValue(new Error('{"code":"internal","message":"database is locked"}'));
    await expect(api.lastScans()).rejects.toEqual({ code: 'internal', message: 'database is locked' });
  });
});
