import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../api/teamdb', () => ({ teamDatabase: vi.fn() }));

import { teamDatabase } from '../../api/teamdb';
import { TABS, usage } from './state.svelte';

const team = (url: string, connected = true) => ({ url, name: url ? 'db:5432/team' : '', passwordSet: !!url, connected, problem: null });

beforeEach(() => vi.clearAllMocks());

describe('usage screen in team mode', () => {
  it('shows only the read-only tabs while a team database is set', async () => {
    vi.mocked(teamDatabase).mockResolvedValue(team('postgres://u@db:5432/team'));
    await usage.loadTeam();
    expect(usage.teamMode).toBe(true);
    expect(usage.tabs).toEqual(['overview', 'prices']);
  });

  it('is read-only even when the team database cannot be read now', async () => {
    vi.mocked(teamDatabase).mockResolvedValue(team('postgres://u@db:5432/team', false));
    await usage.loadTeam();
    expect(usage.teamMode).toBe(true);
  });

  it('shows every tab for this computer’s log', async () => {
    vi.mocked(teamDatabase).mockResolvedValue(team(''));
    await usage.loadTeam();
    expect(usage.teamMode).toBe(false);
    expect(usage.tabs).toEqual(TABS);
  });
});
