import { beforeEach, describe, expect, it, vi } from 'vitest';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Checklist', () => ({
  Catalogue: vi.fn(),
  ListWorkspaces: vi.fn(),
  CreateWorkspace: vi.fn(),
  DeleteWorkspace: vi.fn(),
  Items: vi.fn(),
  UpdateItem: vi.fn(),
  AddEvidence: vi.fn(),
  RemoveEvidence: vi.fn(),
  History: vi.fn(),
  ApplyProfile: vi.fn(),
  Progress: vi.fn(),
  CatalogueChanges: vi.fn(),
  MarkReviewed: vi.fn(),
}));
vi.mock('./wailsjs/go/gui/Settings', () => ({
  Settings: vi.fn(),
  SetLanguage: vi.fn(),
  BaseURL: vi.fn(),
  SetBaseURL: vi.fn(),
}));
vi.mock('./wailsjs/go/main/App', () => ({
  AppInfo: vi.fn(),
  ExportChecklist: vi.fn(),
  BackupDatabase: vi.fn(),
  PickEvidenceFile: vi.fn(),
}));
vi.mock('./wailsjs/runtime/runtime', () => ({ BrowserOpenURL: vi.fn() }));

import * as Service from './wailsjs/go/gui/Checklist';
import * as Prefs from './wailsjs/go/gui/Settings';
import * as App from './wailsjs/go/main/App';
import * as api from './index';
import { toAppError, call } from './errors';

const mocked = <T extends (...args: never[]) => unknown>(fn: T) => vi.mocked(fn);

beforeEach(() => vi.clearAllMocks());

describe('toAppError', () => {
  it('keeps the Go ErrorFormatter object', () => {
    expect(toAppError({ code: 'reason_required', message: 'Say why.' })).toEqual({
      code: 'reason_required',
      message: 'Say why.',
    });
  });

  it('maps a plain string to code "internal"', () => {
    expect(toAppError('database is locked')).toEqual({ code: 'internal', message: 'database is locked' });
  });

  it('parses a JSON-encoded error object', () => {
    expect(toAppError('{"code":"not_found","message":"No such workspace."}')).toEqual({
      code: 'not_found',
      message: 'No such workspace.',
    });
  });

  it('treats malformed JSON as a plain message', () => {
    expect(toAppError('{oops')).toEqual({ code: 'internal', message: '{oops' });
  });

  it('maps Error instances and odd values', () => {
    expect(toAppError(new Error('boom'))).toEqual({ code: 'internal', message: 'boom' });
    expect(toAppError({ message: 'no code' })).toEqual({ code: 'internal', message: 'no code' });
    expect(toAppError(undefined).code).toBe('internal');
    expect(toAppError(42).message).not.toBe('');
    expect(toAppError('').message).not.toBe('');
  });

  it('reports missing bindings as "unavailable"', async () => {
    const err = await call(
      () => {
        throw new TypeError("Cannot read properties of undefined (reading 'checklist')");
      },
      (x) => x,
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'unavailable' });
  });
});

describe('facade', () => {
  it('rejects with the AppError Go sent', async () => {
    mocked(Service.UpdateItem).mockRejectedValue({ code: 'reason_required', message: '请说明原因。' });
    await expect(api.updateItem('ws', 'UP-01', { status: 'not_applicable' })).rejects.toEqual({
      code: 'reason_required',
      message: '请说明原因。',
    });
    expect(Service.UpdateItem).toHaveBeenCalledWith('ws', 'UP-01', { status: 'not_applicable' });
  });

  it('unwraps the JSON the Wails runtime wraps in an Error', async () => {
    mocked(Service.UpdateItem).mockRejectedValue(
      new Error(JSON.stringify({ code: 'reason_required', message: 'Say why item UP-01 does not apply.' })),
    );
    await expect(api.updateItem('ws', 'UP-01', { status: 'not_applicable' })).rejects.toEqual({
      code: 'reason_required',
      message: 'Say why item UP-01 does not apply.',
    });
  });

  it('rejects with code "internal" for a plain string', async () => {
    mocked(Service.ListWorkspaces).mockRejectedValue('disk full');
    await expect(api.listWorkspaces()).rejects.toEqual({ code: 'internal', message: 'disk full' });
  });

  it('normalises null lists from Go', async () => {
    mocked(Service.ListWorkspaces).mockResolvedValue(null as never);
    await expect(api.listWorkspaces()).resolves.toEqual([]);
    mocked(Service.Progress).mockResolvedValue({ overall: null, sections: null, overdue: null, at_risk: null } as never);
    const p = await api.progress('ws');
    expect(p.sections).toEqual([]);
    expect(p.overdue).toEqual([]);
    expect(p.overall.total).toBe(0);
  });

  it('passes arguments through in order', async () => {
    mocked(App.ExportChecklist).mockResolvedValue('/tmp/out.pdf' as never);
    await expect(api.exportChecklist('Bot', 'pdf', 'zh-CN')).resolves.toBe('/tmp/out.pdf');
    expect(App.ExportChecklist).toHaveBeenCalledWith('Bot', 'pdf', 'zh-CN');
    mocked(App.BackupDatabase).mockResolvedValue('' as never);
    await expect(api.backupDatabase()).resolves.toBe('');
    mocked(Service.RemoveEvidence).mockResolvedValue({ id: 'UP-01', evidence: null } as never);
    const item = await api.removeEvidence('Bot', 7);
    expect(Service.RemoveEvidence).toHaveBeenCalledWith('Bot', 7);
    expect(item.evidence).toEqual([]);
  });

  it('decodes settings and keeps unknown languages out', async () => {
    mocked(Prefs.Settings).mockResolvedValue({ language: 'fr', effective_language: 'zh-CN', system_language: 'zh_CN' } as never);
    await expect(api.settings()).resolves.toEqual({ language: '', effective_language: 'zh-CN', system_language: 'zh_CN' });
  });
});
