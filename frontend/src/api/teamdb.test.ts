import { beforeEach, describe, expect, it, vi } from 'vitest';

// The generated bindings call window.go; replace them with mocks.
vi.mock('./wailsjs/go/gui/Settings', () => ({
  Settings: vi.fn(),
  SetLanguage: vi.fn(),
  BaseURL: vi.fn(),
  SetBaseURL: vi.fn(),
  Theme: vi.fn(),
  SetTheme: vi.fn(),
  TestConnection: vi.fn(),
  TeamDatabase: vi.fn(),
  SetTeamDatabase: vi.fn(),
  TestTeamDatabase: vi.fn(),
  ClearTeamDatabase: vi.fn(),
}));

import * as Prefs from './wailsjs/go/gui/Settings';
import * as api from './teamdb';

const mocked = <T extends (...args: never[]) => unknown>(fn: T) => vi.mocked(fn);

beforeEach(() => vi.clearAllMocks());

describe('team database facade', () => {
  it('decodes a connected team database', async () => {
    mocked(Prefs.TeamDatabase).mockResolvedValue({
      url: 'postgres://steward@db.example:5432/team',
      name: 'db.example:5432/team',
      passwordSet: true,
      connected: true,
    } as never);
    await expect(api.teamDatabase()).resolves.toEqual({
      url: 'postgres://steward@db.example:5432/team',
      name: 'db.example:5432/team',
      passwordSet: true,
      connected: true,
      problem: null,
    });
  });

  it('decodes none set (Go zero values) and a problem', async () => {
    mocked(Prefs.TeamDatabase).mockResolvedValue({ url: '', name: '', passwordSet: false, connected: false, problem: null } as never);
    await expect(api.teamDatabase()).resolves.toEqual({ url: '', name: '', passwordSet: false, connected: false, problem: null });
    mocked(Prefs.TeamDatabase).mockResolvedValue({
      url: 'postgres://u@h/db',
      connected: false,
      problem: { code: 'database_auth', message: 'PostgreSQL refused user "u".' },
    } as never);
    const st = await api.teamDatabase();
    expect(st.connected).toBe(false);
    expect(st.passwordSet).toBe(false);
    expect(st.problem).toEqual({ code: 'database_auth', message: 'PostgreSQL refused user "u".' });
  });

  it('ignores flags when no URL is set', () => {
    expect(api.decodeTeamDatabase({ url: '', connected: true, passwordSet: true })).toMatchObject({ connected: false, passwordSet: false });
    expect(api.decodeTeamDatabase(null)).toEqual({ url: '', name: '', passwordSet: false, connected: false, problem: null });
  });

  it('passes the URL and password through in order and rejects with the AppError', async () => {
    mocked(Prefs.SetTeamDatabase).mockResolvedValue({ url: 'postgres://u@h/db', passwordSet: true, connected: true } as never);
    await api.setTeamDatabase('postgres://u@h/db', 'pw');
    expect(Prefs.SetTeamDatabase).toHaveBeenCalledWith('postgres://u@h/db', 'pw');
    mocked(Prefs.TestTeamDatabase).mockRejectedValue(JSON.stringify({ code: 'database_missing', message: 'No database "db".' }));
    await expect(api.testTeamDatabase('postgres://u@h/db', '')).rejects.toEqual({ code: 'database_missing', message: 'No database "db".' });
    mocked(Prefs.ClearTeamDatabase).mockResolvedValue({ url: '' } as never);
    await expect(api.clearTeamDatabase()).resolves.toMatchObject({ url: '' });
  });
});
